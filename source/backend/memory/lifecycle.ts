/** The shared lifecycle of any object kind, over the engine part of that kind (written once for secrets, keys and certificates). */
import type { ObjectLifecycleApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { VersionedPart } from '../../engine/objects/versioned-part.js';
import type { ObjectRecord } from '../../engine/state.js';
import { run } from './call.js';

export function memoryLifecycle<P, D, X, F>(part: VersionedPart<ObjectRecord, P, D, X, F>, ctx: CallContext): ObjectLifecycleApi<P, D, X, F> {
  return {
    get: (vault, name, version, o) => run(o, () => part.get(ctx, vault.name, name, version)),
    listPage: (vault, page, o) => run(o, () => part.listPage(ctx, vault.name, page)),
    listVersions: (vault, name, o) => run(o, () => part.listVersions(ctx, vault.name, name)),
    delete: (vault, name, o) => run(o, () => part.delete(ctx, vault.name, name)),
    backup: (vault, name, o) => run(o, () => part.backup(ctx, vault.name, name)),
    restore: (vault, backup, o) => run(o, () => part.restore(ctx, vault.name, backup)),
    listDeleted: (vault, o) => run(o, () => part.listDeleted(ctx, vault.name)),
    getDeleted: (vault, name, o) => run(o, () => part.getDeleted(ctx, vault.name, name)),
    recover: (vault, name, o) => run(o, () => part.recover(ctx, vault.name, name)),
    purge: (vault, name, o) => run(o, () => part.purge(ctx, vault.name, name)),
  };
}
