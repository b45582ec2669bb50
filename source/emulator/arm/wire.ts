/** Domain objects ↔ Azure Resource Manager JSON (Microsoft.KeyVault, Microsoft.Authorization/locks, Microsoft.Resources). */
import { KeyVaultError } from '../../domain/errors.js';
import type { AccessPolicy, Permissions } from '../../domain/access-policy.js';
import type { ResourceGroup, Subscription, Tenant } from '../../domain/directory.js';
import type { ManagementLock } from '../../domain/lock.js';
import type { DeletedVault, Vault, VaultSettings } from '../../domain/vault.js';
import { resourceGroupScope } from '../../domain/ids.js';
import { systemDataOf, type AuthorOf } from './system-data.js';

export const VAULT_TYPE = 'Microsoft.KeyVault/vaults';

export function permissionsBody(p: Permissions) {
  return { keys: p.keys, secrets: p.secrets, certificates: p.certificates, storage: p.storage };
}

export function policyBody(p: AccessPolicy) {
  return {
    tenantId: p.tenantId,
    objectId: p.objectId,
    ...(p.applicationId ? { applicationId: p.applicationId } : {}),
    permissions: permissionsBody(p.permissions),
  };
}

export function vaultBody(v: Vault, authorOf: AuthorOf) {
  const systemData = systemDataOf(v, authorOf);
  return {
    id: v.id,
    name: v.name,
    type: VAULT_TYPE,
    location: v.location,
    tags: v.tags,
    ...(systemData ? { systemData } : {}),
    properties: {
      tenantId: v.tenantId,
      sku: { family: 'A', name: v.sku },
      accessPolicies: v.accessPolicies.map(policyBody),
      vaultUri: v.vaultUri,
      enabledForDeployment: v.enabledForDeployment,
      enabledForDiskEncryption: v.enabledForDiskEncryption,
      enabledForTemplateDeployment: v.enabledForTemplateDeployment,
      enableSoftDelete: true,
      softDeleteRetentionInDays: v.softDeleteRetentionDays,
      enableRbacAuthorization: v.enableRbacAuthorization,
      ...(v.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
      provisioningState: 'Succeeded',
      publicNetworkAccess: v.publicNetworkAccess,
      ...(v.networkAcls ? { networkAcls: v.networkAcls } : {}),
    },
  };
}

/** The generic /resources listing's shape (TrackedResource). */
export function resourceBody(v: Vault) {
  return { id: v.id, name: v.name, type: VAULT_TYPE, location: v.location, tags: v.tags };
}

export function deletedVaultBody(d: DeletedVault) {
  return {
    id: d.id,
    name: d.name,
    type: 'Microsoft.KeyVault/deletedVaults',
    properties: {
      vaultId: d.vaultId,
      location: d.location,
      deletionDate: d.deletionDate.toISOString(),
      scheduledPurgeDate: d.scheduledPurgeDate.toISOString(),
      tags: d.tags,
      purgeProtectionEnabled: d.purgeProtectionEnabled,
    },
  };
}

export function lockBody(l: ManagementLock) {
  return {
    id: l.id,
    type: 'Microsoft.Authorization/locks',
    name: l.name,
    properties: { level: l.level, ...(l.notes !== undefined ? { notes: l.notes } : {}), ...(l.owners ? { owners: l.owners } : {}) },
  };
}

export function subscriptionBody(s: Subscription) {
  return {
    id: `/subscriptions/${s.id}`,
    subscriptionId: s.id,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
  };
}

export function tenantBody(t: Tenant) {
  return {
    id: `/tenants/${t.id}`,
    tenantId: t.id,
    tenantCategory: 'Home',
    displayName: t.displayName,
    defaultDomain: t.defaultDomain,
    domains: [t.defaultDomain],
  };
}

export function resourceGroupBody(g: ResourceGroup) {
  return {
    id: resourceGroupScope(g.subscriptionId, g.name),
    name: g.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: g.location,
    properties: { provisioningState: 'Succeeded' },
  };
}

const bad = (message: string) => new KeyVaultError(400, 'BadRequest', message);

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) throw bad(`Property '${field}' must be an array of strings.`);
  return value as string[];
}

/** One access policy entry from a request body. */
export function policyFromBody(value: unknown, defaultTenant: string): AccessPolicy {
  if (!value || typeof value !== 'object') throw bad('An access policy entry must be an object.');
  const e = value as Record<string, unknown>;
  if (typeof e.objectId !== 'string' || !e.objectId) throw bad("An access policy entry needs 'objectId'.");
  const perms = (e.permissions ?? {}) as Record<string, unknown>;
  if (typeof perms !== 'object') throw bad("Property 'permissions' must be an object.");
  return {
    tenantId: typeof e.tenantId === 'string' && e.tenantId ? e.tenantId : defaultTenant,
    objectId: e.objectId,
    ...(typeof e.applicationId === 'string' && e.applicationId ? { applicationId: e.applicationId } : {}),
    permissions: {
      keys: stringList(perms.keys, 'permissions.keys'),
      secrets: stringList(perms.secrets, 'permissions.secrets'),
      certificates: stringList(perms.certificates, 'permissions.certificates'),
      storage: stringList(perms.storage, 'permissions.storage'),
    },
  };
}

export function policiesFromBody(value: unknown, defaultTenant: string): AccessPolicy[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw bad("Property 'accessPolicies' must be an array.");
  return value.map((p) => policyFromBody(p, defaultTenant));
}

export function skuFromBody(value: unknown): 'standard' | 'premium' | undefined {
  if (value === undefined || value === null) return undefined;
  const name = (value as Record<string, unknown>).name;
  if (typeof name !== 'string' || !['standard', 'premium'].includes(name.toLowerCase())) {
    throw bad("Property 'sku.name' must be 'standard' or 'premium'.");
  }
  return name.toLowerCase() as 'standard' | 'premium';
}

export function tagsFromBody(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw bad("Property 'tags' must be an object of string values.");
  }
  return value as Record<string, string>;
}

export function optionalBool(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw bad(`Property '${field}' must be true or false.`);
  return value;
}

export function optionalInt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw bad(`Property '${field}' must be a whole number.`);
  return value;
}

/** The network rules and service flags of a PUT or PATCH body (only those it names); the engine judges the values. */
export function settingsFromBody(props: Record<string, unknown>): VaultSettings {
  const out: VaultSettings = {};
  if (props.publicNetworkAccess !== undefined && props.publicNetworkAccess !== null) {
    if (typeof props.publicNetworkAccess !== 'string') throw bad("Property 'properties.publicNetworkAccess' must be a string.");
    // ARM enums compare case-insensitively; the stored value keeps Azure's spelling.
    const v = props.publicNetworkAccess.toLowerCase();
    out.publicNetworkAccess = (v === 'enabled' ? 'Enabled' : v === 'disabled' ? 'Disabled' : props.publicNetworkAccess) as VaultSettings['publicNetworkAccess'];
  }
  if (props.networkAcls !== undefined && props.networkAcls !== null) {
    const a = props.networkAcls as Record<string, unknown>;
    if (typeof a !== 'object' || Array.isArray(a)) throw bad("Property 'properties.networkAcls' must be an object.");
    const list = (x: unknown, field: string) => {
      if (x === undefined || x === null) return [];
      if (!Array.isArray(x) || x.some((e) => !e || typeof e !== 'object')) throw bad(`Property 'properties.networkAcls.${field}' must be an array of objects.`);
      return x as Record<string, unknown>[];
    };
    const enumOf = (x: unknown, values: string[], fallback: string) => values.find((v) => v.toLowerCase() === String(x ?? fallback).toLowerCase()) ?? String(x);
    out.networkAcls = {
      defaultAction: enumOf(a.defaultAction, ['Allow', 'Deny'], 'Allow') as 'Allow' | 'Deny',
      bypass: enumOf(a.bypass, ['AzureServices', 'None'], 'AzureServices') as 'AzureServices' | 'None',
      ipRules: list(a.ipRules, 'ipRules').map((r) => ({ value: String(r.value ?? '') })),
      virtualNetworkRules: list(a.virtualNetworkRules, 'virtualNetworkRules').map((r) => ({
        id: String(r.id ?? ''),
        ...(typeof r.ignoreMissingVnetServiceEndpoint === 'boolean' ? { ignoreMissingVnetServiceEndpoint: r.ignoreMissingVnetServiceEndpoint } : {}),
      })),
    };
  }
  for (const flag of ['enabledForDeployment', 'enabledForDiskEncryption', 'enabledForTemplateDeployment'] as const) {
    const v = optionalBool(props[flag], `properties.${flag}`);
    if (v !== undefined) out[flag] = v;
  }
  return out;
}
