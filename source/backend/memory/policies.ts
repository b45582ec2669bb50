import type { PoliciesApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryPolicies(engine: Engine, ctx: CallContext): PoliciesApi {
  return {
    list: (vault, o) => run(o, () => engine.policies.list(ctx, vault)),
    update: (vault, kind, policies, o) => run(o, () => engine.policies.update(ctx, vault, kind, policies)),
  };
}
