import type { DirectoryApi } from '../backend.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryDirectory(engine: Engine): DirectoryApi {
  const d = engine.directory;
  return {
    listTenants: (o) => run(o, () => d.listTenants()),
    listSubscriptions: (o) => run(o, () => d.listSubscriptions()),
    listResourceGroups: (subscriptionId, o) => run(o, () => d.listResourceGroups(subscriptionId)),
    listPrincipals: (o) => run(o, () => d.listPrincipals()),
    getPrincipal: (objectId, o) => run(o, () => d.getPrincipal(objectId)),
  };
}
