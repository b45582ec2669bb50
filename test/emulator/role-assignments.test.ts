/**
 * Microsoft.Authorization on the emulator, through the official @azure/arm-authorization client (and raw
 * requests for the older API versions), and Azure RBAC on the data plane through SecretClient and
 * KeyClient acting as principals with and without roles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { CryptographyClient } from '@azure/keyvault-keys';
import { emulatorArmClientOptions, emulatorClientOptions } from '../../source/emulator/index.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { DEMO } from '../../source/engine/index.js';
import { raw, rejection, startHarness, SUB, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

const sub = `subscriptions/${SUB}`;
const shared = `${sub}/resourceGroups/${DEMO.resourceGroups.shared}/providers/Microsoft.KeyVault/vaults/${DEMO.vaults.shared}`;
const auth = (objectId: string = DEMO.principals.operator) =>
  new AuthorizationManagementClient(h.credential(objectId), SUB, { ...emulatorArmClientOptions(h.emu, h.agent), retryOptions: { maxRetries: 0 } });
const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
describe('role definitions and assignments over AuthorizationManagementClient', () => {
  it('lists the built-in definitions, finds one by roleName and gets one by id', async () => {
    const all = await collect(auth().roleDefinitions.list(sub));
    assert.equal(all.length, 16);
    const [found] = await collect(auth().roleDefinitions.list(sub, { filter: "roleName eq 'Key Vault Secrets User'" }));
    assert.equal(found.name, ROLE_IDS.keyVaultSecretsUser);
    assert.equal(found.id, `/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultSecretsUser}`);
    assert.equal(found.roleType, 'BuiltInRole');
    assert.deepEqual(found.permissions?.[0].dataActions, ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action']);
    const byId = await auth().roleDefinitions.getById(`providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultDataAccessAdministrator}`);
    assert.equal(byId.roleName, 'Key Vault Data Access Administrator');
    assert.equal((await auth().roleDefinitions.get(sub, ROLE_IDS.owner)).roleName, 'Owner');
  });

  it('lists the assignments at a vault with atScope(), one principal\'s with principalId eq, and a subscription\'s', async () => {
    const atVault = await collect(auth().roleAssignments.listForScope(shared, { filter: 'atScope()' }));
    assert.equal(atVault.length, 6);
    const secretsUser = atVault.find((a) => a.name === DEMO.roleAssignments.webAppSecretsUserShared)!;
    assert.equal(secretsUser.principalType, 'ServicePrincipal');
    assert.equal(secretsUser.scope, `/${shared}`);
    assert.equal(secretsUser.roleDefinitionId, `/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultSecretsUser}`);
    const web = await collect(auth().roleAssignments.listForSubscription({ filter: `principalId eq '${DEMO.principals.webApp}'` }));
    assert.deepEqual(web.map((a) => a.name).sort(), [DEMO.roleAssignments.webAppReaderProduction, DEMO.roleAssignments.webAppSecretsUserShared].sort());
    const rg = await collect(auth().roleAssignments.listForResourceGroup(DEMO.resourceGroups.shared));
    assert.equal(rg.length, 6);
  });

  it('creates (201), gets and deletes an assignment; refuses a duplicate, an unknown principal and a Reader\'s grant', async () => {
    const name = '1e1e1e1e-0000-4000-8000-000000000001';
    const created = await auth().roleAssignments.create(shared, name, {
      roleDefinitionId: `/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultReader}`,
      principalId: DEMO.principals.edgeIdentity,
      principalType: 'ServicePrincipal',
    });
    assert.equal(created.id, `/${shared}/providers/Microsoft.Authorization/roleAssignments/${name}`);
    assert.equal((await auth().roleAssignments.getById(`${shared}/providers/Microsoft.Authorization/roleAssignments/${name}`)).principalId, DEMO.principals.edgeIdentity);
    const dup = await rejection(auth().roleAssignments.create(shared, '1e1e1e1e-0000-4000-8000-000000000002', { roleDefinitionId: created.roleDefinitionId!, principalId: DEMO.principals.edgeIdentity }));
    assert.deepEqual([dup.statusCode, dup.code, dup.message], [409, 'RoleAssignmentExists', 'The role assignment already exists.']);
    const nobody = await rejection(auth().roleAssignments.create(shared, '1e1e1e1e-0000-4000-8000-000000000003', { roleDefinitionId: created.roleDefinitionId!, principalId: '98989898-9898-4989-8989-989898989898' }));
    assert.deepEqual([nobody.statusCode, nobody.code], [400, 'PrincipalNotFound']);
    const reader = await rejection(auth(DEMO.principals.webApp).roleAssignments.create(shared, '1e1e1e1e-0000-4000-8000-000000000004', { roleDefinitionId: created.roleDefinitionId!, principalId: DEMO.principals.webApp }));
    assert.deepEqual([reader.statusCode, reader.code], [403, 'AuthorizationFailed']);
    const deleted = await auth().roleAssignments.deleteById(`${shared}/providers/Microsoft.Authorization/roleAssignments/${name}`);
    assert.equal(deleted.name, name);
    const again = await raw(h, { method: 'DELETE', host: 'localhost', path: `/${shared}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01` });
    assert.equal(again.status, 204);
  });

  it('answers each API version in its own shape: 2015-07-01 without principalType or data actions', async () => {
    const path = (what: string, v: string) => `/${shared}/providers/Microsoft.Authorization/${what}?api-version=${v}`;
    const old = await raw(h, { method: 'GET', host: 'localhost', path: `${path('roleAssignments', '2015-07-01')}&$filter=atScope()` });
    assert.equal(old.status, 200);
    assert.ok(old.json.value.every((a: { properties: Record<string, unknown> }) => !('principalType' in a.properties) && a.properties.scope));
    const oldDefs = await raw(h, { method: 'GET', host: 'localhost', path: path('roleDefinitions', '2015-07-01') });
    assert.ok(oldDefs.json.value.every((d: { properties: { permissions: Record<string, unknown>[] } }) => !('dataActions' in d.properties.permissions[0])));
    const preview = await raw(h, { method: 'GET', host: 'localhost', path: path('roleDefinitions', '2018-01-01-preview') });
    assert.ok(preview.json.value.some((d: { properties: { permissions: { dataActions: string[] }[] } }) => d.properties.permissions[0].dataActions.length > 0));
    const p2020 = await raw(h, { method: 'GET', host: 'localhost', path: path('roleAssignments', '2020-04-01-preview') });
    assert.ok(p2020.json.value.every((a: { properties: Record<string, unknown> }) => 'principalType' in a.properties && 'description' in a.properties));
    const daa = await raw(h, { method: 'GET', host: 'localhost', path: `/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultDataAccessAdministrator}?api-version=2022-04-01` });
    assert.match(daa.json.properties.permissions[0].condition, /^\(\(!\(ActionMatches\{'Microsoft\.Authorization\/roleAssignments\/write'\}\)\) OR/);
    const bad = await raw(h, { method: 'GET', host: 'localhost', path: path('roleAssignments', '2014-04-01') });
    assert.deepEqual([bad.status, bad.json.error.code], [400, 'InvalidApiVersionParameter']);
    const filter = await raw(h, { method: 'GET', host: 'localhost', path: `${path('roleAssignments', '2022-04-01')}&$filter=${encodeURIComponent("roleName eq 'x'")}` });
    assert.equal(filter.status, 400);
  });

  it('the caller\'s permissions at a vault are its roles\' blocks', async () => {
    const web = await collect(auth(DEMO.principals.webApp).permissions.listForResource(DEMO.resourceGroups.shared, 'Microsoft.KeyVault', '', 'vaults', DEMO.vaults.shared));
    assert.deepEqual(web.map((p) => p.actions).sort(), [[], ['*/read']]);
    assert.ok(web.some((p) => p.dataActions?.includes('Microsoft.KeyVault/vaults/secrets/getSecret/action')));
  });
});

describe('Azure RBAC on the data plane through SecretClient and KeyClient', () => {
  it('contoso-web-app reads contoso-shared-kv\'s secrets and cannot write them until it is granted Key Vault Secrets Officer', async () => {
    const web = h.secrets(DEMO.vaults.shared, DEMO.principals.webApp);
    assert.equal((await web.getSecret('smtp-password')).value, 'smtp-demo-password');
    const refused = await rejection(web.setSecret('smtp-password', 'changed'));
    assert.deepEqual([refused.statusCode, refused.code, refused.inner], [403, 'Forbidden', 'ForbiddenByRbac']);
    assert.match(refused.message, /Action: 'Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action'/);
    const grant = await auth().roleAssignments.create(shared, '2e2e2e2e-0000-4000-8000-000000000001', {
      roleDefinitionId: `/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultSecretsOfficer}`, principalId: DEMO.principals.webApp,
    });
    await web.setSecret('from-web', 'written');
    await auth().roleAssignments.deleteById(grant.id!.slice(1));
    assert.equal((await rejection(web.setSecret('from-web', 'again'))).inner, 'ForbiddenByRbac');
  });

  it('keys: no role, no key; Key Vault Crypto User on one key signs with it', async () => {
    const opKeys = h.keys(DEMO.vaults.shared);
    const key = await opKeys.createEcKey('signer', { curve: 'P-256' });
    const stranger = h.keys(DEMO.vaults.shared, DEMO.principals.edgeIdentity);
    assert.equal((await rejection(stranger.getKey('signer'))).inner, 'ForbiddenByRbac');
    await auth().roleAssignments.create(`${shared}/keys/signer`, '2e2e2e2e-0000-4000-8000-000000000002', {
      roleDefinitionId: `/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultCryptoUser}`, principalId: DEMO.principals.edgeIdentity,
    });
    assert.equal((await stranger.getKey('signer')).id, key.id);
    const crypto = new CryptographyClient(key.id!, h.credential(DEMO.principals.edgeIdentity), { ...emulatorClientOptions(h.emu, h.agent), retryOptions: { maxRetries: 0 } });
    const signed = await crypto.sign('ES256', Buffer.alloc(32, 1));
    assert.equal(signed.result.length, 64);
    assert.equal((await rejection(stranger.createEcKey('not-allowed'))).inner, 'ForbiddenByRbac');
  });

  it('access-policy vaults answer ForbiddenByPolicy', async () => {
    const refused = await rejection(h.secrets(DEMO.vaults.app, DEMO.principals.webApp).setSecret('nope', 'x'));
    assert.deepEqual([refused.statusCode, refused.inner], [403, 'ForbiddenByPolicy']);
  });
});

describe('vault creation picks its access model from the api-version', () => {
  it('arm-keyvault 5 (2026-02-01) without enableRbacAuthorization creates an RBAC vault; 2023-07-01 an access-policy vault', async () => {
    const v = await h.arm().vaults.beginCreateOrUpdateAndWait(h.rg, 'rbac-default-kv', {
      location: 'westeurope', properties: { tenantId: DEMO.tenantId, sku: { family: 'A', name: 'standard' } },
    });
    assert.equal(v.properties.enableRbacAuthorization, true);
    const old = await raw(h, {
      method: 'PUT', host: 'localhost', path: `/${sub}/resourceGroups/${h.rg}/providers/Microsoft.KeyVault/vaults/policy-default-kv?api-version=2023-07-01`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ location: 'westeurope', properties: { tenantId: DEMO.tenantId, sku: { family: 'A', name: 'standard' }, accessPolicies: [] } }),
    });
    assert.equal(old.status, 200);
    assert.equal(old.json.properties.enableRbacAuthorization, false);
  });
});
