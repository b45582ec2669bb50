import type { DeletedApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryDeleted(engine: Engine, ctx: CallContext): DeletedApi {
  const dv = engine.deletedVaults;
  return {
    listVaults: (subscriptionId, o) => run(o, () => dv.list(ctx, subscriptionId)),
    getVault: (subscriptionId, location, name, o) => run(o, () => dv.get(ctx, subscriptionId, location, name)),
    recoverVault: (d, o) => run(o, () => dv.recover(ctx, d.subscriptionId, d.location, d.name)),
    purgeVault: (d, o) => run(o, () => dv.purge(ctx, d.subscriptionId, d.location, d.name)),
  };
}
