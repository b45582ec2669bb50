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
