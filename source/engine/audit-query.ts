/** Queries over the audit log: by vault, caller, operation substring, time range, result; newest first. */
import type { AuditEntry, AuditQuery } from '../domain/audit.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';

export class AuditQueryPart {
  constructor(private readonly core: EngineCore) {}

  /**
   * Not itself audited (reading the log would flood it). The demo shows every entry to any caller of
   * the tenant, as the diagnostics workspace would to a reader.
   */
  query(_ctx: CallContext, q: AuditQuery = {}): AuditEntry[] {
    return this.core.state.audit.query(q);
  }
}
