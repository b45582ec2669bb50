/** How audit rows look: time, caller, operation (×N for a burst), short targets, the result (refusals in red). Pure. */
import type { AuditEntry } from '../../../domain/audit.js';
import type { Column } from '../../components/columns.js';
import type { AuditRow } from './group.js';

export const callerName = (e: AuditEntry) => e.caller.displayName ?? e.caller.upn ?? e.caller.objectId;
export const entryTime = (e: AuditEntry) => e.time.toISOString().replace('T', ' ').slice(0, 19);
export const refused = (e: AuditEntry) => e.resultCode >= 400;
export const resultText = (e: AuditEntry) => `${e.resultCode}${e.errorCode ? ` ${e.errorCode}` : refused(e) ? ' refused' : ' OK'}`;

/**
 * A target in a few words: "contoso-app-kv/secrets/sql-admin-password" for a data-plane URL,
 * "vault contoso-app-kv", "lock ase-edge01-kv-lock", "deleted vault billing-old-kv" for ARM ids.
 */
export function shortTarget(target: string): string {
  const url = /^https?:\/\/([^./]+)[^/]*\/(.*)$/.exec(target);
  if (url) {
    const parts = url[2].split('/').filter(Boolean);
    // Drop the 32-hex version: the name says enough in a list.
    if (parts.length === 3 && /^[0-9a-f]{32}$/i.test(parts[2])) parts.pop();
    return [url[1], ...parts].join('/');
  }
  const segs = target.split('/').filter(Boolean);
  if (segs.length === 0) return 'all subscriptions';
  const after = (name: string) => { const i = segs.findIndex((s) => s.toLowerCase() === name); return i >= 0 ? segs[i + 1] : undefined; };
  if (after('locks')) return `lock ${after('locks')}`;
  if (after('deletedvaults')) return `deleted vault ${after('deletedvaults')}`;
  if (after('accesspolicies')) return `vault ${after('vaults')} access policies (${after('accesspolicies')})`;
  if (after('vaults')) return `vault ${after('vaults')}`;
  if (segs[segs.length - 1]?.toLowerCase() === 'checknameavailability') return 'name availability';
  if (after('resourcegroups')) return `resource group ${after('resourcegroups')}`;
  if (after('subscriptions')) return `subscription ${after('subscriptions')}`;
  return target;
}

/** The targets of a row, short, newest first. */
export const rowTargets = (r: AuditRow) => r.entries.map((e) => shortTarget(e.target)).join(', ');
export const rowOperation = (r: AuditRow) => `${r.entry.operation}${r.entries.length > 1 ? ` ×${r.entries.length}` : ''}`;

/** The text `/` matches: every visible cell, and every target of a burst. */
export const rowText = (r: AuditRow) => `${callerName(r.entry)} ${r.entry.operation} ${rowTargets(r)} ${resultText(r.entry)}`;

export const AUDIT_COLUMNS: Column<AuditRow>[] = [
  { key: 'time', header: 'TIME (UTC)', width: 19, value: (r) => entryTime(r.entry) },
  { key: 'caller', header: 'CALLER', flex: 1, min: 10, match: true, value: (r) => callerName(r.entry) },
  { key: 'op', header: 'OPERATION', flex: 1, min: 14, value: rowOperation },
  { key: 'target', header: 'TARGET', flex: 2, min: 14, drop: 1, value: rowTargets },
  { key: 'result', header: 'RESULT', width: 16, value: (r) => resultText(r.entry), color: (r, t) => (refused(r.entry) ? t.error : t.ok) },
];
