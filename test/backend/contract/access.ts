import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { permissionAllows } from '../../../source/domain/actions.js';
import { roleAssignmentId } from '../../../source/domain/role-assignment.js';
import { BUILT_IN_ROLES, roleDefinitionGuid, ROLE_IDS } from '../../../source/domain/role-definitions.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

const newGuid = () => crypto.randomUUID();

export function accessContract(c: ContractContext): void {
  const sub = () => `/subscriptions/${c.ids.subscriptions.production}`;
  const sharedId = () => `${sub()}/resourceGroups/${c.ids.resourceGroups.shared}/providers/Microsoft.KeyVault/vaults/${c.ids.vaults.shared}`;
  /** RBAC-mode vaults do not exist everywhere (Azure Stack Hub): such tests are skipped there, not failed. */
  const rbacVaults = (t: TestContext) => {
    if (c.backend().info.features.rbacAuthorization) return true;
    t.skip('this cloud has no RBAC-mode vaults');
    return false;
  };

  describe('role assignments and definitions (Azure RBAC)', () => {
    it('knows the built-in roles by their fixed GUIDs and finds one by name (with data actions where the cloud has them)', async () => {
      const b = c.backend();
      const all = await b.access.listRoleDefinitions(sub());
      for (const r of BUILT_IN_ROLES) assert.ok(all.some((d) => d.id === r.id && d.roleName === r.roleName), r.roleName);
      const [secretsUser] = await b.access.listRoleDefinitions(sub(), { roleName: 'Key Vault Secrets User' });
      assert.equal(secretsUser.id, ROLE_IDS.keyVaultSecretsUser);
      assert.equal((await b.access.getRoleDefinition(ROLE_IDS.owner)).roleName, 'Owner');
      // Microsoft.Authorization 2015-07-01 (Azure Stack Hub) has no data actions.
      if (b.info.features.rbacAuthorization) {
        assert.deepEqual(secretsUser.permissions[0].dataActions, [
          'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
        ]);
      }
    });

    it('lists the demo assignments that apply to contoso-shared-kv: its own and those inherited from the subscription', async () => {
      const list = await c.backend().access.listRoleAssignments(sharedId(), { atScope: true });
      const ra = c.ids.roleAssignments;
      const names = list.map((a) => a.name).sort();
      assert.deepEqual(names, [
        ra.operatorOwnerProduction, ra.operatorKeyVaultAdministratorShared, ra.webAppReaderProduction, ra.webAppSecretsUserShared,
        ra.securityAdminReaderProduction, ra.securityAdminKeyVaultReaderShared,
      ].sort());
      const secretsUser = list.find((a) => a.name === ra.webAppSecretsUserShared)!;
      assert.equal(secretsUser.principalId, c.ids.principals.webApp);
      assert.equal(roleDefinitionGuid(secretsUser.roleDefinitionId), ROLE_IDS.keyVaultSecretsUser);
      assert.equal(secretsUser.scope.toLowerCase(), sharedId().toLowerCase());
      assert.equal(secretsUser.id.toLowerCase(), roleAssignmentId(sharedId(), ra.webAppSecretsUserShared).toLowerCase());
    });

    it('a principal filter lists its assignments at, above and below the scope', async () => {
      const list = await c.backend().access.listRoleAssignments(sub(), { principalId: c.ids.principals.webApp });
      assert.deepEqual(list.map((a) => roleDefinitionGuid(a.roleDefinitionId)).sort(), [ROLE_IDS.reader, ROLE_IDS.keyVaultSecretsUser].sort());
    });

    it('one assignment per principal, role and scope; the principal must exist; the name is a GUID', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      const input = { scope: v.id, roleDefinitionId: ROLE_IDS.reader, principalId: c.ids.principals.webApp };
      const first = await b.access.createRoleAssignment({ ...input, name: newGuid() });
      assert.equal(roleDefinitionGuid(first.roleDefinitionId), ROLE_IDS.reader);
      await rejectsWith(b.access.createRoleAssignment({ ...input, name: newGuid() }), { status: 409, code: 'RoleAssignmentExists' });
      await rejectsWith(b.access.createRoleAssignment({ ...input, principalId: '99999999-9999-4999-8999-999999999999' }), { status: 400, code: 'PrincipalNotFound' });
      await b.access.deleteRoleAssignment(first.id);
      assert.deepEqual((await b.access.listRoleAssignments(v.id, { principalId: c.ids.principals.webApp })).filter((a) => a.scope.toLowerCase() === v.id.toLowerCase()), []);
    });

    it('a Reader may not grant roles or delete vaults: 403 AuthorizationFailed naming the action and scope', async () => {
      const web = await c.asPrincipal(c.ids.principals.webApp);
      await rejectsWith(web.access.createRoleAssignment({ scope: sub(), roleDefinitionId: ROLE_IDS.owner, principalId: c.ids.principals.webApp }), {
        status: 403, code: 'AuthorizationFailed', message: /does not have authorization to perform action 'Microsoft\.Authorization\/roleAssignments\/write' over scope '\/subscriptions\/22222222-2222-4222-8222-222222222222\/providers\/Microsoft\.Authorization\/roleAssignments\//,
      });
      const app = await c.demoVault(c.ids.vaults.app);
      await rejectsWith(web.vaults.delete(refOf(app)), { status: 403, code: 'AuthorizationFailed', message: /perform action 'Microsoft\.KeyVault\/vaults\/delete' over scope/ });
      // The app still sees the vaults (Reader of the subscription).
      assert.ok((await web.vaults.list(c.ids.subscriptions.production)).some((x) => x.name === c.ids.vaults.app));
    });

    it('grant and revoke: a role at a vault lets the principal in, removing it shuts them out again', async (t) => {
      if (!rbacVaults(t)) return;
      const b = c.backend();
      const v = await c.freshVault({ enableRbacAuthorization: true, accessPolicies: [] });
      assert.equal(v.enableRbacAuthorization, true);
      const web = await c.asPrincipal(c.ids.principals.webApp);
      await rejectsWith(web.secrets.set(refOf(v), 'before', { value: 'x' }), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac', message: /Action: 'Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action'/ });
      const grant = await b.access.createRoleAssignment({ scope: v.id, roleDefinitionId: ROLE_IDS.keyVaultSecretsOfficer, principalId: c.ids.principals.webApp, principalType: 'ServicePrincipal' });
      assert.equal(grant.principalType, 'ServicePrincipal');
      assert.equal((await web.secrets.set(refOf(v), 'granted', { value: 'x' })).name, 'granted');
      await b.access.deleteRoleAssignment(grant.id);
      await rejectsWith(web.secrets.get(refOf(v), 'granted'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
    });

    it('a role on a single secret opens that secret only', async (t) => {
      if (!rbacVaults(t)) return;
      const b = c.backend();
      const v = await c.freshVault({ enableRbacAuthorization: true, accessPolicies: [] });
      await b.access.createRoleAssignment({ scope: v.id, roleDefinitionId: ROLE_IDS.keyVaultSecretsOfficer, principalId: c.ids.principals.operator });
      await b.secrets.set(refOf(v), 'one', { value: 'first' });
      await b.secrets.set(refOf(v), 'two', { value: 'second' });
      await b.access.createRoleAssignment({ scope: `${v.id}/secrets/one`, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: c.ids.principals.securityAdmin });
      const admin = await c.asPrincipal(c.ids.principals.securityAdmin);
      assert.equal((await admin.secrets.get(refOf(v), 'one')).value, 'first');
      await rejectsWith(admin.secrets.get(refOf(v), 'two'), { status: 403, innerCode: 'ForbiddenByRbac', code: 'Forbidden', message: /secrets\/two'/ });
    });

    it('deleting a vault removes the role assignments at it; recovering the vault does not bring them back', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      const grant = await b.access.createRoleAssignment({ scope: v.id, roleDefinitionId: ROLE_IDS.keyVaultReader, principalId: c.ids.principals.securityAdmin });
      await b.vaults.delete(refOf(v));
      const back = await b.deleted.recoverVault(await b.deleted.getVault(v.subscriptionId, v.location, v.name));
      const after = await b.access.listRoleAssignments(back.id, { atScope: true });
      assert.ok(!after.some((a) => a.name === grant.name), 'the vault-scope assignment is gone after recovery');
      assert.ok(after.some((a) => a.name === c.ids.roleAssignments.operatorOwnerProduction), 'inherited ones still apply');
    });

    it('says what the signed-in identity may do at a vault: the Operator may grant roles there, the app may not', async () => {
      const may = (perms: Awaited<ReturnType<ReturnType<ContractContext['backend']>['access']['myPermissions']>>) =>
        perms.some((p) => permissionAllows(p, 'Microsoft.Authorization/roleAssignments/write', 'action'));
      assert.equal(may(await c.backend().access.myPermissions(sharedId())), true);
      const web = await c.asPrincipal(c.ids.principals.webApp);
      assert.equal(may(await web.access.myPermissions(sharedId())), false);
    });
  });
}
