/** @azure/arm-keyvault models ↔ domain vaults, deleted vaults and access policies. */
import type * as Arm from '@azure/arm-keyvault';
import type { AccessPolicy } from '../../domain/access-policy.js';
import { parseScope } from '../../domain/ids.js';
import type { NetworkAcls } from '../../domain/network.js';
import type { DeletedVault, Sku, Vault, VaultSettings } from '../../domain/vault.js';

export function policyFromArm(p: Arm.AccessPolicyEntry): AccessPolicy {
  return {
    tenantId: p.tenantId,
    objectId: p.objectId,
    applicationId: p.applicationId || undefined,
    permissions: {
      keys: [...(p.permissions.keys ?? [])],
      secrets: [...(p.permissions.secrets ?? [])],
      certificates: [...(p.permissions.certificates ?? [])],
      storage: [...(p.permissions.storage ?? [])],
    },
  };
}

export function policyToArm(p: AccessPolicy): Arm.AccessPolicyEntry {
  return {
    tenantId: p.tenantId,
    objectId: p.objectId,
    ...(p.applicationId ? { applicationId: p.applicationId } : {}),
    permissions: {
      keys: p.permissions.keys as Arm.KeyPermissions[],
      secrets: p.permissions.secrets as Arm.SecretPermissions[],
      certificates: p.permissions.certificates as Arm.CertificatePermissions[],
      storage: p.permissions.storage as Arm.StoragePermissions[],
    },
  };
}

export function vaultFromArm(v: Arm.Vault): Vault {
  const id = v.id ?? '';
  const scope = parseScope(id);
  const p = v.properties;
  const vaultUri = p.vaultUri ? (p.vaultUri.endsWith('/') ? p.vaultUri : `${p.vaultUri}/`) : '';
  return {
    id,
    name: v.name ?? scope.vaultName ?? '',
    subscriptionId: scope.subscriptionId ?? '',
    resourceGroup: scope.resourceGroup ?? '',
    vaultUri,
    location: v.location ?? '',
    tenantId: p.tenantId,
    sku: (p.sku?.name?.toLowerCase() === 'premium' ? 'premium' : 'standard') as Sku,
    tags: { ...(v.tags ?? {}) },
    softDeleteRetentionDays: p.softDeleteRetentionInDays ?? 90,
    enablePurgeProtection: p.enablePurgeProtection ?? false,
    enableRbacAuthorization: p.enableRbacAuthorization ?? false,
    accessPolicies: (p.accessPolicies ?? []).map(policyFromArm),
    publicNetworkAccess: p.publicNetworkAccess?.toLowerCase() === 'disabled' ? 'Disabled' : 'Enabled',
    ...(p.networkAcls ? { networkAcls: networkAclsFromArm(p.networkAcls) } : {}),
    enabledForDeployment: p.enabledForDeployment ?? false,
    enabledForDiskEncryption: p.enabledForDiskEncryption ?? false,
    enabledForTemplateDeployment: p.enabledForTemplateDeployment ?? false,
    createdOn: v.systemData?.createdAt ? new Date(v.systemData.createdAt) : undefined,
  };
}

export function deletedVaultFromArm(d: Arm.DeletedVault, subscriptionIdFallback: string): DeletedVault {
  const p = d.properties ?? {};
  const scope = parseScope(p.vaultId ?? '');
  const idScope = parseScope(d.id ?? '');
  return {
    name: d.name ?? scope.vaultName ?? '',
    id: d.id ?? '',
    vaultId: p.vaultId ?? '',
    subscriptionId: scope.subscriptionId ?? idScope.subscriptionId ?? subscriptionIdFallback,
    resourceGroup: scope.resourceGroup ?? '',
    location: p.location ?? '',
    deletionDate: new Date(p.deletionDate ?? 0),
    scheduledPurgeDate: new Date(p.scheduledPurgeDate ?? 0),
    tags: { ...(p.tags ?? {}) },
    purgeProtectionEnabled: p.purgeProtectionEnabled ?? false,
  };
}

export const skuToArm = (sku: Sku): Arm.Sku => ({ family: 'A', name: sku });

export function networkAclsFromArm(a: Arm.NetworkRuleSet): NetworkAcls {
  return {
    defaultAction: a.defaultAction === 'Deny' ? 'Deny' : 'Allow',
    bypass: a.bypass === 'None' ? 'None' : 'AzureServices',
    ipRules: (a.ipRules ?? []).map((r) => ({ value: r.value })),
    virtualNetworkRules: (a.virtualNetworkRules ?? []).map((r) => ({ id: r.id, ...(r.ignoreMissingVnetServiceEndpoint !== undefined ? { ignoreMissingVnetServiceEndpoint: r.ignoreMissingVnetServiceEndpoint } : {}) })),
  };
}

/** The settings a create or update sends (only those given), in ARM's shape; networkAcls null clears the firewall. */
export function settingsToArm(s: Omit<VaultSettings, 'networkAcls'> & { networkAcls?: NetworkAcls | null }) {
  return {
    ...(s.publicNetworkAccess !== undefined ? { publicNetworkAccess: s.publicNetworkAccess } : {}),
    ...(s.networkAcls === null ? { networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] } } : {}),
    ...(s.networkAcls ? { networkAcls: { ...s.networkAcls } } : {}),
    ...(s.enabledForDeployment !== undefined ? { enabledForDeployment: s.enabledForDeployment } : {}),
    ...(s.enabledForDiskEncryption !== undefined ? { enabledForDiskEncryption: s.enabledForDiskEncryption } : {}),
    ...(s.enabledForTemplateDeployment !== undefined ? { enabledForTemplateDeployment: s.enabledForTemplateDeployment } : {}),
  };
}
