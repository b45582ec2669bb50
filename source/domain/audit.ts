/** One operation, allowed or refused, as Key Vault's AuditEvent log records it. Never a value. */
export interface AuditEntry {
  id: number;
  time: Date;
  caller: { objectId: string; displayName?: string; upn?: string; appId?: string };
  clientAddress?: string;
  /** Azure's operation names: SecretGet, SecretSet, VaultDelete, KeySign, VaultAccessPolicyChange, … */
  operation: string;
  /** The vault the operation was about, when there is one. */
  vaultName?: string;
  /** Resource id or object id the operation targeted. */
  target: string;
  /** HTTP status code of the result. */
  resultCode: number;
  /** The error code of a refusal (Forbidden, ScopeLocked, …). */
  errorCode?: string;
  durationMs: number;
}

export interface AuditQuery {
  vaultName?: string;
  callerObjectId?: string;
  /** Substring, case-insensitive. */
  operation?: string;
  since?: Date;
  until?: Date;
  result?: 'success' | 'failure';
  /** Newest first; default 1000. */
  limit?: number;
}

export const DEFAULT_AUDIT_LIMIT = 1000;

/**
 * Runs a query over a log kept oldest first (the engine's, or a session's on Azure): newest first,
 * filtered, limited, and copied so callers can never edit the log.
 */
export function queryAuditLog(log: readonly AuditEntry[], q: AuditQuery = {}): AuditEntry[] {
  const limit = q.limit ?? DEFAULT_AUDIT_LIMIT;
  const vault = q.vaultName?.toLowerCase();
  const caller = q.callerObjectId?.toLowerCase();
  const op = q.operation?.toLowerCase();
  const since = q.since?.getTime();
  const until = q.until?.getTime();
  const out: AuditEntry[] = [];
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
