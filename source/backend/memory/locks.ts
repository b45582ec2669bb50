import type { LocksApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryLocks(engine: Engine, ctx: CallContext): LocksApi {
  const l = engine.locks;
  return {
    listForVault: (vault, o) => run(o, () => l.listForVault(ctx, vault)),
    listAtScope: (scope, o) => run(o, () => l.listAtScope(ctx, scope)),
    create: (input, o) => run(o, () => l.create(ctx, input)),
    delete: (scope, name, o) => run(o, () => l.delete(ctx, scope, name)),
  };
}
