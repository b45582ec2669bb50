import type { VaultsApi } from '../backend.js';
import { CURRENT_MANAGEMENT_API_VERSION, vaultDefaultsFor } from '../../domain/vault.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryVaults(engine: Engine, ctx: CallContext): VaultsApi {
  const v = engine.vaults;
  return {
    list: (subscriptionId, o) => run(o, () => v.list(ctx, subscriptionId)),
    get: (subscriptionId, resourceGroup, name, o) => run(o, () => v.get(ctx, { subscriptionId, resourceGroup, name })),
    // In process the engine behaves as the management API version the Azure backend speaks (RBAC by default).
    create: (input, o) => run(o, () => v.create(ctx, input, vaultDefaultsFor(CURRENT_MANAGEMENT_API_VERSION))),
    update: (vault, input, o) => run(o, () => v.update(ctx, vault, input)),
    delete: (vault, o) => run(o, () => v.delete(ctx, vault)),
    checkNameAvailability: (subscriptionId, name, o) => run(o, () => v.checkNameAvailability(ctx, subscriptionId, name)),
  };
}
