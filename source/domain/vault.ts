import type { AccessPolicy } from './access-policy.js';

export type Sku = 'standard' | 'premium';

/** Soft-delete retention bounds; the default is the maximum. */
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 90;

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

export interface Vault extends VaultRef {
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

export interface VaultCreateInput {
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

export interface VaultUpdateInput {
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
