/** Queries over the audit log: by vault, caller, operation substring, time range, result; newest first. */
import type { AuditEntry, AuditQuery } from '../domain/audit.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';

export const DEFAULT_AUDIT_LIMIT = 1000;

export class AuditQueryPart {
  constructor(private readonly core: EngineCore) {}

  /**
   * Not itself audited (reading the log would flood it). The demo shows every entry to any caller of
   * the tenant, as the diagnostics workspace would to a reader.
   */
  query(_ctx: CallContext, q: AuditQuery = {}): AuditEntry[] {
    const limit = q.limit ?? DEFAULT_AUDIT_LIMIT;
    const vault = q.vaultName?.toLowerCase();
    const caller = q.callerObjectId?.toLowerCase();
    const op = q.operation?.toLowerCase();
    const since = q.since?.getTime();
    const until = q.until?.getTime();
    const out: AuditEntry[] = [];
    const log = this.core.state.audit;
    for (let i = log.length - 1; i >= 0 && out.length < limit; i--) {
      const e = log[i];
      if (vault !== undefined && e.vaultName?.toLowerCase() !== vault) continue;
      if (caller !== undefined && e.caller.objectId.toLowerCase() !== caller) continue;
      if (op !== undefined && !e.operation.toLowerCase().includes(op)) continue;
      const t = e.time.getTime();
      if (since !== undefined && t < since) continue;
      if (until !== undefined && t > until) continue;
      const ok = e.resultCode < 400;
      if (q.result === 'success' && !ok) continue;
      if (q.result === 'failure' && ok) continue;
      out.push({ ...e, caller: { ...e.caller }, time: new Date(t) });
    }
    return out;
  }
}
