import type { DirectoryApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

/** The directory as the caller sees it: subscriptions and resource groups it has access to, every principal. */
export function memoryDirectory(engine: Engine, ctx: CallContext): DirectoryApi {
  const d = engine.directory;
  return {
    listTenants: (o) => run(o, () => d.listTenants()),
    listSubscriptions: (o) => run(o, () => d.listSubscriptions(ctx)),
    listResourceGroups: (subscriptionId, o) => run(o, () => d.listResourceGroups(subscriptionId, ctx)),
    listPrincipals: (o) => run(o, () => d.listPrincipals()),
    getPrincipal: (objectId, o) => run(o, () => d.getPrincipal(objectId)),
  };
}
