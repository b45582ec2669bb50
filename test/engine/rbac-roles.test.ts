/**
 * The rules the engine's RBAC decisions rest on, as pure domain functions: the built-in roles as Azure
 * publishes them, how action patterns match (wildcards, case, NotActions/NotDataActions), the smallest
 * role that allows an action, who may do what at a scope, and the access-policy → RBAC proposal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assignmentsApplying, principalsAllowed, proposeRbacMigration, roleWeight, rolesAllowing, smallestRoleFor,
} from '../../source/domain/access-advice.js';
import { parseAccessScope, scopeContains } from '../../source/domain/access-scope.js';
import { actionMatches, dataActionsForPermission, permissionAllows, roleAllows } from '../../source/domain/actions.js';
import { BUILT_IN_ROLES, roleById, roleByName, roleDefinitionGuid, ROLE_IDS, type RoleDefinition } from '../../source/domain/role-definitions.js';
import type { RoleAssignment } from '../../source/domain/role-assignment.js';
import { demoRoleAssignments } from '../../source/engine/seed/demo-roles.js';
import { DEMO } from '../../source/engine/index.js';

const KV = 'Microsoft.KeyVault/vaults/';

describe('built-in role definitions', () => {
  it('are the sixteen roles the issue names, with Azure\'s fixed GUIDs', () => {
    const expected: Record<string, string> = {
      Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c', Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
      'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
      'Key Vault Contributor': 'f25e0fa2-a7c8-4377-a976-54943a77a395', 'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
      'Key Vault Reader': '21090545-7ca7-4776-b22c-e363652d74d2', 'Key Vault Secrets Officer': 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
      'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6', 'Key Vault Crypto Officer': '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
      'Key Vault Crypto User': '12338af0-0e69-4776-bea7-57ae8d297424', 'Key Vault Crypto Service Encryption User': 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
      'Key Vault Certificates Officer': 'a4417e6f-fecd-4de8-b567-7b0420556985', 'Key Vault Certificate User': 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba',
      'Key Vault Data Access Administrator': '8b54135c-b56d-4d72-a534-26097cfdc8d8',
    };
    assert.deepEqual(Object.fromEntries(BUILT_IN_ROLES.map((r) => [r.roleName, r.id])), expected);
    assert.equal(roleByName('KEY VAULT READER')?.id, ROLE_IDS.keyVaultReader);
    assert.equal(roleById(`/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.owner.toUpperCase()}`)?.roleName, 'Owner');
    assert.equal(roleDefinitionGuid('/subscriptions/x/providers/Microsoft.Other/thing/8e3af657-a8ff-443c-a75c-2fe8c4bcb635'), undefined);
  });

  it('Owner, Contributor and Key Vault Contributor have no data actions; Contributor cannot write role assignments; Key Vault Contributor cannot purge', () => {
    for (const id of [ROLE_IDS.owner, ROLE_IDS.contributor, ROLE_IDS.keyVaultContributor]) {
      assert.ok(!roleAllows(roleById(id)!, `${KV}secrets/getSecret/action`, 'dataAction'));
    }
    assert.ok(roleAllows(roleById(ROLE_IDS.owner)!, 'Microsoft.Authorization/roleAssignments/write', 'action'));
    assert.ok(!roleAllows(roleById(ROLE_IDS.contributor)!, 'Microsoft.Authorization/roleAssignments/write', 'action'));
    assert.ok(roleAllows(roleById(ROLE_IDS.contributor)!, 'Microsoft.KeyVault/locations/deletedVaults/purge/action', 'action'));
    assert.ok(roleAllows(roleById(ROLE_IDS.keyVaultContributor)!, 'Microsoft.KeyVault/vaults/accessPolicies/write', 'action'));
    assert.ok(!roleAllows(roleById(ROLE_IDS.keyVaultContributor)!, 'Microsoft.KeyVault/locations/deletedVaults/purge/action', 'action'));
  });
});

describe('action matching', () => {
  it('is case-insensitive and matches the whole action; * stands for any run of characters, slashes included', () => {
    assert.ok(actionMatches('*/read', 'Microsoft.KeyVault/vaults/read'));
    assert.ok(actionMatches('*/read', 'microsoft.authorization/roleassignments/READ'));
    assert.ok(!actionMatches('*/read', 'Microsoft.KeyVault/vaults/write'));
    assert.ok(actionMatches(`${KV}*/read`, `${KV}keys/read`));
    assert.ok(actionMatches(`${KV}*/read`, `${KV}storageaccounts/sas/read`));
    assert.ok(!actionMatches(`${KV}*/read`, `${KV}read`), 'a middle wildcard needs a segment: vaults/*/read is not vaults/read');
    assert.ok(!actionMatches(`${KV}*/read`, `${KV}secrets/readMetadata/action`));
    assert.ok(actionMatches('Microsoft.KeyVault/*', 'Microsoft.KeyVault/vaults/delete'));
    assert.ok(!actionMatches('Microsoft.KeyVault/vaults', 'Microsoft.KeyVault/vaults/read'));
    assert.ok(actionMatches('Microsoft.Authorization/*/Write', 'Microsoft.Authorization/locks/write'));
    assert.ok(actionMatches('Microsoft.Key.Vault/*', 'Microsoft.Key.Vault/x') && !actionMatches('Microsoft.Key.Vault/*', 'MicrosoftXKeyXVault/x'), 'dots are literal');
  });

  it('NotActions and NotDataActions take away what the same block grants', () => {
    const custom: RoleDefinition = {
      id: 'c0c0c0c0-0000-4000-8000-000000000000', roleName: 'Secrets without values', description: '', roleType: 'CustomRole', assignableScopes: ['/'],
      permissions: [{ actions: ['*/read'], notActions: ['Microsoft.Authorization/*/read'], dataActions: [`${KV}secrets/*`], notDataActions: [`${KV}secrets/getSecret/action`] }],
    };
    assert.ok(roleAllows(custom, `${KV}secrets/readMetadata/action`, 'dataAction'));
    assert.ok(roleAllows(custom, `${KV}secrets/setSecret/action`, 'dataAction'));
    assert.ok(!roleAllows(custom, `${KV}secrets/getSecret/action`, 'dataAction'));
    assert.ok(roleAllows(custom, 'Microsoft.KeyVault/vaults/read', 'action'));
    assert.ok(!roleAllows(custom, 'Microsoft.Authorization/roleAssignments/read', 'action'));
    // Actions and data actions are separate lists: a data action in `actions` grants nothing on the data plane.
    assert.ok(!permissionAllows({ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }, `${KV}secrets/getSecret/action`, 'dataAction'));
    // A NotDataAction of one role does not take away what another role grants (the engine unions roles).
    assert.ok(rolesAllowing(`${KV}secrets/getSecret/action`, 'dataAction', { roles: [custom, roleById(ROLE_IDS.keyVaultSecretsUser)!] }).length === 1);
  });

  it('every access-policy permission maps to the data actions Azure lists for it', () => {
    assert.deepEqual(dataActionsForPermission('secrets', 'get'), [`${KV}secrets/getSecret/action`]);
    assert.deepEqual(dataActionsForPermission('secrets', 'list'), [`${KV}secrets/readMetadata/action`]);
    assert.deepEqual(dataActionsForPermission('secrets', 'set').sort(), [`${KV}secrets/setSecret/action`, `${KV}secrets/update/action`]);
    assert.deepEqual(dataActionsForPermission('keys', 'wrapKey'), [`${KV}keys/wrap/action`]);
    assert.deepEqual(dataActionsForPermission('keys', 'getrotationpolicy'), [`${KV}keyrotationpolicies/read`]);
    assert.deepEqual(dataActionsForPermission('certificates', 'managecontacts'), [`${KV}certificatecontacts/write`]);
    assert.equal(dataActionsForPermission('secrets', 'all').length, 9);
  });
});

describe('the smallest built-in role for an action', () => {
  const cases: [string, string][] = [
    [`${KV}secrets/getSecret/action`, 'Key Vault Secrets User'],
    [`${KV}secrets/readMetadata/action`, 'Key Vault Reader'],
    [`${KV}secrets/setSecret/action`, 'Key Vault Secrets Officer'],
    [`${KV}keys/read`, 'Key Vault Reader'],
    [`${KV}keys/sign/action`, 'Key Vault Crypto User'],
    [`${KV}keys/wrap/action`, 'Key Vault Crypto Service Encryption User'],
    [`${KV}keys/create/action`, 'Key Vault Crypto Officer'],
    [`${KV}certificates/create/action`, 'Key Vault Certificates Officer'],
    ['Microsoft.KeyVault/vaults/read', 'Reader'],
    ['Microsoft.KeyVault/vaults/write', 'Key Vault Contributor'],
    ['Microsoft.KeyVault/vaults/accessPolicies/write', 'Key Vault Contributor'],
    ['Microsoft.KeyVault/locations/deletedVaults/purge/action', 'Contributor'],
    ['Microsoft.Authorization/locks/write', 'User Access Administrator'],
    ['Microsoft.Authorization/roleAssignments/write', 'Role Based Access Control Administrator'],
  ];
  for (const [action, role] of cases) it(`${action} → ${role}`, () => assert.equal(smallestRoleFor(action)?.roleName, role));

  it('assigning a Key Vault data role, Key Vault Data Access Administrator is enough; for other roles it does not count', () => {
    const write = 'Microsoft.Authorization/roleAssignments/write';
    assert.equal(smallestRoleFor(write, 'action', { assigning: ROLE_IDS.keyVaultSecretsUser })?.roleName, 'Key Vault Data Access Administrator');
    assert.ok(!rolesAllowing(write, 'action', { assigning: ROLE_IDS.owner }).some((r) => r.id === ROLE_IDS.keyVaultDataAccessAdministrator));
    const [w1] = roleWeight(roleById(ROLE_IDS.keyVaultSecretsUser)!);
    const [w2] = roleWeight(roleById(ROLE_IDS.keyVaultAdministrator)!);
    assert.ok(w1 < w2);
  });
});

describe('who has access where', () => {
  const assignments = demoRoleAssignments(0);
  const sharedId = `/subscriptions/${DEMO.subscriptions.production}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/contoso-shared-kv`;

  it('scopes nest by whole segments, case-insensitively', () => {
    assert.ok(scopeContains('/subscriptions/S', '/subscriptions/s/resourceGroups/rg'));
    assert.ok(!scopeContains('/subscriptions/s/resourceGroups/rg', '/subscriptions/s/resourceGroups/rg-2'));
    assert.equal(parseAccessScope(`${sharedId}/secrets/smtp-password`)?.kind, 'object');
    assert.equal(parseAccessScope(`${sharedId}/deletedsecrets/x`), undefined);
    assert.equal(parseAccessScope('/subscriptions/s/resourcegroups/rg/providers/microsoft.keyvault/vaults/v')?.vaultName, 'v');
  });

  it('the assignments that apply to a secret, direct ones first, the inherited ones marked', () => {
    const applying = assignmentsApplying(assignments, `${sharedId}/secrets/smtp-password`);
    assert.equal(applying.length, 6);
    assert.ok(applying.every((a) => a.inherited));
    const atVault = assignmentsApplying(assignments, sharedId);
    assert.deepEqual(atVault.slice(0, 3).map((a) => a.inherited), [false, false, false]);
    assert.deepEqual(atVault.slice(3).map((a) => a.role?.roleName), ['Owner', 'Reader', 'Reader']);
  });

  it('who can read smtp-password: contoso-web-app (Key Vault Secrets User) and Operator (Key Vault Administrator), not Security Admin', () => {
    const who = principalsAllowed(assignments, `${sharedId}/secrets/smtp-password`, `${KV}secrets/getSecret/action`);
    assert.deepEqual(who.map((w) => w.principalId).sort(), [DEMO.principals.operator, DEMO.principals.webApp].sort());
    assert.equal(who.find((w) => w.principalId === DEMO.principals.webApp)!.via[0].role?.roleName, 'Key Vault Secrets User');
    const metadata = principalsAllowed(assignments, sharedId, `${KV}secrets/readMetadata/action`);
    assert.equal(metadata.length, 3);
    const unknown: RoleAssignment = { ...assignments[0], roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/11111111-0000-4000-8000-000000000000' };
    assert.deepEqual(principalsAllowed([unknown], sharedId, 'Microsoft.KeyVault/vaults/read'), [], 'a role kvdeck does not know grants nothing it can vouch for');
  });
});

describe('switching a vault from access policies to Azure RBAC', () => {
  const policy = (objectId: string, p: Partial<Record<'secrets' | 'keys' | 'certificates' | 'storage', string[]>>) => ({
    tenantId: DEMO.tenantId, objectId, permissions: { secrets: [], keys: [], certificates: [], storage: [], ...p },
  });

  it('proposes the smallest set of built-in roles that keeps each principal\'s access, and says what they add', () => {
    const [web, admin, ops, edge, nobody] = proposeRbacMigration([
      policy('web', { secrets: ['get', 'list'] }),
      policy('admin', { keys: ['get', 'list'], secrets: ['list'] }),
      policy('ops', { secrets: ['all'], keys: ['all'], certificates: ['all'] }),
      policy('edge', { secrets: ['get', 'set'] }),
      policy('nobody', {}),
    ]);
    assert.deepEqual(web.roles.map((r) => r.roleName), ['Key Vault Secrets User']);
    assert.deepEqual(web.extraDataActions, []);
    assert.deepEqual(admin.roles.map((r) => r.roleName), ['Key Vault Reader']);
    assert.ok(admin.extraPermissions.certificates.includes('get'), 'Key Vault Reader also reads certificate metadata');
    // Least privilege: the three officers give exactly the three areas; the Administrator would add managed storage.
    assert.deepEqual(ops.roles.map((r) => r.roleName).sort(), ['Key Vault Certificates Officer', 'Key Vault Crypto Officer', 'Key Vault Secrets Officer']);
    assert.deepEqual(ops.extraDataActions, []);
    assert.deepEqual(edge.roles.map((r) => r.roleName), ['Key Vault Secrets Officer']);
    assert.deepEqual(edge.extraPermissions.secrets.sort(), ['backup', 'delete', 'list', 'purge', 'recover', 'restore']);
    assert.deepEqual(nobody.roles, []);
  });

  it('everything, managed storage included, is the Key Vault Administrator', () => {
    const [all] = proposeRbacMigration([policy('all', { secrets: ['all'], keys: ['all'], certificates: ['all'], storage: ['all'] })]);
    assert.deepEqual(all.roles.map((r) => r.roleName), ['Key Vault Administrator']);
  });

  it('combines roles when one does not cover a policy (secrets and keys management: two officers, not the administrator)', () => {
    const [both] = proposeRbacMigration([policy('both', { secrets: ['get', 'list', 'set', 'delete'], keys: ['get', 'list', 'create', 'delete'] })]);
    assert.deepEqual(both.roles.map((r) => r.roleName).sort(), ['Key Vault Crypto Officer', 'Key Vault Secrets Officer']);
  });
});

describe('reading a refusal back', () => {
  it('names what was missing, whichever model refused, so the smallest role (or the permission) can be offered', async () => {
    const { refusalOf } = await import('../../source/domain/refusal.js');
    const { createEngine } = await import('../../source/engine/index.js');
    const { KeyVaultError } = await import('../../source/domain/errors.js');
    const engine = createEngine();
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof KeyVaultError) return e;
      }
      throw new Error('expected a refusal');
    };
    const admin = { objectId: DEMO.principals.securityAdmin, tenantId: DEMO.tenantId };
    const web = { objectId: DEMO.principals.webApp, tenantId: DEMO.tenantId, appId: DEMO.appIds.webApp };
    const data = refusalOf(caught(() => engine.secrets.get(admin, DEMO.vaults.shared, 'smtp-password')));
    assert.deepEqual(data, { model: 'rbac', kind: 'dataAction', action: `${KV}secrets/getSecret/action`, scope: `/subscriptions/${DEMO.subscriptions.production}/resourcegroups/rg-shared/providers/microsoft.keyvault/vaults/contoso-shared-kv/secrets/smtp-password` });
    assert.equal(smallestRoleFor(data.action)?.roleName, 'Key Vault Secrets User');
    const arm = refusalOf(caught(() => engine.vaults.delete(web, { subscriptionId: DEMO.subscriptions.production, resourceGroup: 'rg-apps', name: DEMO.vaults.app })));
    assert.equal(arm?.model === 'rbac' && arm.kind === 'action' && smallestRoleFor(arm.action)?.roleName, 'Key Vault Contributor');
    assert.deepEqual(refusalOf(caught(() => engine.secrets.set(web, DEMO.vaults.app, 'x', { value: 'v' }))), { model: 'policy', area: 'secrets', permission: 'set', vaultName: DEMO.vaults.app });
    assert.equal(refusalOf(caught(() => engine.secrets.get(web, DEMO.vaults.app, 'legacy-token'))), undefined, 'a disabled secret is not a missing permission');
  });
});
