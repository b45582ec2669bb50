export type PermissionArea = 'keys' | 'secrets' | 'certificates' | 'storage';

export interface Permissions {
  keys: string[];
  secrets: string[];
  certificates: string[];
  storage: string[];
}

export interface AccessPolicy {
  tenantId: string;
  objectId: string;
  applicationId?: string;
  permissions: Permissions;
}

/** Azure's updateAccessPolicy kinds: add merges permissions, replace overwrites, remove subtracts (removing the entry when nothing is left). */
export type AccessPolicyUpdateKind = 'add' | 'replace' | 'remove';

export const MAX_ACCESS_POLICIES = 1024;

/** Permission names as Azure spells them on the wire (lowercase, but for the camelCase key operations). */
export const PERMISSIONS: Record<PermissionArea, readonly string[]> = {
  secrets: ['all', 'get', 'list', 'set', 'delete', 'backup', 'restore', 'recover', 'purge'],
  keys: [
    'all', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'sign', 'verify', 'get', 'list', 'create', 'update',
    'import', 'delete', 'backup', 'restore', 'recover', 'purge', 'release', 'rotate', 'getrotationpolicy',
    'setrotationpolicy',
  ],
  certificates: [
    'all', 'get', 'list', 'delete', 'create', 'import', 'update', 'managecontacts', 'getissuers', 'listissuers',
    'setissuers', 'deleteissuers', 'manageissuers', 'recover', 'purge', 'backup', 'restore',
  ],
  storage: [
    'all', 'get', 'list', 'delete', 'set', 'update', 'regeneratekey', 'recover', 'purge', 'backup', 'restore',
    'setsas', 'listsas', 'getsas', 'deletesas',
  ],
};

export const emptyPermissions = (): Permissions => ({ keys: [], secrets: [], certificates: [], storage: [] });

const KEY_MANAGEMENT = ['get', 'list', 'update', 'create', 'import', 'delete', 'recover', 'backup', 'restore', 'getrotationpolicy', 'setrotationpolicy', 'rotate'];
const KEY_CRYPTO = ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey', 'verify', 'sign'];
const SECRET_MANAGEMENT = ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore'];
const CERT_MANAGEMENT = ['get', 'list', 'update', 'create', 'import', 'delete', 'recover', 'backup', 'restore', 'managecontacts', 'manageissuers', 'getissuers', 'listissuers', 'setissuers', 'deleteissuers'];

export interface PermissionTemplate {
  name: string;
  permissions: Permissions;
}

/** The Azure portal's access policy templates (purge is never part of a template, as in the portal). */
export const PERMISSION_TEMPLATES: readonly PermissionTemplate[] = [
  { name: 'Key, Secret & Certificate Management', permissions: { keys: KEY_MANAGEMENT, secrets: SECRET_MANAGEMENT, certificates: CERT_MANAGEMENT, storage: [] } },
  { name: 'Key & Secret Management', permissions: { keys: KEY_MANAGEMENT, secrets: SECRET_MANAGEMENT, certificates: [], storage: [] } },
  { name: 'Secret & Certificate Management', permissions: { keys: [], secrets: SECRET_MANAGEMENT, certificates: CERT_MANAGEMENT, storage: [] } },
  { name: 'Key Management', permissions: { keys: KEY_MANAGEMENT, secrets: [], certificates: [], storage: [] } },
  { name: 'Secret Management', permissions: { keys: [], secrets: SECRET_MANAGEMENT, certificates: [], storage: [] } },
  { name: 'Certificate Management', permissions: { keys: [], secrets: [], certificates: CERT_MANAGEMENT, storage: [] } },
  { name: 'Key, Secret & Certificate Management + crypto', permissions: { keys: [...KEY_MANAGEMENT, ...KEY_CRYPTO], secrets: SECRET_MANAGEMENT, certificates: CERT_MANAGEMENT, storage: [] } },
  { name: 'Azure Stack Edge device (secrets get, set)', permissions: { keys: [], secrets: ['get', 'set'], certificates: [], storage: [] } },
];

/** True when the permission list grants `permission` (case-insensitive, `all` grants everything). */
export function grants(list: readonly string[], permission: string): boolean {
  const p = permission.toLowerCase();
  return list.some((x) => {
    const l = x.toLowerCase();
    return l === 'all' || l === p;
  });
}

/** A deep copy, so callers can never edit a stored policy through what they were handed. */
export function copyAccessPolicy(p: AccessPolicy): AccessPolicy {
  return {
    ...p,
    permissions: {
      keys: [...p.permissions.keys],
      secrets: [...p.permissions.secrets],
      certificates: [...p.permissions.certificates],
      storage: [...p.permissions.storage],
    },
  };
}
