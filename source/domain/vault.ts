import type { AccessPolicy } from './access-policy.js';
import type { NetworkAcls, PublicNetworkAccess } from './network.js';

export type Sku = 'standard' | 'premium';

/** Soft-delete retention bounds; the default is the maximum. */
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 90;

/** Why a soft-delete retention is not allowed, for a form; undefined when it is. */
export function retentionProblem(days: unknown): string | undefined {
  return Number.isInteger(days) && (days as number) >= MIN_RETENTION_DAYS && (days as number) <= MAX_RETENTION_DAYS
    ? undefined
    : `Retention is a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}.`;
}

/**
 * What a vault gets when its creation does not say: since management API version 2026-02-01 a new
 * vault uses Azure RBAC unless `enableRbacAuthorization: false` is given; earlier versions default to
 * access policies. The engine is told which default applies (the emulator passes its request's
 * api-version's; the in-process backend behaves as the current API).
 */
export interface VaultDefaults {
  enableRbacAuthorization: boolean;
}

export const RBAC_BY_DEFAULT_SINCE = '2026-02-01';
/** The management API version @azure/arm-keyvault 5 (the Azure backend's) sends, which the in-process engine behaves as. */
export const CURRENT_MANAGEMENT_API_VERSION = '2026-02-01';

export function vaultDefaultsFor(managementApiVersion: string | undefined): VaultDefaults {
  const date = (managementApiVersion ?? '').slice(0, 10);
  return { enableRbacAuthorization: date >= RBAC_BY_DEFAULT_SINCE };
}

/** Enough to address a vault on both planes: ARM needs subscription/resource group/name, the data plane its URI. */
export interface VaultRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** Data-plane base URI, e.g. https://contoso-app-kv.vault.azure.net/ (always with a trailing slash). */
  vaultUri: string;
}

/** Who made a change, as the caller's token named it (ARM reports it as systemData). */
export interface ChangeActor {
  objectId: string;
  appId?: string;
}

/** What a vault's owner may set beyond the basics: network rules and which Azure services may use it. */
export interface VaultSettings {
  publicNetworkAccess?: PublicNetworkAccess;
  /** Absent: no firewall (every network may call). */
  networkAcls?: NetworkAcls;
  enabledForDeployment?: boolean;
  enabledForDiskEncryption?: boolean;
  enabledForTemplateDeployment?: boolean;
}

/** A new vault's settings when the request names none (as ARM answers them). */
export const DEFAULT_VAULT_SETTINGS = {
  publicNetworkAccess: 'Enabled',
  enabledForDeployment: false,
  enabledForDiskEncryption: false,
  enabledForTemplateDeployment: false,
} as const satisfies VaultSettings;

export interface Vault extends VaultRef, Required<Omit<VaultSettings, 'networkAcls'>>, Pick<VaultSettings, 'networkAcls'> {
  /** ARM id: /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults/{name} */
  id: string;
  location: string;
  tenantId: string;
  sku: Sku;
  tags: Record<string, string>;
  softDeleteRetentionDays: number;
  enablePurgeProtection: boolean;
  enableRbacAuthorization: boolean;
  accessPolicies: AccessPolicy[];
  createdOn?: Date;
  createdBy?: ChangeActor;
  lastModifiedOn?: Date;
  lastModifiedBy?: ChangeActor;
}

export interface VaultCreateInput extends VaultSettings {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  sku?: Sku;
  tags?: Record<string, string>;
  /** 7–90, default 90; fixed after creation. */
  softDeleteRetentionDays?: number;
  enablePurgeProtection?: boolean;
  enableRbacAuthorization?: boolean;
  accessPolicies?: AccessPolicy[];
}

/** `networkAcls: null` removes the firewall. */
export interface VaultUpdateInput extends Omit<VaultSettings, 'networkAcls'> {
  networkAcls?: NetworkAcls | null;
  sku?: Sku;
  tags?: Record<string, string>;
  /** Can only be turned on. */
  enablePurgeProtection?: boolean;
  enableRbacAuthorization?: boolean;
  /** Refused when it differs from the current value: retention is fixed at creation. */
  softDeleteRetentionDays?: number;
}

export interface DeletedVault {
  name: string;
  /** /subscriptions/{sub}/providers/Microsoft.KeyVault/locations/{location}/deletedVaults/{name} */
  id: string;
  /** The ARM id the vault had. */
  vaultId: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  deletionDate: Date;
  scheduledPurgeDate: Date;
  tags: Record<string, string>;
  purgeProtectionEnabled: boolean;
}

export interface NameAvailability {
  nameAvailable: boolean;
  reason?: 'AccountNameInvalid' | 'AlreadyExists';
  message?: string;
}

/** Where a vault's diagnostic logs go (Microsoft.Insights diagnostic settings); Azure Stack Edge sets one up. */
export interface DiagnosticSetting {
  name: string;
  storageAccountId?: string;
  workspaceId?: string;
  /** Log categories sent, e.g. AuditEvent. */
  categories: string[];
}
