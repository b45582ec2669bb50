/**
 * The audit log in memory: oldest first, bounded (older entries drop out past the capacity, so a long
 * benchmark cannot grow memory without bound). Every entry also goes to the state sink.
 */
import { queryAuditLog, type AuditEntry, type AuditQuery } from '../../domain/audit.js';
import type { SinkRef } from './sink.js';

/** Older entries are dropped past this. */
export const AUDIT_CAPACITY = 50_000;

export class AuditLog {
  private entries: AuditEntry[] = [];
  nextId = 1;

  constructor(private readonly ref: SinkRef, private readonly capacity = AUDIT_CAPACITY) {}

  append(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const e: AuditEntry = { id: this.nextId++, ...entry };
    this.entries.push(e);
    // Trim in batches: a splice per call would cost O(capacity) on every operation.
    if (this.entries.length > this.capacity * 1.25) this.entries.splice(0, this.entries.length - this.capacity);
    this.ref.sink.audit(e);
    return e;
  }

  /** Entries loaded from storage (oldest first), without telling the sink. */
  load(entries: AuditEntry[], nextId: number): void {
    this.entries = entries;
    this.nextId = nextId;
  }

  /** Oldest first; do not mutate. */
  all(): readonly AuditEntry[] {
    return this.entries;
  }

  query(q: AuditQuery = {}): AuditEntry[] {
    return queryAuditLog(this.entries, q);
  }
}
