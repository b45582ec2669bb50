/**
 * One row per burst: the console's own fan-outs (pane 1 lists the locks of every vault, quick lookup
 * lists the secrets of every vault) record one entry per vault, all at once. Entries next to each other
 * in the log (newest first) by the same caller, of the same operation and result, within a few seconds
 * of each other, are one row — "LockList ×203" — whose detail lists every target. The log itself is
 * untouched; `/` still matches every target of a row. Pure.
 */
import type { AuditEntry } from '../../../domain/audit.js';

/** Entries this close to the one before them belong to the same burst. */
export const BURST_MS = 2000;

export interface AuditRow {
  /** The newest entry of the row (its time, caller, operation, result). */
  entry: AuditEntry;
  /** Every entry of the row, newest first (one when it is not a burst). */
  entries: AuditEntry[];
}

const sameKind = (a: AuditEntry, b: AuditEntry) =>
  a.operation === b.operation && a.caller.objectId === b.caller.objectId && a.resultCode === b.resultCode && a.errorCode === b.errorCode;

/** Groups a newest-first log into rows, keeping its order. */
export function groupBursts(log: readonly AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const e of log) {
    const last = rows[rows.length - 1];
    const prev = last?.entries[last.entries.length - 1];
    if (last && prev && sameKind(prev, e) && prev.time.getTime() - e.time.getTime() <= BURST_MS) last.entries.push(e);
    else rows.push({ entry: e, entries: [e] });
  }
  return rows;
}
