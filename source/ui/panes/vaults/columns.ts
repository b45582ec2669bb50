/** How a vault row looks: pure functions from data to cells. */
import type { ManagementLock } from '../../../domain/lock.js';
import type { Vault } from '../../../domain/vault.js';
import type { BackendInfo } from '../../../backend/backend.js';
import type { Column } from '../../components/columns.js';

export interface VaultRow {
  vault: Vault;
  subscriptionName: string;
  locks: ManagementLock[];
}

export const lockMark = (locks: ManagementLock[]) =>
  locks.some((l) => l.level === 'ReadOnly') ? 'RO' : locks.length > 0 ? '🔒' : '';

export const VAULT_COLUMNS: Column<VaultRow>[] = [
  { key: 'lock', header: '', width: 2, value: (r) => lockMark(r.locks), color: (_r, t) => t.warn },
  { key: 'name', header: 'NAME', flex: 3, min: 14, match: true, value: (r) => r.vault.name },
  { key: 'sub', header: 'SUBSCRIPTION', flex: 2, min: 14, drop: 3, value: (r) => r.subscriptionName },
  { key: 'rg', header: 'RESOURCE GROUP', flex: 1, min: 9, drop: 4, value: (r) => r.vault.resourceGroup },
  { key: 'loc', header: 'LOCATION', width: 10, drop: 5, value: (r) => r.vault.location },
  { key: 'sku', header: 'SKU', width: 8, drop: 6, value: (r) => r.vault.sku },
  { key: 'ret', header: 'RETAIN', width: 6, align: 'right', drop: 7, value: (r) => `${r.vault.softDeleteRetentionDays}d` },
  { key: 'pp', header: 'PURGE PROT', width: 10, drop: 2, value: (r) => (r.vault.enablePurgeProtection ? 'on' : 'off'), color: (r, t) => (r.vault.enablePurgeProtection ? t.ok : t.muted) },
  { key: 'model', header: 'ACCESS', width: 8, drop: 1, value: (r) => (r.vault.enableRbacAuthorization ? 'RBAC' : 'policies') },
];

/** The columns this cloud can fill: Azure Stack Hub's older API versions have no retention days or RBAC mode. */
export function vaultColumns(features: BackendInfo['features']): Column<VaultRow>[] {
  return VAULT_COLUMNS.filter((c) =>
    (c.key !== 'ret' || features.softDeleteRetentionDays)
    && (c.key !== 'model' || features.rbacAuthorization)
    && (c.key !== 'pp' || features.purgeProtection));
}
