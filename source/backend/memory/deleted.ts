import type { DeletedApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryDeleted(engine: Engine, ctx: CallContext): DeletedApi {
  const dv = engine.deletedVaults;
  const s = engine.secrets;
  const k = engine.keys;
  return {
    listVaults: (subscriptionId, o) => run(o, () => dv.list(ctx, subscriptionId)),
    getVault: (subscriptionId, location, name, o) => run(o, () => dv.get(ctx, subscriptionId, location, name)),
    recoverVault: (d, o) => run(o, () => dv.recover(ctx, d.subscriptionId, d.location, d.name)),
    purgeVault: (d, o) => run(o, () => dv.purge(ctx, d.subscriptionId, d.location, d.name)),
    listSecrets: (vault, o) => run(o, () => s.listDeleted(ctx, vault.name)),
    getSecret: (vault, name, o) => run(o, () => s.getDeleted(ctx, vault.name, name)),
    recoverSecret: (vault, name, o) => run(o, () => s.recover(ctx, vault.name, name)),
    purgeSecret: (vault, name, o) => run(o, () => s.purge(ctx, vault.name, name)),
    listKeys: (vault, o) => run(o, () => k.listDeleted(ctx, vault.name)),
    getKey: (vault, name, o) => run(o, () => k.getDeleted(ctx, vault.name, name)),
    recoverKey: (vault, name, o) => run(o, () => k.recover(ctx, vault.name, name)),
    purgeKey: (vault, name, o) => run(o, () => k.purge(ctx, vault.name, name)),
  };
}
