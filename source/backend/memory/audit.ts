import type { AuditApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryAudit(engine: Engine, ctx: CallContext): AuditApi {
  return {
    query: (q, o) => run(o, () => engine.audit.query(ctx, q)),
    diagnosticsHint: (vault, o) => run(o, () => `In-process audit log of the demo engine (vault ${vault.name}).`),
  };
}
