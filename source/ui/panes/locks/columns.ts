/** How lock rows look: the portal's level words and a short scope ("this vault", "resource group rg-x"). */
import { parseScope } from '../../../domain/ids.js';
import { LOCK_LEVEL_LABEL, type LockLevel, type ManagementLock } from '../../../domain/lock.js';
import type { Column } from '../../components/columns.js';

/** "Delete (CanNotDelete)", "Read-only (ReadOnly)". */
export const levelText = (level: LockLevel) => `${LOCK_LEVEL_LABEL[level]} (${level})`;

/** A lock's scope in words, relative to the vault shown; subscriptions by display name when known. */
export function scopeText(scope: string, vaultName: string, subscriptionNames: Record<string, string> = {}): string {
  const p = parseScope(scope);
  if (p.vaultName) return p.vaultName.toLowerCase() === vaultName.toLowerCase() ? 'this vault' : `vault ${p.vaultName}`;
  if (p.resourceGroup) return `resource group ${p.resourceGroup}`;
  if (p.subscriptionId) return `subscription ${subscriptionNames[p.subscriptionId] ?? p.subscriptionId}`;
  return scope;
}

export function lockColumns(vaultName: string, subscriptionNames: Record<string, string>): Column<ManagementLock>[] {
  return [
    { key: 'name', header: 'NAME', flex: 1, min: 18, match: true, value: (l) => l.name },
    { key: 'level', header: 'LEVEL', width: 22, value: (l) => levelText(l.level), color: (l, t) => (l.level === 'ReadOnly' ? t.error : t.warn) },
    { key: 'scope', header: 'SCOPE', flex: 2, min: 16, value: (l) => scopeText(l.scope, vaultName, subscriptionNames) },
    { key: 'notes', header: 'NOTES', flex: 3, min: 10, drop: 1, value: (l) => l.notes ?? '' },
  ];
}
