/**
 * The Audit pane on Azure: what THIS console did in this session (Key Vault's own AuditEvent log
 * lives in the vault's diagnostic destination, which diagnosticsHint names). Entries carry the
 * operation, target and result code — never a value. Operation names are Azure's, as the engine's.
 */
import type { AuditEntry, AuditQuery } from '../../domain/audit.js';
import type { Identity } from '../../domain/directory.js';

const CAPACITY = 10_000;

export interface AuditRecord {
  operation: string;
  vaultName?: string;
  target: string;
  resultCode: number;
  errorCode?: string;
  durationMs: number;
}

export class SessionAudit {
  private readonly entries: AuditEntry[] = [];
  private nextId = 1;

  constructor(private readonly identity: Identity) {}

  record(r: AuditRecord): void {
    this.entries.push({
      id: this.nextId++,
      time: new Date(),
      caller: {
        objectId: this.identity.objectId,
        displayName: this.identity.displayName,
        upn: this.identity.upn,
        appId: this.identity.appId,
      },
      ...r,
    });
    if (this.entries.length > CAPACITY * 1.25) this.entries.splice(0, this.entries.length - CAPACITY);
  }

  query(q: AuditQuery = {}): AuditEntry[] {
    const limit = q.limit ?? 1000;
    const vault = q.vaultName?.toLowerCase();
    const caller = q.callerObjectId?.toLowerCase();
    const op = q.operation?.toLowerCase();
    const out: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.entries[i];
      if (vault !== undefined && e.vaultName?.toLowerCase() !== vault) continue;
      if (caller !== undefined && e.caller.objectId.toLowerCase() !== caller) continue;
      if (op !== undefined && !e.operation.toLowerCase().includes(op)) continue;
      if (q.since && e.time < q.since) continue;
      if (q.until && e.time > q.until) continue;
      const ok = e.resultCode < 400;
      if (q.result === 'success' && !ok) continue;
      if (q.result === 'failure' && ok) continue;
      out.push({ ...e, caller: { ...e.caller }, time: new Date(e.time) });
    }
    return out;
  }
}
