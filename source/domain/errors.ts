/**
 * One error type for every layer. It carries what Azure would answer (HTTP status, error code,
 * inner code, message) so the engine can raise it, the emulator can put it on the wire unchanged,
 * the Azure backend can rebuild it from an SDK RestError, and the UI can explain it.
 */
import type { ObjectLabel } from './object-kind.js';

export class KeyVaultError extends Error {
  override readonly name = 'KeyVaultError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerCode?: string,
    /** Seconds to wait before retrying (429 / 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Azure's error body: {"error":{"code","message","innererror":{"code"}}}. */
  toBody(): { error: { code: string; message: string; innererror?: { code: string } } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.innerCode ? { innererror: { code: this.innerCode } } : {}),
      },
    };
  }
}

export function isKeyVaultError(e: unknown): e is KeyVaultError {
  return e instanceof KeyVaultError;
}

/** Who called, as Key Vault's data-plane refusals name the caller. */
export interface Caller {
  objectId: string;
  appId?: string;
  tenantId: string;
}

const sts = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;
export const callerText = (c: Caller) => `appid=${c.appId ?? c.objectId};oid=${c.objectId};iss=${sts(c.tenantId)}`;

/** Microsoft's own service tenants, which Key Vault also accepts tokens from (listed in every AKV10032). */
const MICROSOFT_SERVICE_TENANTS = [
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a', 'e2d54eb5-3869-4f70-8578-dee5fc7331f4',
  '33e01921-4d64-4f8c-a055-5bdaffd5e33d', '975f013f-7f24-47e8-a7d3-abc4752bf346',
];

const NOT_FOUND_CODE = { secret: 'SecretNotFound', key: 'KeyNotFound', certificate: 'CertificateNotFound' } as const;
const LABEL = { secret: 'Secret', key: 'Key', certificate: 'Certificate' } as const;

/** "A secret with (name/id) X was not found in this key vault. …": the same sentence for every kind. */
function notFoundError(kind: keyof typeof NOT_FOUND_CODE, name: string): KeyVaultError {
  return new KeyVaultError(
    404,
    NOT_FOUND_CODE[kind],
    `A ${kind} with (name/id) ${name} was not found in this key vault. If you recently deleted this ${kind} you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
  );
}

const deletedNotFoundError = (kind: keyof typeof NOT_FOUND_CODE, name: string) => new KeyVaultError(404, NOT_FOUND_CODE[kind], `Deleted ${LABEL[kind]} not found: ${name}`);

/** Constructors for the errors whose exact texts are documented in shared/KEYVAULT.md. */
export const errors = {
  vaultNameNotValid: (name: string) =>
    new KeyVaultError(
      400,
      'VaultNameNotValid',
      `The vault name '${name}' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens. Follow this link for more information: https://go.microsoft.com/fwlink/?linkid=2147742`,
    ),
  vaultAlreadyExists: (name: string) =>
    new KeyVaultError(
      409,
      'VaultAlreadyExists',
      `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be purged before reusing the name. If you recently deleted a key vault with this name, it may still be in the soft deleted state. For more information on soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.`,
    ),
  vaultNotFound: (name: string, resourceGroup?: string) =>
    new KeyVaultError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.KeyVault/vaults/${name}' under resource group${resourceGroup === undefined ? '' : ` '${resourceGroup}'`} was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),
  /** Creating a vault whose name is soft-deleted in the same subscription (elsewhere: vaultAlreadyExists). */
  vaultNameSoftDeleted: () =>
    new KeyVaultError(
      409,
      'ConflictError',
      'A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.',
    ),
  deletedVaultNotFound: (name: string) =>
    new KeyVaultError(404, 'DeletedVaultNotFound', `The specified deleted vault '${name}' does not exist.`),
  purgeProtectionCannotBeDisabled: () =>
    new KeyVaultError(
      400,
      'BadRequest',
      'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
    ),
  deletedVaultPurgeNotAllowed: () =>
    new KeyVaultError(405, 'MethodNotAllowed', "Operation 'DeletedVaultPurge' is not allowed."),
  badParameterName: (name: string) =>
    new KeyVaultError(400, 'BadParameter', `The request URI contains an invalid name: ${name}`),
  badParameter: (message: string) => new KeyVaultError(400, 'BadParameter', message),
  secretNotFound: (name: string) => notFoundError('secret', name),
  deletedSecretNotFound: (name: string) => deletedNotFoundError('secret', name),
  keyNotFound: (name: string) => notFoundError('key', name),
  deletedKeyNotFound: (name: string) => deletedNotFoundError('key', name),
  secretDisabled: () =>
    new KeyVaultError(403, 'Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled'),
  keyDisabled: (operation: string) =>
    new KeyVaultError(403, 'Forbidden', `Operation ${operation} is not allowed on a disabled key.`, 'KeyDisabled'),
  objectDeletedButRecoverable: (kind: ObjectLabel, name: string) =>
    new KeyVaultError(
      409,
      'Conflict',
      `${kind} ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the ${kind.toLowerCase()} can only be recovered or purged.`,
      'ObjectIsDeletedButRecoverable',
    ),
  /** Restore into a name that is taken (inferred text: Azure answers 409 Conflict). */
  objectAlreadyExists: (kind: ObjectLabel, name: string) =>
    new KeyVaultError(
      409,
      'Conflict',
      `There was a conflict restoring the ${kind.toLowerCase()} '${name}': a ${kind.toLowerCase()} with this name already exists in this key vault.`,
    ),
  objectPurgeProtected: () =>
    new KeyVaultError(
      403,
      'Forbidden',
      'Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed.',
      'PurgeProtected',
    ),
  /** A data-plane call the caller's access policy does not allow (inner code as the real service answers). */
  accessDenied: (
    caller: Caller,
    permission: string,
    area: 'secrets' | 'keys' | 'certificates' | 'storage',
    vault: string,
    location: string,
  ) =>
    new KeyVaultError(
      403,
      'Forbidden',
      `The user, group or application '${callerText(caller)}' does not have ${area} ${permission} permission on key vault '${vault};location=${location}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
      'ForbiddenByPolicy',
    ),
  /**
   * A data-plane call the caller's role assignments do not allow, in a vault that uses Azure RBAC.
   * `resource` is the ARM id of the vault or object; Azure writes it in lower case.
   */
  forbiddenByRbac: (caller: Caller, action: string, resource: string, vault: string, location: string) =>
    new KeyVaultError(
      403,
      'Forbidden',
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${callerText(caller)}\r\nAction: '${action}'\r\nResource: '${resource.toLowerCase()}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: ${vault};location=${location}\r\n`,
      'ForbiddenByRbac',
    ),
  /** A data-plane token issued by another tenant than the vault's. */
  invalidIssuer: (vaultTenantId: string, tokenTenantId: string) =>
    new KeyVaultError(
      401,
      'Unauthorized',
      `AKV10032: Invalid issuer. Expected one of ${[vaultTenantId, ...MICROSOFT_SERVICE_TENANTS].map(sts).join(', ')}, found ${sts(tokenTenantId)}.`,
    ),
  /** A management call the caller's role assignments do not allow. `client` is the UPN of a user, the app id of an application. */
  authorizationFailed: (client: string, objectId: string, action: string, scope: string) =>
    new KeyVaultError(
      403,
      'AuthorizationFailed',
      `The client '${client}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  /** Allowed by a role whose ABAC condition the request does not meet (Key Vault Data Access Administrator assigning another role). */
  conditionNotFulfilled: (client: string, objectId: string, action: string, scope: string) =>
    new KeyVaultError(
      403,
      'AuthorizationFailed',
      `The client '${client}' with object id '${objectId}' has an authorization with ABAC condition that is not fulfilled to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  /** An ARM token issued by another tenant than the subscription's. */
  wrongTenantToken: (tokenTenantId: string, subscriptionTenantId: string) =>
    new KeyVaultError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer '${sts(tokenTenantId)}'. It must match the tenant '${sts(subscriptionTenantId)}' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${subscriptionTenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
    ),
  forbiddenByFirewall: (caller: Caller, address: string, vault: string, location: string) =>
    new KeyVaultError(
      403,
      'Forbidden',
      `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${address}\r\nCaller: ${callerText(caller)}\r\nVault: ${vault};location=${location}`,
      'ForbiddenByFirewall',
    ),
  /** The lines after the first sentence follow ForbiddenByFirewall's (inferred). */
  forbiddenByConnection: (caller: Caller, vault: string, location: string) =>
    new KeyVaultError(
      403,
      'Forbidden',
      `Public network access is disabled and request is not from a trusted service nor via an approved private link.\r\nCaller: ${callerText(caller)}\r\nVault: ${vault};location=${location}`,
      'ForbiddenByConnection',
    ),
  operationNotPermittedByKey: (operation: string) =>
    new KeyVaultError(403, 'Forbidden', `Operation ${operation} is not permitted on this key.`, 'KeyOperationForbidden'),
  /**
   * Outside a key's nbf/exp window only decrypt, unwrapKey and verify work. Inferred text, after the
   * service's "Operation get is not allowed on a expired secret." (inner SecretExpired).
   */
  keyNotValidNow: (operation: string, expired: boolean) =>
    new KeyVaultError(
      403,
      'Forbidden',
      expired ? `Operation ${operation} is not allowed on an expired key.` : `Operation ${operation} is not allowed on a key that is not yet valid.`,
      expired ? 'KeyExpired' : 'KeyNotYetValid',
    ),
  scopeLocked: (scope: string, operation: 'delete' | 'write', lockedScopes: string[]) =>
    new KeyVaultError(
      409,
      'ScopeLocked',
      `The scope '${scope}' cannot perform ${operation} operation because following scope(s) are locked: ${lockedScopes
        .map((s) => `'${s}'`)
        .join(', ')}. Please remove the lock and try again.`,
    ),
  // Role assignments (Microsoft.Authorization), as ARM answers them.
  roleAssignmentExists: () => new KeyVaultError(409, 'RoleAssignmentExists', 'The role assignment already exists.'),
  roleAssignmentNotFound: (name: string) => new KeyVaultError(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`),
  roleAssignmentUpdateNotPermitted: () =>
    new KeyVaultError(400, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.'),
  invalidRoleAssignmentId: (name: string) =>
    new KeyVaultError(400, 'InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`),
  principalNotFound: (principalId: string, tenantId: string) =>
    new KeyVaultError(
      400,
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    ),
  unmatchedPrincipalType: (principalId: string, actual: string, given: string) =>
    new KeyVaultError(400, 'UnmatchedPrincipalType', `The PrincipalId '${principalId.replace(/-/g, '')}' has type '${actual}' , which is different from specified PrincipalType '${given}'.`),
  /** 404 when the definition is read; 400 when an assignment names it. */
  roleDefinitionNotFound: (id: string, status: 400 | 404 = 404) =>
    new KeyVaultError(status, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${id}' does not exist.`),
  invalidAccessScope: (scope: string) =>
    new KeyVaultError(400, 'InvalidScope', `The scope '${scope}' is not a subscription, resource group, key vault or key vault secret, key or certificate scope.`),
  throttled: (retryAfterSeconds: number) =>
    new KeyVaultError(
      429,
      'Throttled',
      'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached',
      'TooManyRequests',
      retryAfterSeconds,
    ),
};

/** The certificate errors (texts from the service's recorded answers; see the certificates section of KEYVAULT.md). */
export const certificateErrors = {
  notFound: (name: string) => notFoundError('certificate', name),
  deletedNotFound: (name: string) => deletedNotFoundError('certificate', name),
  pendingNotFound: (name: string) => new KeyVaultError(404, 'PendingCertificateNotFound', `Pending certificate not found: ${name}`),
  /** A create or import while a pending operation is in progress (documented: 409 with code Forbidden). */
  pendingInProgress: () =>
    new KeyVaultError(409, 'Forbidden', "A new key vault certificate can not be created or imported while a pending key vault certificate's status is inProgress."),
  /** A write to the key or secret a certificate owns. */
  managedByKeyVault: (kind: 'secret' | 'key', operation: string) =>
    new KeyVaultError(
      403,
      'Forbidden',
      `Operation "${operation}" is not allowed on this ${kind}, since it is associated with a certificate. Perform the operation on the corresponding certificate. For more information refer to https://docs.microsoft.com/en-us/azure/key-vault/certificates/about-certificates#composition-of-a-certificate`,
      kind === 'secret' ? 'SecretManagedByKeyVault' : 'KeyManagedByKeyVault',
    ),
  /** A certificate over an existing plain secret or key of the same name (inferred text: the service answers 409 Conflict). */
  nameTaken: (kind: 'secret' | 'key', name: string) =>
    new KeyVaultError(
      409,
      'Conflict',
      `A ${kind} named ${name} already exists in this key vault and is not part of a certificate; a certificate needs its name for its own key and secret. Choose another name, or delete the ${kind} first.`,
    ),
};
