/**
 * Azure's built-in role definitions that matter to Key Vault, exactly as Azure publishes them (GUIDs,
 * actions, notActions, dataActions, notDataActions; MicrosoftDocs/azure-docs
 * articles/role-based-access-control/built-in-roles/{privileged,general,security}.md). Built-in roles
 * have the same GUID in every cloud, so these ids are what ARM answers and what scripts hard-code.
 */

/** One permission block of a role: what it allows and what it carves out again. */
export interface RolePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
  /** An ABAC condition (Azure's text), when the role carries one. */
  condition?: string;
  conditionVersion?: string;
}

export interface RoleDefinition {
  /** The GUID (ARM's `name` of the definition). */
  id: string;
  roleName: string;
  description: string;
  roleType: 'BuiltInRole' | 'CustomRole';
  permissions: RolePermission[];
  assignableScopes: string[];
  /**
   * The condition of Key Vault Data Access Administrator, machine-readable: the role definition GUIDs it
   * may assign and remove (its `condition` says the same in Azure's ABAC language).
   */
  assignableRoleIds?: readonly string[];
}

/** The GUIDs of the built-in roles kvdeck knows, by a name code can use. */
export const ROLE_IDS = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  rbacAdministrator: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  keyVaultContributor: 'f25e0fa2-a7c8-4377-a976-54943a77a395',
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  keyVaultReader: '21090545-7ca7-4776-b22c-e363652d74d2',
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  keyVaultCryptoOfficer: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424',
  keyVaultCryptoServiceEncryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  keyVaultCertificatesOfficer: 'a4417e6f-fecd-4de8-b567-7b0420556985',
  keyVaultCertificateUser: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba',
  keyVaultDataAccessAdministrator: '8b54135c-b56d-4d72-a534-26097cfdc8d8',
} as const;

/** The Key Vault data roles Key Vault Data Access Administrator may assign (its ABAC condition's list). */
export const KEY_VAULT_DATA_ROLE_IDS: readonly string[] = [
  ROLE_IDS.keyVaultAdministrator, ROLE_IDS.keyVaultCertificatesOfficer, ROLE_IDS.keyVaultCryptoOfficer,
  ROLE_IDS.keyVaultCryptoServiceEncryptionUser, ROLE_IDS.keyVaultCryptoUser, ROLE_IDS.keyVaultReader,
  ROLE_IDS.keyVaultSecretsOfficer, ROLE_IDS.keyVaultSecretsUser,
];

const ONLY_RBAC = " Only works for key vaults that use the 'Azure role-based access control' permission model.";

/** What the Key Vault "officer", "reader" and administrator roles share on the management plane. */
const KV_MANAGEMENT_READS = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Support/*',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
  'Microsoft.KeyVault/operations/read',
];

const guidList = KEY_VAULT_DATA_ROLE_IDS.join(', ');
const DATA_ACCESS_ADMIN_CONDITION =
  `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals{${guidList}})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals{${guidList}}))`;

function role(
  id: string, roleName: string, description: string,
  p: Partial<RolePermission>, extra: Partial<Pick<RoleDefinition, 'assignableRoleIds'>> = {},
): RoleDefinition {
  return {
    id, roleName, description, roleType: 'BuiltInRole', assignableScopes: ['/'],
    permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...p }],
    ...extra,
  };
}

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  role(ROLE_IDS.owner, 'Owner', 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', { actions: ['*'] }),
  role(ROLE_IDS.contributor, 'Contributor', 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.', {
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write', 'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action', 'Microsoft.Purview/consents/write', 'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action', 'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action',
    ],
  }),
  role(ROLE_IDS.reader, 'Reader', 'View all resources, but does not allow you to make any changes.', { actions: ['*/read'] }),
  role(ROLE_IDS.userAccessAdministrator, 'User Access Administrator', 'Lets you manage user access to Azure resources.', {
    actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'],
  }),
  role(ROLE_IDS.rbacAdministrator, 'Role Based Access Control Administrator', 'Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you to manage access using other ways, such as Azure Policy.', {
    actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', 'Microsoft.Support/*'],
  }),
  role(ROLE_IDS.keyVaultContributor, 'Key Vault Contributor', 'Lets you manage key vaults, but not access to them.', {
    actions: [
      'Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.KeyVault/*', 'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*',
    ],
    notActions: ['Microsoft.KeyVault/locations/deletedVaults/purge/action', 'Microsoft.KeyVault/hsmPools/*', 'Microsoft.KeyVault/managedHsms/*'],
  }),
  role(ROLE_IDS.keyVaultAdministrator, 'Key Vault Administrator', `Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Cannot manage key vault resources or manage role assignments.${ONLY_RBAC}`, {
    actions: KV_MANAGEMENT_READS, dataActions: ['Microsoft.KeyVault/vaults/*'],
  }),
  role(ROLE_IDS.keyVaultReader, 'Key Vault Reader', `Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material.${ONLY_RBAC}`, {
    actions: KV_MANAGEMENT_READS, dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
  }),
  role(ROLE_IDS.keyVaultSecretsOfficer, 'Key Vault Secrets Officer', `Perform any action on the secrets of a key vault, except manage permissions.${ONLY_RBAC}`, {
    actions: KV_MANAGEMENT_READS, dataActions: ['Microsoft.KeyVault/vaults/secrets/*'],
  }),
  role(ROLE_IDS.keyVaultSecretsUser, 'Key Vault Secrets User', `Read secret contents.${ONLY_RBAC}`, {
    dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
  }),
  role(ROLE_IDS.keyVaultCryptoOfficer, 'Key Vault Crypto Officer', `Perform any action on the keys of a key vault, except manage permissions.${ONLY_RBAC}`, {
    actions: KV_MANAGEMENT_READS, dataActions: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'],
  }),
  role(ROLE_IDS.keyVaultCryptoUser, 'Key Vault Crypto User', `Perform cryptographic operations using keys.${ONLY_RBAC}`, {
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/update/action', 'Microsoft.KeyVault/vaults/keys/backup/action',
      'Microsoft.KeyVault/vaults/keys/encrypt/action', 'Microsoft.KeyVault/vaults/keys/decrypt/action', 'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action', 'Microsoft.KeyVault/vaults/keys/sign/action', 'Microsoft.KeyVault/vaults/keys/verify/action',
    ],
  }),
  role(ROLE_IDS.keyVaultCryptoServiceEncryptionUser, 'Key Vault Crypto Service Encryption User', `Read metadata of keys and perform wrap/unwrap operations.${ONLY_RBAC}`, {
    actions: ['Microsoft.EventGrid/eventSubscriptions/write', 'Microsoft.EventGrid/eventSubscriptions/read', 'Microsoft.EventGrid/eventSubscriptions/delete'],
    dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
  }),
  role(ROLE_IDS.keyVaultCertificatesOfficer, 'Key Vault Certificates Officer', `Perform any action on the certificates of a key vault, except manage permissions.${ONLY_RBAC}`, {
    actions: KV_MANAGEMENT_READS,
    dataActions: ['Microsoft.KeyVault/vaults/certificatecas/*', 'Microsoft.KeyVault/vaults/certificates/*', 'Microsoft.KeyVault/vaults/certificatecontacts/write'],
  }),
  role(ROLE_IDS.keyVaultCertificateUser, 'Key Vault Certificate User', `Read certificate contents.${ONLY_RBAC}`, {
    dataActions: [
      'Microsoft.KeyVault/vaults/certificates/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/keys/read',
    ],
  }),
  role(ROLE_IDS.keyVaultDataAccessAdministrator, 'Key Vault Data Access Administrator', 'Manage access to Azure Key Vault by adding or removing role assignments for the Key Vault Administrator, Key Vault Certificates Officer, Key Vault Crypto Officer, Key Vault Crypto Service Encryption User, Key Vault Crypto User, Key Vault Reader, Key Vault Secrets Officer, or Key Vault Secrets User roles. Includes an ABAC condition to constrain role assignments.', {
    actions: [
      'Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', 'Microsoft.Authorization/*/read',
      'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Resources/subscriptions/read',
      'Microsoft.Management/managementGroups/read', 'Microsoft.Resources/deployments/*', 'Microsoft.Support/*', 'Microsoft.KeyVault/vaults/*/read',
    ],
    condition: DATA_ACCESS_ADMIN_CONDITION,
    conditionVersion: '2.0',
  }, { assignableRoleIds: KEY_VAULT_DATA_ROLE_IDS }),
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/**
 * The GUID of a role definition from any of its spellings: the bare GUID,
 * /providers/Microsoft.Authorization/roleDefinitions/{guid} or the same under a subscription.
 */
export function roleDefinitionGuid(idOrPath: string): string | undefined {
  const last = idOrPath.trim().replace(/\/+$/, '').split('/').pop() ?? '';
  if (!isGuid(last)) return undefined;
  if (idOrPath.includes('/') && !/\/providers\/Microsoft\.Authorization\/roleDefinitions\/[^/]+\/?$/i.test(idOrPath)) return undefined;
  return last.toLowerCase();
}

const byIdOrPath = new Map<string, RoleDefinition | undefined>();

/** A built-in role from its GUID or id (remembered: every RBAC decision looks roles up this way). */
export function roleById(idOrPath: string): RoleDefinition | undefined {
  if (byIdOrPath.has(idOrPath)) return byIdOrPath.get(idOrPath);
  const guid = roleDefinitionGuid(idOrPath);
  const role = guid ? BUILT_IN_ROLES.find((r) => r.id === guid) : undefined;
  if (byIdOrPath.size < 10_000) byIdOrPath.set(idOrPath, role);
  return role;
}

/** Role names compare case-insensitively, as ARM's `roleName eq '…'` filter does. */
export function roleByName(name: string): RoleDefinition | undefined {
  const n = name.toLowerCase();
  return BUILT_IN_ROLES.find((r) => r.roleName.toLowerCase() === n);
}

/** {scope}/providers/Microsoft.Authorization/roleDefinitions/{guid}; the scope is '' for the tenant root. */
export const roleDefinitionResourceId = (scope: string, guid: string) =>
  `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
