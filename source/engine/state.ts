/**
 * The engine's records as plain data. Times are epoch milliseconds. Records are owned by the store's
 * tables (store/): only a table changes them, and every change it makes goes to the state sink.
 * Soft delete is a move from a table's active map to its deleted map (lowkey-vault's BaseVaultFake idea).
 */
import type { CertificateOperationStatus, CertificatePolicy, CertificateContact } from '../domain/certificate.js';
import type { CurveName, KeyOperation, KeyType } from '../domain/key.js';
import type { KeyRotationLifetimeAction } from '../domain/rotation-policy.js';
import type { DEFAULT_VAULT_SETTINGS, DiagnosticSetting, Vault } from '../domain/vault.js';
import type { ObjectStore } from './store/object-store.js';

/** What every version of every kind has. */
export interface VersionRecord {
  /** 32 lowercase hex characters. */
  version: string;
  enabled: boolean;
  tags: Record<string, string>;
  notBefore?: number;
  expiresOn?: number;
  created: number;
  updated: number;
}

/** A versioned object: its name as first written (lookups use the lower-cased key) and its versions, oldest first. */
export interface ObjectRecord<V extends VersionRecord = VersionRecord> {
  name: string;
  versions: V[];
  /** The key or secret of a certificate of the same name: it follows the certificate and refuses changes of its own. */
  managed?: boolean;
}

export interface SecretVersionRecord extends VersionRecord {
  value: string;
  contentType?: string;
}
export type SecretRecord = ObjectRecord<SecretVersionRecord>;

export interface KeyVersionRecord extends VersionRecord {
  keyType: KeyType;
  keySize?: number;
  curve?: CurveName;
  keyOps: KeyOperation[];
  /** The private JWK (node:crypto export format). Never leaves the engine. */
  privateJwk: Record<string, string>;
}
/** A key's rotation policy, as stored (times in epoch ms). */
export interface RotationPolicyRecord {
  lifetimeActions: KeyRotationLifetimeAction[];
  expiresIn?: string;
  created: number;
  updated: number;
}

export interface KeyRecord extends ObjectRecord<KeyVersionRecord> {
  /** Absent until one is set: the key then answers the default policy. */
  rotationPolicy?: RotationPolicyRecord;
}

/** One certificate version: the DER certificate and what is shown of it, read once when it was stored. */
export interface CertificateVersionRecord extends VersionRecord {
  /** base64 DER; absent while the version waits for its certificate (a pending create). */
  cer?: string;
  /** SHA-1 of the DER, upper-case hex. */
  thumbprint?: string;
  subject?: string;
  issuer?: string;
  dnsNames?: string[];
}

/** The policy as stored: the domain's, with times as epoch milliseconds. */
export type CertificatePolicyRecord = Omit<CertificatePolicy, 'createdOn' | 'updatedOn'> & { created: number; updated: number };

/** The long-running create (`/pending`): kept until deleted or replaced by the next create. */
export interface PendingRecord {
  requestId: string;
  /** The certificate version it completes. */
  version: string;
  /** base64 DER of the PKCS#10 request. */
  csr: string;
  issuerName: string;
  certificateType?: string;
  status: CertificateOperationStatus;
  statusDetails?: string;
  cancellationRequested: boolean;
  error?: { code: string; message: string };
  /** The new key until the merge (never leaves the engine). */
  privateJwk?: Record<string, string>;
}

export interface CertificateRecord extends ObjectRecord<CertificateVersionRecord> {
  policy: CertificatePolicyRecord;
  pending?: PendingRecord;
}

/** The record type of each object kind: what a vault's stores hold. */
export interface ObjectRecordTypes {
  secret: SecretRecord;
  key: KeyRecord;
  certificate: CertificateRecord;
}

export interface DeletedDates {
  deletedOn: number;
  scheduledPurge: number;
}

export interface Deleted<T> extends DeletedDates {
  item: T;
}

/**
 * A vault's own properties: everything but the objects it holds. The domain Vault's fields, less what
 * is derived (ids, URI), with times as epoch milliseconds.
 */
export type VaultHeader = Omit<Vault, 'id' | 'vaultUri' | 'createdOn' | 'lastModifiedOn'> & {
  created: number;
  /** When it last changed (ARM's systemData.lastModifiedAt); absent in older state files. */
  modified?: number;
  /** Diagnostic settings (Microsoft.Insights), when the vault has any. */
  diagnostics?: DiagnosticSetting[];
  /** Who hears of certificates nearing expiry (`/certificates/contacts`). */
  certificateContacts?: CertificateContact[];
  /** Configured certificate issuers (`/certificates/issuers`), by name as written. */
  certificateIssuers?: CertificateIssuerRecord[];
};

/** What creating a vault record takes: the settings with defaults may be left out (DEFAULT_VAULT_SETTINGS). */
export type VaultHeaderInput = Omit<VaultHeader, keyof typeof DEFAULT_VAULT_SETTINGS> & Partial<Pick<VaultHeader, keyof typeof DEFAULT_VAULT_SETTINGS>>;

export interface CertificateIssuerRecord {
  name: string;
  provider: string;
  accountId?: string;
  /** Write-only on the wire; kept so the vault can use it (never returned). */
  password?: string;
  organizationId?: string;
  enabled: boolean;
  created: number;
  updated: number;
}

export type ObjectStores = { readonly [K in keyof ObjectRecordTypes]: ObjectStore<ObjectRecordTypes[K]> };

export interface VaultRecord extends Readonly<VaultHeader> {
  /** One store per object kind (secrets, keys, certificates). */
  readonly objects: ObjectStores;
}

export { Store as EngineState } from './store/store.js';
