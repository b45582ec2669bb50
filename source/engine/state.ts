/**
 * The engine's whole state as plain data (Maps keyed by lower-cased name, because Key Vault names
 * compare case-insensitively). Times are epoch milliseconds. Soft delete is a move from an active
 * map to a deleted map (see BaseVaultFake in lowkey-vault for the same idea).
 */
import type { AccessPolicy } from '../domain/access-policy.js';
import type { AuditEntry } from '../domain/audit.js';
import type { Principal, ResourceGroup, Subscription, Tenant } from '../domain/directory.js';
import type { CurveName, KeyOperation, KeyType } from '../domain/key.js';
import type { ManagementLock } from '../domain/lock.js';
import type { ChangeActor, Sku } from '../domain/vault.js';

export interface SecretVersionRecord {
  version: string;
  value: string;
  contentType?: string;
  tags: Record<string, string>;
  enabled: boolean;
  notBefore?: number;
  expiresOn?: number;
  created: number;
  updated: number;
}

export interface SecretRecord {
  /** The name as first written (lookups use the lower-cased map key). */
  name: string;
  /** Oldest first; the last one is the current version. */
  versions: SecretVersionRecord[];
}

export interface KeyVersionRecord {
  version: string;
  keyType: KeyType;
  keySize?: number;
  curve?: CurveName;
  keyOps: KeyOperation[];
  enabled: boolean;
  notBefore?: number;
  expiresOn?: number;
  created: number;
  updated: number;
  tags: Record<string, string>;
  /** The private JWK (node:crypto export format). Never leaves the engine. */
  privateJwk: Record<string, string>;
}

export interface KeyRecord {
  name: string;
  versions: KeyVersionRecord[];
}

export interface Deleted<T> {
  item: T;
  deletedOn: number;
  scheduledPurge: number;
}

export interface VaultRecord {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tenantId: string;
  sku: Sku;
  tags: Record<string, string>;
  softDeleteRetentionDays: number;
  enablePurgeProtection: boolean;
  enableRbacAuthorization: boolean;
  accessPolicies: AccessPolicy[];
  created: number;
  /** Who created it and who changed it last, when, for ARM's systemData (absent in older state files). */
  createdBy?: ChangeActor;
  modified?: number;
  modifiedBy?: ChangeActor;
  secrets: Map<string, SecretRecord>;
  deletedSecrets: Map<string, Deleted<SecretRecord>>;
  keys: Map<string, KeyRecord>;
  deletedKeys: Map<string, Deleted<KeyRecord>>;
}

export interface EngineState {
  tenants: Tenant[];
  subscriptions: Subscription[];
  resourceGroups: ResourceGroup[];
  principals: Principal[];
  vaults: Map<string, VaultRecord>;
  deletedVaults: Map<string, Deleted<VaultRecord>>;
  locks: ManagementLock[];
  audit: AuditEntry[];
  nextAuditId: number;
}

export function emptyState(): EngineState {
  return {
    tenants: [],
    subscriptions: [],
    resourceGroups: [],
    principals: [],
    vaults: new Map(),
    deletedVaults: new Map(),
    locks: [],
    audit: [],
    nextAuditId: 1,
  };
}
