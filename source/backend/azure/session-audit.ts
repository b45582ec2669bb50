/**
 * The Audit pane on Azure: what THIS console did in this session (Key Vault's own AuditEvent log
 * lives in the vault's diagnostic destination, which diagnosticsHint names). Entries carry the
 * operation, target and result code — never a value. Operation names are Azure's, as the engine's.
 */
import { queryAuditLog, type AuditEntry, type AuditQuery } from '../../domain/audit.js';
import type { Identity } from '../../domain/directory.js';

const CAPACITY = 10_000;

/** What a call reports; the session adds id, time and caller. */
export type AuditRecord = Omit<AuditEntry, 'id' | 'time' | 'caller' | 'clientAddress'>;

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
    return queryAuditLog(this.entries, q);
  }
}
