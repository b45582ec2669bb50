/** How a vault row looks: pure functions from data to cells. */
import type { ManagementLock } from '../../../domain/lock.js';
import { networkExposure } from '../../../domain/network.js';
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
  // Minimums that keep the demo's names whole at 100 columns with every column shown.
  { key: 'name', header: 'NAME', flex: 3, min: 17, match: true, value: (r) => r.vault.name },
  { key: 'sub', header: 'SUBSCRIPTION', flex: 2, min: 13, drop: 3, value: (r) => r.subscriptionName },
  { key: 'rg', header: 'RESOURCE GROUP', flex: 1, min: 9, drop: 4, value: (r) => r.vault.resourceGroup },
  { key: 'loc', header: 'LOCATION', width: 10, drop: 5, value: (r) => r.vault.location },
  { key: 'sku', header: 'SKU', width: 8, drop: 6, value: (r) => r.vault.sku },
  { key: 'ret', header: 'RETAIN', width: 6, align: 'right', drop: 7, value: (r) => `${r.vault.softDeleteRetentionDays}d` },
  { key: 'pp', header: 'PURGE PROT', width: 10, drop: 2, value: (r) => (r.vault.enablePurgeProtection ? 'on' : 'off'), color: (r, t) => (r.vault.enablePurgeProtection ? t.ok : t.muted) },
  { key: 'model', header: 'ACCESS', width: 8, drop: 1, value: (r) => (r.vault.enableRbacAuthorization ? 'RBAC' : 'policies') },
  // public: every network may call; firewall: only its IP and network rules; private: private endpoints only.
  { key: 'net', header: 'NETWORK', width: 8, drop: 1.5, value: (r) => networkExposure(r.vault), color: (r, t) => (networkExposure(r.vault) === 'public' ? t.muted : t.warn) },
];

/** The columns this cloud can fill: Azure Stack Hub's older API versions have no retention days, RBAC mode or network rules. */
export function vaultColumns(features: BackendInfo['features']): Column<VaultRow>[] {
  return VAULT_COLUMNS.filter((c) =>
    (c.key !== 'ret' || features.softDeleteRetentionDays)
    && (c.key !== 'model' || features.rbacAuthorization)
    && (c.key !== 'pp' || features.purgeProtection)
    && (c.key !== 'net' || features.networkRules));
}
