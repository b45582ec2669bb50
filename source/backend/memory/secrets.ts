import type { SecretsApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memorySecrets(engine: Engine, ctx: CallContext): SecretsApi {
  const s = engine.secrets;
  return {
    listPage: (vault, page, o) => run(o, () => s.listPage(ctx, vault.name, page)),
    listVersions: (vault, name, o) => run(o, () => s.listVersions(ctx, vault.name, name)),
    get: (vault, name, version, o) => run(o, () => s.get(ctx, vault.name, name, version)),
    set: (vault, name, input, o) => run(o, () => s.set(ctx, vault.name, name, input)),
    update: (vault, name, version, input, o) => run(o, () => s.update(ctx, vault.name, name, version, input)),
    delete: (vault, name, o) => run(o, () => s.delete(ctx, vault.name, name)),
    backup: (vault, name, o) => run(o, () => s.backup(ctx, vault.name, name)),
    restore: (vault, backup, o) => run(o, () => s.restore(ctx, vault.name, backup)),
  };
}
