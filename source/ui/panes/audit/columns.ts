/** How audit entries look: time, caller, operation, a short target, the result (refusals in red). Pure. */
import type { AuditEntry } from '../../../domain/audit.js';
import type { Column } from '../../components/columns.js';

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

/** The text `/` matches: every visible cell. */
export const entryText = (e: AuditEntry) => `${callerName(e)} ${e.operation} ${shortTarget(e.target)} ${resultText(e)}`;

export const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { key: 'time', header: 'TIME (UTC)', width: 19, value: entryTime },
  { key: 'caller', header: 'CALLER', flex: 1, min: 10, match: true, value: callerName },
  { key: 'op', header: 'OPERATION', flex: 1, min: 14, value: (e) => e.operation },
  { key: 'target', header: 'TARGET', flex: 2, min: 14, drop: 1, value: (e) => shortTarget(e.target) },
  { key: 'result', header: 'RESULT', width: 16, value: resultText, color: (e, t) => (refused(e) ? t.error : t.ok) },
];
