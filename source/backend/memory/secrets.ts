import type { SecretsApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';
import { memoryLifecycle } from './lifecycle.js';

export function memorySecrets(engine: Engine, ctx: CallContext): SecretsApi {
  const s = engine.secrets;
  return {
    ...memoryLifecycle(s, ctx),
    set: (vault, name, input, o) => run(o, () => s.set(ctx, vault.name, name, input)),
    update: (vault, name, version, input, o) => run(o, () => s.update(ctx, vault.name, name, version, input)),
  };
}
