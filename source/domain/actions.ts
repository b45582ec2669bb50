/**
 * Azure RBAC actions: how a role's action patterns match an operation, the data action (and the
 * access-policy permission) of every Key Vault data-plane operation, and the management action of
 * every ARM operation kvdeck performs. One table serves the engine's checks, the migration proposal
 * and the console's explanations ("needs Microsoft.KeyVault/vaults/secrets/setSecret/action").
 */
import type { PermissionArea } from './access-policy.js';
import type { RoleDefinition, RolePermission } from './role-definitions.js';

/** Management-plane actions (`actions`) and data-plane actions (`dataActions`) are matched separately. */
export type ActionKind = 'action' | 'dataAction';

const patterns = new Map<string, RegExp>();

/**
 * Whether a role's action pattern covers an action, as Azure matches them: case-insensitively, the
 * whole string, a star standing for any run of characters, slashes included. So Reader's star-slash-read
 * covers Microsoft.KeyVault/vaults/read, and Microsoft.KeyVault/vaults/star/read covers
 * Microsoft.KeyVault/vaults/keys/read but not Microsoft.KeyVault/vaults/read itself.
 */
export function actionMatches(pattern: string, action: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
    patterns.set(pattern, re);
  }
  return re.test(action);
}

/** One permission block allows an action when an allowed pattern covers it and no excluded one does. */
export function permissionAllows(p: RolePermission, action: string, kind: ActionKind): boolean {
  const allowed = kind === 'action' ? p.actions : p.dataActions;
  const excluded = kind === 'action' ? p.notActions : p.notDataActions;
  return allowed.some((a) => actionMatches(a, action)) && !excluded.some((a) => actionMatches(a, action));
}

/** A role allows an action when any of its permission blocks does (NotActions subtract only within their block). */
export function roleAllows(role: RoleDefinition, action: string, kind: ActionKind): boolean {
  return role.permissions.some((p) => permissionAllows(p, action, kind));
}

const KV = 'Microsoft.KeyVault/vaults/';

interface DataOperationInfo {
  /** The access-policy area and permission the operation needs in a vault that uses access policies. */
  area: PermissionArea;
  permission: string;
  /** The data action it needs in a vault that uses Azure RBAC. */
  dataAction: string;
}

const op = (area: PermissionArea, permission: string, dataAction: string): DataOperationInfo => ({ area, permission, dataAction: KV + dataAction });

/**
 * Every data-plane operation of a vault: the access-policy permission it needs and its data action
 * (Azure's permission reference for Microsoft.KeyVault and the Key Vault REST reference's "requires
 * the … permission" notes). Operations the engine does not serve yet (certificates, rotation policies,
 * managed storage) are here so the console can explain them and the migration can map every permission.
 */
export const DATA_OPERATIONS = {
  'secrets/list': op('secrets', 'list', 'secrets/readMetadata/action'),
  'secrets/listVersions': op('secrets', 'list', 'secrets/readMetadata/action'),
  'secrets/get': op('secrets', 'get', 'secrets/getSecret/action'),
  'secrets/set': op('secrets', 'set', 'secrets/setSecret/action'),
  'secrets/update': op('secrets', 'set', 'secrets/update/action'),
  'secrets/delete': op('secrets', 'delete', 'secrets/delete'),
  'secrets/backup': op('secrets', 'backup', 'secrets/backup/action'),
  'secrets/restore': op('secrets', 'restore', 'secrets/restore/action'),
  'secrets/listDeleted': op('secrets', 'list', 'secrets/readMetadata/action'),
  'secrets/getDeleted': op('secrets', 'list', 'secrets/readMetadata/action'),
  'secrets/recover': op('secrets', 'recover', 'secrets/recover/action'),
  'secrets/purge': op('secrets', 'purge', 'secrets/purge/action'),

  'keys/list': op('keys', 'list', 'keys/read'),
  'keys/listVersions': op('keys', 'list', 'keys/read'),
  'keys/get': op('keys', 'get', 'keys/read'),
  'keys/create': op('keys', 'create', 'keys/create/action'),
  'keys/import': op('keys', 'import', 'keys/import/action'),
  'keys/update': op('keys', 'update', 'keys/update/action'),
  'keys/rotate': op('keys', 'rotate', 'keys/rotate/action'),
  'keys/delete': op('keys', 'delete', 'keys/delete'),
  'keys/backup': op('keys', 'backup', 'keys/backup/action'),
  'keys/restore': op('keys', 'restore', 'keys/restore/action'),
  'keys/listDeleted': op('keys', 'list', 'keys/read'),
  'keys/getDeleted': op('keys', 'get', 'keys/read'),
  'keys/recover': op('keys', 'recover', 'keys/recover/action'),
  'keys/purge': op('keys', 'purge', 'keys/purge/action'),
  'keys/encrypt': op('keys', 'encrypt', 'keys/encrypt/action'),
  'keys/decrypt': op('keys', 'decrypt', 'keys/decrypt/action'),
  'keys/wrapKey': op('keys', 'wrapKey', 'keys/wrap/action'),
  'keys/unwrapKey': op('keys', 'unwrapKey', 'keys/unwrap/action'),
  'keys/sign': op('keys', 'sign', 'keys/sign/action'),
  'keys/verify': op('keys', 'verify', 'keys/verify/action'),
  'keys/release': op('keys', 'release', 'keys/release/action'),
  'keys/getRotationPolicy': op('keys', 'getrotationpolicy', 'keyrotationpolicies/read'),
  'keys/setRotationPolicy': op('keys', 'setrotationpolicy', 'keyrotationpolicies/write'),

  'certificates/list': op('certificates', 'list', 'certificates/read'),
  'certificates/listVersions': op('certificates', 'list', 'certificates/read'),
  'certificates/get': op('certificates', 'get', 'certificates/read'),
  'certificates/getPolicy': op('certificates', 'get', 'certificates/read'),
  'certificates/create': op('certificates', 'create', 'certificates/create/action'),
  'certificates/import': op('certificates', 'import', 'certificates/import/action'),
  'certificates/merge': op('certificates', 'create', 'certificates/create/action'),
  'certificates/update': op('certificates', 'update', 'certificates/update/action'),
  'certificates/updatePolicy': op('certificates', 'update', 'certificates/update/action'),
  'certificates/delete': op('certificates', 'delete', 'certificates/delete'),
  'certificates/backup': op('certificates', 'backup', 'certificates/backup/action'),
  'certificates/restore': op('certificates', 'restore', 'certificates/restore/action'),
  'certificates/listDeleted': op('certificates', 'list', 'certificates/read'),
  'certificates/getDeleted': op('certificates', 'get', 'certificates/read'),
  'certificates/recover': op('certificates', 'recover', 'certificates/recover/action'),
  'certificates/purge': op('certificates', 'purge', 'certificates/purge/action'),
  'certificates/manageContacts': op('certificates', 'managecontacts', 'certificatecontacts/write'),
  'certificates/getIssuer': op('certificates', 'getissuers', 'certificatecas/read'),
  'certificates/listIssuers': op('certificates', 'listissuers', 'certificatecas/read'),
  'certificates/setIssuer': op('certificates', 'setissuers', 'certificatecas/write'),
  'certificates/manageIssuers': op('certificates', 'manageissuers', 'certificatecas/write'),
  'certificates/deleteIssuer': op('certificates', 'deleteissuers', 'certificatecas/delete'),

  'storage/list': op('storage', 'list', 'storageaccounts/read'),
  'storage/get': op('storage', 'get', 'storageaccounts/read'),
  'storage/set': op('storage', 'set', 'storageaccounts/set/action'),
  'storage/update': op('storage', 'update', 'storageaccounts/set/action'),
  'storage/delete': op('storage', 'delete', 'storageaccounts/delete'),
  'storage/regenerateKey': op('storage', 'regeneratekey', 'storageaccounts/regeneratekey/action'),
  'storage/backup': op('storage', 'backup', 'storageaccounts/backup/action'),
  'storage/restore': op('storage', 'restore', 'storageaccounts/restore/action'),
  'storage/recover': op('storage', 'recover', 'storageaccounts/recover/action'),
  'storage/purge': op('storage', 'purge', 'storageaccounts/purge/action'),
  'storage/getSas': op('storage', 'getsas', 'storageaccounts/sas/read'),
  'storage/listSas': op('storage', 'listsas', 'storageaccounts/sas/read'),
  'storage/setSas': op('storage', 'setsas', 'storageaccounts/sas/set/action'),
  'storage/deleteSas': op('storage', 'deletesas', 'storageaccounts/sas/delete'),
} as const satisfies Record<string, DataOperationInfo>;

export type DataOperation = keyof typeof DATA_OPERATIONS;

/** `secrets/get` from an area and an operation name, checked by the compiler. */
export const dataOperation = <A extends PermissionArea, O extends string>(area: A, operation: O) => `${area}/${operation}` as `${A}/${O}` & DataOperation;

/** Every data action a vault's operations can need, once each. */
export const ALL_DATA_ACTIONS: readonly string[] = [...new Set(Object.values(DATA_OPERATIONS).map((o) => o.dataAction))];

/** The data actions an access-policy permission stands for (`all`: every action of the area). */
export function dataActionsForPermission(area: PermissionArea, permission: string): string[] {
  const p = permission.toLowerCase();
  return [...new Set(Object.values(DATA_OPERATIONS).filter((o) => o.area === area && (p === 'all' || o.permission.toLowerCase() === p)).map((o) => o.dataAction))];
}

/** The management actions of the ARM operations kvdeck performs (Azure's Microsoft.* operation names). */
export const MANAGEMENT_ACTIONS = {
  vaultRead: 'Microsoft.KeyVault/vaults/read',
  vaultWrite: 'Microsoft.KeyVault/vaults/write',
  vaultDelete: 'Microsoft.KeyVault/vaults/delete',
  accessPoliciesWrite: 'Microsoft.KeyVault/vaults/accessPolicies/write',
  checkNameAvailability: 'Microsoft.KeyVault/checkNameAvailability/read',
  deletedVaultsList: 'Microsoft.KeyVault/deletedVaults/read',
  deletedVaultRead: 'Microsoft.KeyVault/locations/deletedVaults/read',
  deletedVaultPurge: 'Microsoft.KeyVault/locations/deletedVaults/purge/action',
  diagnosticSettingsRead: 'Microsoft.Insights/diagnosticSettings/read',
  locksRead: 'Microsoft.Authorization/locks/read',
  locksWrite: 'Microsoft.Authorization/locks/write',
  locksDelete: 'Microsoft.Authorization/locks/delete',
  roleAssignmentsRead: 'Microsoft.Authorization/roleAssignments/read',
  roleAssignmentsWrite: 'Microsoft.Authorization/roleAssignments/write',
  roleAssignmentsDelete: 'Microsoft.Authorization/roleAssignments/delete',
  roleDefinitionsRead: 'Microsoft.Authorization/roleDefinitions/read',
  subscriptionRead: 'Microsoft.Resources/subscriptions/read',
  resourcesRead: 'Microsoft.Resources/subscriptions/resources/read',
  resourceGroupRead: 'Microsoft.Resources/subscriptions/resourceGroups/read',
  resourceGroupWrite: 'Microsoft.Resources/subscriptions/resourceGroups/write',
} as const;

export type ManagementAction = (typeof MANAGEMENT_ACTIONS)[keyof typeof MANAGEMENT_ACTIONS];

export const ALL_MANAGEMENT_ACTIONS: readonly string[] = Object.values(MANAGEMENT_ACTIONS);

/** Reads (and metadata reads) weigh less than anything that changes or reveals: see access-advice.ts. */
export function isReadAction(action: string): boolean {
  return /\/read$/i.test(action) || /\/readMetadata\/action$/i.test(action);
}
