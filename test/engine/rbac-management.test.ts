/**
 * Azure RBAC on the management plane: every ARM operation needs its action from a role at the scope or
 * above (403 AuthorizationFailed, Azure's words); role assignments follow ARM's rules; Key Vault Data
 * Access Administrator assigns only the Key Vault data roles; every grant, revoke and refusal is audited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lockResourceId, vaultResourceId } from '../../source/domain/ids.js';
import { permissionAllows } from '../../source/domain/actions.js';
import { roleAssignmentId } from '../../source/domain/role-assignment.js';
import { roleDefinitionGuid, ROLE_IDS } from '../../source/domain/role-definitions.js';
import { DEMO } from '../../source/engine/index.js';
import { changeSignalSink } from '../../source/engine/store/sink.js';
import { appKv, CURRENT_DEFAULTS, demoEngine, edgeIdentity, newVaultInput, operator, securityAdmin, sharedKv, throwsKv, webApp } from './helpers/engine.js';

const prod = DEMO.subscriptions.production;
const sub = `/subscriptions/${prod}`;
const rgApps = `${sub}/resourceGroups/${DEMO.resourceGroups.apps}`;
const appId = vaultResourceId(prod, DEMO.resourceGroups.apps, DEMO.vaults.app);
const sharedId = vaultResourceId(prod, DEMO.resourceGroups.shared, DEMO.vaults.shared);
const GUID = '5a5a5a5a-0000-4000-8000-000000000001';

const refused = (client: string, oid: string, action: string, scope: string) =>
  `The client '${client}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`;
const webRefused = (action: string, scope: string) => refused(DEMO.appIds.webApp, DEMO.principals.webApp, action, scope);

describe('management-plane authorization in the demo', () => {
  it('contoso-web-app (Reader of Production) sees the Production vaults and changes nothing', () => {
    const { engine } = demoEngine();
    assert.deepEqual(engine.vaults.list(webApp).map((v) => v.name), [DEMO.vaults.app, DEMO.vaults.shared]);
    assert.equal(engine.vaults.get(webApp, appKv).name, DEMO.vaults.app);
    assert.deepEqual(engine.directory.listSubscriptions(webApp).map((s) => s.id), [prod]);
    throwsKv(() => engine.vaults.create(webApp, newVaultInput('web-made-kv'), CURRENT_DEFAULTS), {
      status: 403, code: 'AuthorizationFailed', message: webRefused('Microsoft.KeyVault/vaults/write', `${rgApps}/providers/Microsoft.KeyVault/vaults/web-made-kv`),
    });
    throwsKv(() => engine.policies.update(webApp, appKv, 'add', [{ tenantId: DEMO.tenantId, objectId: DEMO.principals.webApp, permissions: { secrets: ['all'], keys: [], certificates: [], storage: [] } }]), {
      status: 403, code: 'AuthorizationFailed', message: webRefused('Microsoft.KeyVault/vaults/accessPolicies/write', appId),
    });
    throwsKv(() => engine.vaults.delete(webApp, appKv), { status: 403, code: 'AuthorizationFailed', message: webRefused('Microsoft.KeyVault/vaults/delete', appId) });
    throwsKv(() => engine.vaults.update(webApp, appKv, { tags: {} }), { status: 403, code: 'AuthorizationFailed', message: /vaults\/write/ });
    throwsKv(() => engine.locks.create(webApp, { scope: appId, name: 'mine', level: 'CanNotDelete' }), {
      status: 403, code: 'AuthorizationFailed', message: webRefused('Microsoft.Authorization/locks/write', lockResourceId(appId, 'mine')),
    });
    throwsKv(() => engine.locks.delete(webApp, sharedId, DEMO.locks.shared), { status: 403, code: 'AuthorizationFailed', message: /locks\/delete/ });
    throwsKv(() => engine.deletedVaults.purge(webApp, prod, 'westeurope', DEMO.deletedVaults.billing), { status: 403, code: 'AuthorizationFailed', message: /deletedVaults\/purge\/action/ });
    throwsKv(() => engine.deletedVaults.recover(webApp, prod, 'westeurope', DEMO.deletedVaults.billing), { status: 403, code: 'AuthorizationFailed', message: /vaults\/write/ });
    throwsKv(() => engine.directory.putResourceGroup(webApp, prod, 'rg-web', 'westeurope'), { status: 403, code: 'AuthorizationFailed', message: /resourceGroups\/write/ });
    throwsKv(() => engine.access.create(webApp, { name: GUID, scope: sub, roleDefinitionId: ROLE_IDS.owner, principalId: DEMO.principals.webApp }), {
      status: 403, code: 'AuthorizationFailed', message: webRefused('Microsoft.Authorization/roleAssignments/write', roleAssignmentId(sub, GUID)),
    });
    // Nothing changed: no policy, vault, lock or role came of it.
    assert.equal(engine.vaults.get(operator, appKv).accessPolicies.find((p) => p.objectId === DEMO.principals.webApp)?.permissions.secrets.join(), 'get,list');
  });

  it('a user is named by UPN in a refusal', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.delete(securityAdmin, appKv), {
      status: 403, code: 'AuthorizationFailed', message: refused('secadmin@contoso.com', DEMO.principals.securityAdmin, 'Microsoft.KeyVault/vaults/delete', appId),
    });
  });

  it('ase-edge01, with no management role, sees no subscription and no vault; asking for one is 403, not 404', () => {
    const { engine } = demoEngine();
    assert.deepEqual(engine.directory.listSubscriptions(edgeIdentity), []);
    assert.deepEqual(engine.vaults.list(edgeIdentity), []);
    throwsKv(() => engine.vaults.list(edgeIdentity, prod), { status: 403, code: 'AuthorizationFailed', message: /perform action 'Microsoft\.KeyVault\/vaults\/read' over scope '\/subscriptions\// });
    throwsKv(() => engine.vaults.get(edgeIdentity, { ...appKv, name: 'no-such-kv' }), { status: 403, code: 'AuthorizationFailed' });
    throwsKv(() => engine.vaults.get(operator, { ...appKv, name: 'no-such-kv' }), { status: 404, code: 'ResourceNotFound' });
    // Its data-plane access (an access policy on ase-edge01-kv) is untouched.
    assert.equal(engine.secrets.set(edgeIdentity, DEMO.vaults.edge, 'cik', { value: 'v' }).name, 'cik');
  });

  it('Key Vault Contributor manages vaults and their access policies, but neither purges vaults, grants roles, nor switches a vault to RBAC', () => {
    const { engine } = demoEngine();
    engine.access.create(operator, { scope: sub, roleDefinitionId: ROLE_IDS.keyVaultContributor, principalId: DEMO.principals.securityAdmin });
    assert.deepEqual(engine.vaults.update(securityAdmin, appKv, { tags: { by: 'kv-contributor' } }).tags, { by: 'kv-contributor' });
    engine.policies.update(securityAdmin, appKv, 'add', [{ tenantId: DEMO.tenantId, objectId: DEMO.principals.securityAdmin, permissions: { secrets: ['get'], keys: [], certificates: [], storage: [] } }]);
    throwsKv(() => engine.deletedVaults.purge(securityAdmin, prod, 'westeurope', DEMO.deletedVaults.billing), { status: 403, code: 'AuthorizationFailed', message: /'Microsoft\.KeyVault\/locations\/deletedVaults\/purge\/action'/ });
    throwsKv(() => engine.access.create(securityAdmin, { scope: appId, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.securityAdmin }), { status: 403, code: 'AuthorizationFailed', message: /roleAssignments\/write/ });
    throwsKv(() => engine.vaults.update(securityAdmin, appKv, { enableRbacAuthorization: true }), {
      status: 403, code: 'AuthorizationFailed', message: refused('secadmin@contoso.com', DEMO.principals.securityAdmin, 'Microsoft.Authorization/roleAssignments/write', appId),
    });
    assert.equal(engine.vaults.get(operator, appKv).enableRbacAuthorization, false);
  });

  it('Contributor can do everything but write locks and role assignments', () => {
    const { engine } = demoEngine();
    engine.access.create(operator, { scope: sub, roleDefinitionId: ROLE_IDS.contributor, principalId: DEMO.principals.securityAdmin });
    engine.deletedVaults.purge(securityAdmin, prod, 'westeurope', DEMO.deletedVaults.billing);
    throwsKv(() => engine.locks.create(securityAdmin, { scope: appId, name: 'x', level: 'ReadOnly' }), { status: 403, code: 'AuthorizationFailed', message: /locks\/write/ });
    throwsKv(() => engine.access.create(securityAdmin, { scope: appId, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.webApp }), { status: 403, code: 'AuthorizationFailed' });
  });

  it('a token from another tenant is 401 InvalidAuthenticationTokenTenant on every management call', () => {
    const { engine } = demoEngine();
    const foreign = { ...operator, tenantId: '99999999-9999-4999-8999-999999999999' };
    for (const call of [
      () => engine.vaults.delete(foreign, appKv),
      () => engine.policies.list(foreign, appKv),
      () => engine.locks.listAtScope(foreign, sub),
      () => engine.access.list(foreign, sub),
      () => engine.deletedVaults.list(foreign, prod),
      () => engine.vaults.list(foreign, prod),
    ]) throwsKv(call, { status: 401, code: 'InvalidAuthenticationTokenTenant' });
    assert.deepEqual(engine.vaults.list(foreign), []);
  });
});

describe('Key Vault Data Access Administrator', () => {
  it('assigns and removes the Key Vault data roles, and no other role', () => {
    const { engine } = demoEngine();
    engine.access.create(operator, { scope: sub, roleDefinitionId: ROLE_IDS.keyVaultDataAccessAdministrator, principalId: DEMO.principals.securityAdmin });
    const granted = engine.access.create(securityAdmin, { scope: sharedId, roleDefinitionId: ROLE_IDS.keyVaultSecretsOfficer, principalId: DEMO.principals.webApp });
    assert.equal(granted.created, true);
    assert.equal(engine.secrets.set(webApp, DEMO.vaults.shared, 'by-web', { value: 'v' }).name, 'by-web');
    const name = '5a5a5a5a-0000-4000-8000-0000000000aa';
    throwsKv(() => engine.access.create(securityAdmin, { name, scope: sharedId, roleDefinitionId: ROLE_IDS.owner, principalId: DEMO.principals.webApp }), {
      status: 403,
      code: 'AuthorizationFailed',
      message: `The client 'secadmin@contoso.com' with object id '${DEMO.principals.securityAdmin}' has an authorization with ABAC condition that is not fulfilled to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '${roleAssignmentId(sharedId, name)}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    });
    throwsKv(() => engine.access.create(securityAdmin, { scope: sharedId, roleDefinitionId: ROLE_IDS.userAccessAdministrator, principalId: DEMO.principals.securityAdmin }), { status: 403, code: 'AuthorizationFailed', message: /ABAC condition/ });
    engine.access.delete(securityAdmin, granted.assignment.id);
    throwsKv(() => engine.access.delete(securityAdmin, roleAssignmentId(sub, DEMO.roleAssignments.webAppReaderProduction)), { status: 403, code: 'AuthorizationFailed', message: /ABAC condition that is not fulfilled to perform action 'Microsoft\.Authorization\/roleAssignments\/delete'/ });
    assert.ok(engine.access.get(operator, roleAssignmentId(sub, DEMO.roleAssignments.webAppReaderProduction)));
  });
});

describe('role assignment rules', () => {
  it('the name is a GUID, the role must exist, the principal must exist in the directory with the type given', () => {
    const { engine } = demoEngine();
    const base = { scope: appId, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.webApp };
    throwsKv(() => engine.access.create(operator, { ...base, name: 'not-a-guid' }), { status: 400, code: 'InvalidRoleAssignmentId', message: "The role assignment ID 'not-a-guid' is not valid. The role assignment ID must be a GUID." });
    throwsKv(() => engine.access.create(operator, { ...base, roleDefinitionId: '00000000-1111-4111-8111-000000000000' }), { status: 400, code: 'RoleDefinitionDoesNotExist' });
    throwsKv(() => engine.access.create(operator, { ...base, principalId: '99999999-9999-4999-8999-999999999999' }), {
      status: 400,
      code: 'PrincipalNotFound',
      message: `Principal 99999999999949998999999999999999 does not exist in the directory ${DEMO.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    });
    throwsKv(() => engine.access.create(operator, { ...base, principalType: 'User' }), { status: 400, code: 'UnmatchedPrincipalType' });
    throwsKv(() => engine.access.create(operator, { ...base, scope: `${sub}/resourceGroups/rg-apps/providers/Microsoft.Storage/storageAccounts/x` }), { status: 400, code: 'InvalidScope' });
    throwsKv(() => engine.access.create(operator, { ...base, scope: `${sub}/resourceGroups/rg-missing` }), { status: 404, code: 'ResourceGroupNotFound' });
  });

  it('one assignment per principal, role and scope; the same PUT again is answered with it; changing it is refused', () => {
    const { engine } = demoEngine();
    const base = { scope: appId, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.webApp, name: GUID };
    const first = engine.access.create(operator, base);
    assert.deepEqual([first.created, first.assignment.principalType, first.assignment.createdBy], [true, 'ServicePrincipal', DEMO.principals.operator]);
    assert.equal(first.assignment.roleDefinitionId, `${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.reader}`);
    assert.equal(engine.access.create(operator, { ...base, roleDefinitionId: first.assignment.roleDefinitionId }).created, false);
    throwsKv(() => engine.access.create(operator, { ...base, name: '5a5a5a5a-0000-4000-8000-000000000002' }), { status: 409, code: 'RoleAssignmentExists', message: 'The role assignment already exists.' });
    throwsKv(() => engine.access.create(operator, { ...base, roleDefinitionId: ROLE_IDS.owner }), { status: 400, code: 'RoleAssignmentUpdateNotPermitted' });
    // Another scope or another role is another assignment.
    assert.equal(engine.access.create(operator, { ...base, name: undefined, scope: rgApps }).created, true);
    assert.equal(engine.access.delete(operator, first.assignment.id)?.name, GUID);
    assert.equal(engine.access.delete(operator, first.assignment.id), undefined);
    throwsKv(() => engine.access.get(operator, first.assignment.id), { status: 404, code: 'RoleAssignmentNotFound' });
  });

  it('listing: at, above and below the scope; atScope() at or above; principalId one principal\'s, below included', () => {
    const { engine } = demoEngine();
    const ra = DEMO.roleAssignments;
    const names = (xs: { name: string }[]) => xs.map((x) => x.name).sort();
    assert.deepEqual(names(engine.access.list(operator, sharedId, { atScope: true })), [
      ra.operatorOwnerProduction, ra.operatorKeyVaultAdministratorShared, ra.webAppReaderProduction, ra.webAppSecretsUserShared, ra.securityAdminReaderProduction, ra.securityAdminKeyVaultReaderShared,
    ].sort());
    assert.deepEqual(names(engine.access.list(operator, sub, { atScope: true })), [ra.operatorOwnerProduction, ra.webAppReaderProduction, ra.securityAdminReaderProduction].sort());
    assert.equal(engine.access.list(operator, sub).length, 6, 'below included without a filter');
    assert.deepEqual(names(engine.access.list(operator, sub, { principalId: DEMO.principals.webApp.toUpperCase() })), [ra.webAppReaderProduction, ra.webAppSecretsUserShared].sort());
    // Reading assignments needs roleAssignments/read: Reader has it (*/read), Key Vault Secrets User does not.
    assert.equal(engine.access.list(webApp, sharedId).length, 6);
    engine.access.create(operator, { scope: appId, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.edgeIdentity });
    throwsKv(() => engine.access.list(edgeIdentity, appId), { status: 403, code: 'AuthorizationFailed', message: /roleAssignments\/read/ });
  });

  it('the built-in definitions can be read and found by name; a caller\'s permissions at a scope are its roles\' blocks', () => {
    const { engine } = demoEngine();
    assert.equal(engine.access.listDefinitions(operator, sub).length, 16);
    assert.deepEqual(engine.access.listDefinitions(operator, sub, { roleName: 'key vault secrets officer' }).map((d) => d.id), [ROLE_IDS.keyVaultSecretsOfficer]);
    assert.equal(engine.access.getDefinition(operator, `${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.reader}`).roleName, 'Reader');
    throwsKv(() => engine.access.getDefinition(operator, '00000000-1111-4111-8111-000000000000'), { status: 404, code: 'RoleDefinitionDoesNotExist' });
    const web = engine.access.permissions(webApp, `${sharedId}/secrets/smtp-password`);
    assert.equal(web.length, 2);
    assert.ok(web.some((p) => permissionAllows(p, 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'dataAction')));
    assert.ok(!web.some((p) => permissionAllows(p, 'Microsoft.Authorization/roleAssignments/write', 'action')));
  });

  it('every grant, revoke and refusal is in the audit log, with who, what and the result', () => {
    const { engine } = demoEngine();
    const { assignment } = engine.access.create(operator, { scope: appId, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.edgeIdentity });
    engine.access.delete(operator, assignment.id);
    assert.throws(() => engine.access.create(webApp, { scope: appId, roleDefinitionId: ROLE_IDS.owner, principalId: DEMO.principals.webApp }));
    assert.throws(() => engine.secrets.get(securityAdmin, DEMO.vaults.shared, 'smtp-password'));
    const log = engine.audit.query(operator, { limit: 4 });
    assert.deepEqual(log.map((e) => [e.operation, e.resultCode, e.errorCode ?? '', e.caller.objectId]), [
      ['SecretGet', 403, 'Forbidden', DEMO.principals.securityAdmin],
      ['RoleAssignmentCreate', 403, 'AuthorizationFailed', DEMO.principals.webApp],
      ['RoleAssignmentDelete', 200, '', DEMO.principals.operator],
      ['RoleAssignmentCreate', 201, '', DEMO.principals.operator],
    ]);
    assert.equal(log[3].target, assignment.id);
    assert.equal(log[3].vaultName, DEMO.vaults.app);
    assert.ok(!JSON.stringify(log).includes('smtp-demo-password'));
  });
});

describe('the role-assignment table', () => {
  it('reports each grant and each removal to the state sink (a vault deletion, one per assignment)', () => {
    const { engine } = demoEngine();
    const seen: string[] = [];
    const sink = changeSignalSink(() => {});
    engine.core.state.sink = { ...sink, roleAssignment: (a) => seen.push(`+${a.name}`), roleAssignmentRemoved: (id) => seen.push(`-${id.split('/').pop()}`) };
    const { assignment } = engine.access.create(operator, { scope: appId, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.edgeIdentity, name: GUID });
    engine.locks.delete(operator, sharedId, DEMO.locks.shared);
    engine.vaults.delete(operator, sharedKv);
    assert.deepEqual(seen.slice(0, 1), [`+${GUID}`]);
    assert.deepEqual(seen.slice(1).sort(), [DEMO.roleAssignments.operatorKeyVaultAdministratorShared, DEMO.roleAssignments.webAppSecretsUserShared, DEMO.roleAssignments.securityAdminKeyVaultReaderShared].map((n) => `-${n}`).sort());
    assert.equal(roleDefinitionGuid(assignment.roleDefinitionId), ROLE_IDS.reader);
  });
});
