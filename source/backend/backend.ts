/**
 * The one interface the console (and the emulator) talks to. Capability-sized parts, domain types in
 * and out, KeyVaultError thrown. Implementations: memory/ (the engine, in process) and azure/ (the
 * official SDKs, against Azure, Azure Stack Hub or `kvdeck serve`). Every implementation passes the
 * contract suite in test/backend/contract/.
 */
import type { AccessPolicy, AccessPolicyUpdateKind } from '../domain/access-policy.js';
import type { AuditEntry, AuditQuery } from '../domain/audit.js';
import type {
  CertificateContact, CertificateCreateInput, CertificateImportInput, CertificateIssuer, CertificateIssuerInput, CertificateMergeInput,
  CertificateOperation, CertificatePolicy, CertificatePolicyInput, CertificateProperties, CertificateUpdateInput, DeletedCertificate,
  KeyVaultCertificate,
} from '../domain/certificate.js';
import type { Identity, Principal, ResourceGroup, Subscription, Tenant } from '../domain/directory.js';
import type {
  DeletedKey, EncryptionAlgorithm, KeyCreateInput, KeyImportInput, KeyOperationResult, KeyProperties,
  KeyUpdateInput, KeyVaultKey, SignatureAlgorithm,
} from '../domain/key.js';
import type { LockCreateInput, ManagementLock } from '../domain/lock.js';
import type { ObjectKind } from '../domain/object-kind.js';
import type { KeyRotationPolicy } from '../domain/rotation-policy.js';
import type { Page, PageOptions } from '../domain/page.js';
import type { RoleAssignment, RoleAssignmentCreateInput, RoleAssignmentFilter } from '../domain/role-assignment.js';
import type { RoleDefinition, RolePermission } from '../domain/role-definitions.js';
import type { DeletedSecret, Secret, SecretProperties, SecretSetInput, SecretUpdateInput } from '../domain/secret.js';
import type { DeletedVault, NameAvailability, Vault, VaultCreateInput, VaultRef, VaultUpdateInput } from '../domain/vault.js';

/** Per-call options: every call may be cancelled (the user left the pane). */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface BackendInfo {
  kind: 'demo' | 'azure' | 'emulator';
  /** Shown in the header: "Demo engine", "AzureCloud", "Emulator https://localhost:8443", … */
  label: string;
  identity: Identity;
  /**
   * What this cloud cannot do (Stack Hub's older API versions), so the UI hides it rather than breaking.
   * `rbacAuthorization: false`: no vault can use Azure RBAC, and role definitions carry no data actions
   * (Microsoft.Authorization 2015-07-01); role assignments still work on the management plane.
   */
  features: { softDeleteRetentionDays: boolean; rbacAuthorization: boolean; purgeProtection: boolean; keyRotationPolicy: boolean; networkRules: boolean };
  /**
   * The most requests the backend keeps in flight (remote backends bound every fan-out to it): a caller
   * fanning out itself keeps no more going, so none of its requests waits in the backend's queue.
   * Absent in process, where calls do not wait on a network.
   */
  concurrency?: number;
}

/** A listing whose parts can be shown as they arrive. */
export interface PartsOptions<T> extends CallOptions {
  /**
   * Hears each part as it arrives (on Azure one subscription's vaults), before the whole is returned.
   * A backend that has the whole at once calls it once, or not at all.
   */
  onPart?: (part: readonly T[]) => void;
}

export interface DirectoryApi {
  listTenants(o?: CallOptions): Promise<Tenant[]>;
  listSubscriptions(o?: CallOptions): Promise<Subscription[]>;
  listResourceGroups(subscriptionId: string, o?: CallOptions): Promise<ResourceGroup[]>;
  /** Principals known to the directory (the demo's, or those named in access policies on Azure). */
  listPrincipals(o?: CallOptions): Promise<Principal[]>;
  /** Undefined when the directory cannot name the objectId. */
  getPrincipal(objectId: string, o?: CallOptions): Promise<Principal | undefined>;
}

export interface VaultsApi {
  /** Every vault the identity can see, across subscriptions (or in one); `onPart` hears each subscription's as it answers. */
  list(subscriptionId?: string, o?: PartsOptions<Vault>): Promise<Vault[]>;
  get(subscriptionId: string, resourceGroup: string, name: string, o?: CallOptions): Promise<Vault>;
  create(input: VaultCreateInput, o?: CallOptions): Promise<Vault>;
  update(vault: VaultRef, input: VaultUpdateInput, o?: CallOptions): Promise<Vault>;
  /** Soft delete. */
  delete(vault: VaultRef, o?: CallOptions): Promise<void>;
  checkNameAvailability(subscriptionId: string, name: string, o?: CallOptions): Promise<NameAvailability>;
}

/**
 * The lifecycle every versioned object kind shares, whatever the backend: listing (latest versions, no
 * values), versions, soft delete, backup/restore, and the bin (list/get deleted, recover, purge).
 * `Props` is what listings return, `DeletedItem` a bin entry, `Restored` what recover and restore return.
 */
export interface ObjectLifecycleApi<Props, DeletedItem, Restored, Full> {
  /**
   * One version, whole (the latest when version is omitted): a secret with its value, a key with its
   * public JWK, a certificate with its DER (and its policy when no version is named).
   */
  get(vault: VaultRef, name: string, version?: string, o?: CallOptions): Promise<Full>;
  /**
   * Latest versions, no values; pages of at most maxPageSize (default 25). Remote backends cap the size
   * at Key Vault's 25; the in-process engine honours larger pages.
   */
  listPage(vault: VaultRef, page?: PageOptions, o?: CallOptions): Promise<Page<Props>>;
  listVersions(vault: VaultRef, name: string, o?: CallOptions): Promise<Props[]>;
  /** Soft delete of the object with all its versions. */
  delete(vault: VaultRef, name: string, o?: CallOptions): Promise<DeletedItem>;
  backup(vault: VaultRef, name: string, o?: CallOptions): Promise<Uint8Array>;
  restore(vault: VaultRef, backup: Uint8Array, o?: CallOptions): Promise<Restored>;
  listDeleted(vault: VaultRef, o?: CallOptions): Promise<DeletedItem[]>;
  getDeleted(vault: VaultRef, name: string, o?: CallOptions): Promise<DeletedItem>;
  recover(vault: VaultRef, name: string, o?: CallOptions): Promise<Restored>;
  purge(vault: VaultRef, name: string, o?: CallOptions): Promise<void>;
}

/** The domain types of each object kind, for code that dispatches on ObjectKind. */
export interface ObjectKindTypes {
  secret: { props: SecretProperties; deleted: DeletedSecret; restored: SecretProperties; full: Secret };
  key: { props: KeyProperties; deleted: DeletedKey; restored: KeyVaultKey; full: KeyVaultKey };
  certificate: { props: CertificateProperties; deleted: DeletedCertificate; restored: KeyVaultCertificate; full: KeyVaultCertificate };
}
export type LifecycleOf<K extends ObjectKind> = ObjectLifecycleApi<ObjectKindTypes[K]['props'], ObjectKindTypes[K]['deleted'], ObjectKindTypes[K]['restored'], ObjectKindTypes[K]['full']>;

export interface SecretsApi extends LifecycleOf<'secret'> {
  set(vault: VaultRef, name: string, input: SecretSetInput, o?: CallOptions): Promise<SecretProperties>;
  /** Updates one version (the latest when version is omitted). */
  update(vault: VaultRef, name: string, version: string | undefined, input: SecretUpdateInput, o?: CallOptions): Promise<SecretProperties>;
}

export interface KeysApi extends LifecycleOf<'key'> {
  create(vault: VaultRef, name: string, input: KeyCreateInput, o?: CallOptions): Promise<KeyVaultKey>;
  import(vault: VaultRef, name: string, input: KeyImportInput, o?: CallOptions): Promise<KeyVaultKey>;
  update(vault: VaultRef, name: string, version: string | undefined, input: KeyUpdateInput, o?: CallOptions): Promise<KeyVaultKey>;
  rotate(vault: VaultRef, name: string, o?: CallOptions): Promise<KeyVaultKey>;
  /** The key's rotation policy (the default one when none was set). Not on clouds without it (features.keyRotationPolicy). */
  getRotationPolicy(vault: VaultRef, name: string, o?: CallOptions): Promise<KeyRotationPolicy>;
  updateRotationPolicy(vault: VaultRef, name: string, policy: Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'>, o?: CallOptions): Promise<KeyRotationPolicy>;
  /** `digest` is the hash of the message, as Key Vault's sign operation expects. */
  sign(vault: VaultRef, name: string, version: string | undefined, algorithm: SignatureAlgorithm, digest: Uint8Array, o?: CallOptions): Promise<KeyOperationResult>;
  verify(vault: VaultRef, name: string, version: string | undefined, algorithm: SignatureAlgorithm, digest: Uint8Array, signature: Uint8Array, o?: CallOptions): Promise<boolean>;
  encrypt(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, plaintext: Uint8Array, o?: CallOptions): Promise<KeyOperationResult>;
  decrypt(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, ciphertext: Uint8Array, o?: CallOptions): Promise<KeyOperationResult>;
  wrapKey(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, key: Uint8Array, o?: CallOptions): Promise<KeyOperationResult>;
  unwrapKey(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, wrapped: Uint8Array, o?: CallOptions): Promise<KeyOperationResult>;
}

/**
 * Certificates: the lifecycle (listing with subject, issuer, thumbprint, expiry and auto-renew; delete
 * takes the linked key and secret to the bin and recover brings them back) plus what only certificates
 * have. The private key is never here: download the full PFX or PEM through the linked secret
 * (`secrets.get(vault, name, version)`, then domain/certificate.ts `certificateFileOf`); the public
 * certificate is `cer` (`certificatePem` for a .pem).
 */
export interface CertificatesApi extends LifecycleOf<'certificate'> {
  /**
   * Starts a create and answers its operation: issuer Self completes at once (status `completed`);
   * Unknown stays `inProgress` with a CSR until `merge`.
   */
  create(vault: VaultRef, name: string, input: CertificateCreateInput, o?: CallOptions): Promise<CertificateOperation>;
  /** A PFX (password optional) or PEM text with the private key. */
  import(vault: VaultRef, name: string, input: CertificateImportInput, o?: CallOptions): Promise<KeyVaultCertificate>;
  /** Enabled and tags of one version (the latest when version is omitted). */
  update(vault: VaultRef, name: string, version: string | undefined, input: CertificateUpdateInput, o?: CallOptions): Promise<KeyVaultCertificate>;
  getPolicy(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificatePolicy>;
  /** What is left out stays (edit the lifetime action with `{ lifetimeActions: [...] }`). */
  updatePolicy(vault: VaultRef, name: string, patch: CertificatePolicyInput, o?: CallOptions): Promise<CertificatePolicy>;
  getOperation(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateOperation>;
  cancelOperation(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateOperation>;
  deleteOperation(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateOperation>;
  /** Completes a pending create with the certificate signed elsewhere (and its chain). */
  merge(vault: VaultRef, name: string, input: CertificateMergeInput, o?: CallOptions): Promise<KeyVaultCertificate>;
  getContacts(vault: VaultRef, o?: CallOptions): Promise<CertificateContact[]>;
  setContacts(vault: VaultRef, contacts: CertificateContact[], o?: CallOptions): Promise<CertificateContact[]>;
  deleteContacts(vault: VaultRef, o?: CallOptions): Promise<CertificateContact[]>;
  listIssuers(vault: VaultRef, o?: CallOptions): Promise<CertificateIssuer[]>;
  getIssuer(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateIssuer>;
  /** Create or replace; `update: true` changes only what is given. */
  setIssuer(vault: VaultRef, name: string, input: CertificateIssuerInput, update?: boolean, o?: CallOptions): Promise<CertificateIssuer>;
  deleteIssuer(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateIssuer>;
}

export interface PoliciesApi {
  list(vault: VaultRef, o?: CallOptions): Promise<AccessPolicy[]>;
  /** add merges, replace overwrites, remove subtracts; returns the vault's policies afterwards. */
  update(vault: VaultRef, kind: AccessPolicyUpdateKind, policies: AccessPolicy[], o?: CallOptions): Promise<AccessPolicy[]>;
}

export interface LocksApi {
  /** Locks at the scope and, for a vault, those inherited from its resource group and subscription. */
  listForVault(vault: VaultRef, o?: CallOptions): Promise<ManagementLock[]>;
  /** Every lock at the scope and below it. */
  listAtScope(scope: string, o?: CallOptions): Promise<ManagementLock[]>;
  create(input: LockCreateInput, o?: CallOptions): Promise<ManagementLock>;
  delete(scope: string, name: string, o?: CallOptions): Promise<void>;
}

/**
 * Azure RBAC (Microsoft.Authorization): role definitions, role assignments at a subscription, resource
 * group, vault or single secret/key/certificate scope, and the signed-in identity's own permissions.
 * Scopes are ARM ids. Answers and refusals are ARM's (409 RoleAssignmentExists, 400 PrincipalNotFound,
 * 403 AuthorizationFailed, …), whatever the backend.
 */
export interface AccessApi {
  /** The role definitions usable at a scope; `roleName` as ARM's filter. */
  listRoleDefinitions(scope: string, filter?: { roleName?: string }, o?: CallOptions): Promise<RoleDefinition[]>;
  /** By GUID or id. */
  getRoleDefinition(idOrGuid: string, o?: CallOptions): Promise<RoleDefinition>;
  /** At, above and below the scope; `atScope`: at or above; `principalId`: that principal's only. */
  listRoleAssignments(scope: string, filter?: RoleAssignmentFilter, o?: CallOptions): Promise<RoleAssignment[]>;
  getRoleAssignment(id: string, o?: CallOptions): Promise<RoleAssignment>;
  /** Grants a role. A new GUID names it unless `input.name` does. */
  createRoleAssignment(input: RoleAssignmentCreateInput, o?: CallOptions): Promise<RoleAssignment>;
  /** Revokes it; an assignment that does not exist is not an error. */
  deleteRoleAssignment(id: string, o?: CallOptions): Promise<void>;
  /**
   * What the signed-in identity may do at a resource group, a vault (or an object in it): one block
   * per role it holds there or above. The console uses it to offer a grant only to who may make it.
   */
  myPermissions(scope: string, o?: CallOptions): Promise<RolePermission[]>;
}

/** The bin of vaults (ARM). Deleted secrets, keys and certificates are part of each kind's lifecycle (lifecycleOf). */
export interface DeletedApi {
  listVaults(subscriptionId?: string, o?: CallOptions): Promise<DeletedVault[]>;
  getVault(subscriptionId: string, location: string, name: string, o?: CallOptions): Promise<DeletedVault>;
  /** createMode: recover. */
  recoverVault(deleted: DeletedVault, o?: CallOptions): Promise<Vault>;
  purgeVault(deleted: DeletedVault, o?: CallOptions): Promise<void>;
}

export interface AuditApi {
  /** Newest first. On Azure: this session's own operations. */
  query(q?: AuditQuery, o?: CallOptions): Promise<AuditEntry[]>;
  /** Where the vault's full diagnostic log lives, when the backend knows (Azure). */
  diagnosticsHint?(vault: VaultRef, o?: CallOptions): Promise<string | undefined>;
}

export interface Backend {
  readonly info: BackendInfo;
  readonly directory: DirectoryApi;
  readonly vaults: VaultsApi;
  readonly secrets: SecretsApi;
  readonly keys: KeysApi;
  readonly certificates: CertificatesApi;
  readonly policies: PoliciesApi;
  readonly locks: LocksApi;
  readonly access: AccessApi;
  readonly deleted: DeletedApi;
  readonly audit: AuditApi;
  close?(): Promise<void>;
}

/** The lifecycle API of one object kind: the bin, the emulator's lifecycle routes and the contract suite dispatch on the kind. */
export function lifecycleOf<K extends ObjectKind>(backend: Pick<Backend, 'secrets' | 'keys' | 'certificates'>, kind: K): LifecycleOf<K> {
  const byKind: { [P in ObjectKind]: LifecycleOf<P> } = { secret: backend.secrets, key: backend.keys, certificate: backend.certificates };
  return byKind[kind];
}

/** What listAll asks for; a backend gives at most what its service allows. */
export const LIST_ALL_PAGE_SIZE = 5_000;

/**
 * Reads a paged listing page by page, handing each page's items to `onItems` as it arrives (`last` on
 * the final page): quick lookup adds a vault's names to its index page by page.
 */
export async function eachPage<T>(
  fetchPage: (page: PageOptions) => Promise<Page<T>>,
  onItems: (items: T[], last: boolean) => void,
  maxPageSize = LIST_ALL_PAGE_SIZE,
  options: Omit<PageOptions, 'continuationToken' | 'maxPageSize'> = {},
): Promise<void> {
  let token: string | undefined;
  do {
    const page = await fetchPage({ ...options, continuationToken: token, maxPageSize });
    token = page.continuationToken;
    onItems(page.items, !token);
  } while (token);
}

/**
 * Collects every page of a paged listing (the console fetches names once and filters locally).
 * `onPage` hears the items so far after each page but the last, so a console can show rows while the
 * rest arrives. It is handed the one array the listing grows (no copy per page: 400 pages of a
 * 10,000-secret vault would copy 2 million entries): read it, or copy it to keep it.
 */
export async function listAll<T>(
  fetchPage: (page: PageOptions) => Promise<Page<T>>,
  onPage?: (soFar: T[]) => void,
  maxPageSize = LIST_ALL_PAGE_SIZE,
): Promise<T[]> {
  const out: T[] = [];
  await eachPage(fetchPage, (items, last) => {
    for (const item of items) out.push(item); // no spread: pages can be 100,000 long in process
    if (!last) onPage?.(out);
  }, maxPageSize);
  return out;
}
