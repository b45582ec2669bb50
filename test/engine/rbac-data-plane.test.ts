/**
 * Azure RBAC on the data plane: in a vault in RBAC mode every operation needs its data action from a role
 * assigned at the object, the vault or above; access-policy vaults keep their policies; tokens of another
 * tenant are refused on both; since management API 2026-02-01 new vaults are RBAC-mode by default.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vaultResourceId } from '../../source/domain/ids.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { vaultDefaultsFor } from '../../source/domain/vault.js';
import { DEMO, type Engine } from '../../source/engine/index.js';
import { DEMO_RSA_2048_JWK } from '../../source/engine/seed/demo-keys.js';
import { CURRENT_DEFAULTS, demoEngine, edgeIdentity, newVaultInput, operator, securityAdmin, throwsKv, webApp } from './helpers/engine.js';

const prod = DEMO.subscriptions.production;
const sharedId = vaultResourceId(prod, DEMO.resourceGroups.shared, DEMO.vaults.shared);
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';

/** A new RBAC-mode vault in rg-apps where the Operator is Key Vault Administrator, holding secret `s`, `d` and keys `ec`, `rsa`. */
function rbacVault(engine: Engine, name: string): string {
  const v = engine.vaults.create(operator, newVaultInput(name, { enableRbacAuthorization: true, accessPolicies: [] }), CURRENT_DEFAULTS);
  engine.access.create(operator, { scope: v.id, roleDefinitionId: ROLE_IDS.keyVaultAdministrator, principalId: DEMO.principals.operator });
  engine.secrets.set(operator, name, 's', { value: 'secret-value' });
  engine.secrets.set(operator, name, 'd', { value: 'to-delete' });
  engine.keys.create(operator, name, 'ec', { keyType: 'EC', curve: 'P-256' });
  engine.keys.import(operator, name, 'rsa', { key: { ...DEMO_RSA_2048_JWK, key_ops: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] } as never });
  return v.id;
}

type Op = 'secrets list' | 'secrets get' | 'secrets set' | 'secrets delete' | 'secrets backup' | 'keys get' | 'keys create' | 'keys sign' | 'keys wrapKey' | 'keys decrypt' | 'certificates list';
const OPS: Record<Op, (e: Engine, vault: string) => unknown> = {
  'secrets list': (e, v) => e.secrets.listPage(webApp, v),
  'secrets get': (e, v) => e.secrets.get(webApp, v, 's'),
  'secrets set': (e, v) => e.secrets.set(webApp, v, 'new', { value: 'x' }),
  'secrets delete': (e, v) => e.secrets.delete(webApp, v, 'd'),
  'secrets backup': (e, v) => e.secrets.backup(webApp, v, 's'),
  'keys get': (e, v) => e.keys.get(webApp, v, 'ec'),
  'keys create': (e, v) => e.keys.create(webApp, v, 'new-key', { keyType: 'EC' }),
  'keys sign': (e, v) => e.keys.sign(webApp, v, 'ec', undefined, 'ES256', Buffer.alloc(32)),
  'keys wrapKey': (e, v) => e.keys.wrapKey(webApp, v, 'rsa', undefined, 'RSA-OAEP', Buffer.alloc(32)),
  'certificates list': (e, v) => e.certificates.listPage(webApp, v),
  'keys decrypt': (e, v) => e.keys.decrypt(webApp, v, 'rsa', undefined, 'RSA-OAEP', e.keys.encrypt(operator, v, 'rsa', undefined, 'RSA-OAEP', Buffer.from('x')).result),
};

/** What each built-in role lets its holder do, from Azure's published data actions. */
const ALLOWED: Record<string, Op[]> = {
  [ROLE_IDS.keyVaultAdministrator]: Object.keys(OPS) as Op[],
  [ROLE_IDS.keyVaultReader]: ['secrets list', 'keys get', 'certificates list'],
  [ROLE_IDS.keyVaultSecretsOfficer]: ['secrets list', 'secrets get', 'secrets set', 'secrets delete', 'secrets backup'],
  [ROLE_IDS.keyVaultSecretsUser]: ['secrets list', 'secrets get'],
  [ROLE_IDS.keyVaultCryptoOfficer]: ['keys get', 'keys create', 'keys sign', 'keys wrapKey', 'keys decrypt'],
  [ROLE_IDS.keyVaultCryptoUser]: ['keys get', 'keys sign', 'keys wrapKey', 'keys decrypt'],
  [ROLE_IDS.keyVaultCryptoServiceEncryptionUser]: ['keys get', 'keys wrapKey'],
  [ROLE_IDS.keyVaultCertificatesOfficer]: ['certificates list'],
  [ROLE_IDS.keyVaultCertificateUser]: ['secrets list', 'secrets get', 'keys get', 'certificates list'],
  [ROLE_IDS.owner]: [],
  [ROLE_IDS.contributor]: [],
  [ROLE_IDS.keyVaultContributor]: [],
  [ROLE_IDS.keyVaultDataAccessAdministrator]: [],
};

describe('the data actions of each built-in role, in an RBAC-mode vault', () => {
  for (const [roleId, allowed] of Object.entries(ALLOWED)) {
    const { engine } = demoEngine();
    const roleName = engine.access.getDefinition(operator, roleId).roleName;
    it(`${roleName} allows ${allowed.length ? allowed.join(', ') : 'no data-plane operation'}, and nothing else`, () => {
      const name = `m-${roleId.slice(0, 8)}`;
      const id = rbacVault(engine, name);
      engine.access.create(operator, { scope: id, roleDefinitionId: roleId, principalId: DEMO.principals.webApp });
      for (const op of Object.keys(OPS) as Op[]) {
        if (allowed.includes(op)) assert.doesNotThrow(() => OPS[op](engine, name), `${roleName}: ${op}`);
        else throwsKv(() => OPS[op](engine, name), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
      }
    });
  }
});

describe('Azure RBAC on the data plane', () => {
  it('a refusal is 403 ForbiddenByRbac with Azure\'s multi-line message naming the caller, the data action and the resource', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.secrets.get(securityAdmin, DEMO.vaults.shared, 'smtp-password'), {
      status: 403,
      code: 'Forbidden',
      innerCode: 'ForbiddenByRbac',
      message: `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${DEMO.principals.securityAdmin};oid=${DEMO.principals.securityAdmin};iss=https://sts.windows.net/${DEMO.tenantId}/\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: '${sharedId.toLowerCase()}/secrets/smtp-password'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: contoso-shared-kv;location=westeurope\r\n`,
    });
  });

  it('in the demo, contoso-web-app reads contoso-shared-kv\'s secrets and nothing more; Security Admin sees names, not values', () => {
    const { engine } = demoEngine();
    assert.equal(engine.secrets.get(webApp, DEMO.vaults.shared, 'smtp-password').value, 'smtp-demo-password');
    assert.deepEqual(engine.secrets.listPage(webApp, DEMO.vaults.shared).items.map((s) => s.name), ['smtp-password']);
    throwsKv(() => engine.secrets.set(webApp, DEMO.vaults.shared, 'smtp-password', { value: 'x' }), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac', message: /secrets\/setSecret\/action/ });
    throwsKv(() => engine.secrets.delete(webApp, DEMO.vaults.shared, 'smtp-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac', message: /Action: 'Microsoft\.KeyVault\/vaults\/secrets\/delete'/ });
    assert.deepEqual(engine.secrets.listPage(securityAdmin, DEMO.vaults.shared).items.map((s) => s.name), ['smtp-password']);
    // The Operator holds Key Vault Administrator there; Owner of the subscription alone would not do.
    assert.equal(engine.secrets.set(operator, DEMO.vaults.shared, 'rotated', { value: 'v' }).name, 'rotated');
  });

  it('a caller nobody assigned a role, or the principal ase-edge01 with no role at all, is refused everything', () => {
    const { engine } = demoEngine();
    const stranger = { objectId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', tenantId: DEMO.tenantId };
    for (const who of [stranger, edgeIdentity]) {
      throwsKv(() => engine.secrets.listPage(who, DEMO.vaults.shared), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
      throwsKv(() => engine.secrets.get(who, DEMO.vaults.shared, 'smtp-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
      throwsKv(() => engine.secrets.set(who, DEMO.vaults.shared, 'x', { value: 'v' }), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
      throwsKv(() => engine.secrets.purge(who, DEMO.vaults.shared, 'x'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
    }
  });

  it('roles are inherited from the subscription and the resource group', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.secrets.get(edgeIdentity, DEMO.vaults.shared, 'smtp-password'), { status: 403, code: 'Forbidden' });
    const rg = engine.access.create(operator, { scope: `/subscriptions/${prod}/resourceGroups/${DEMO.resourceGroups.shared}`, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.edgeIdentity });
    assert.equal(engine.secrets.get(edgeIdentity, DEMO.vaults.shared, 'smtp-password').value, 'smtp-demo-password');
    engine.access.delete(operator, rg.assignment.id);
    throwsKv(() => engine.secrets.get(edgeIdentity, DEMO.vaults.shared, 'smtp-password'), { status: 403, code: 'Forbidden' });
    engine.access.create(operator, { scope: `/subscriptions/${prod}`, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.edgeIdentity });
    assert.equal(engine.secrets.get(edgeIdentity, DEMO.vaults.shared, 'smtp-password').value, 'smtp-demo-password');
  });

  it('a role on one secret opens that secret (get, versions) but not the vault\'s listing or another secret', () => {
    const { engine } = demoEngine();
    engine.secrets.set(operator, DEMO.vaults.shared, 'other', { value: 'o' });
    engine.access.create(operator, { scope: `${sharedId}/secrets/smtp-password`, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.edgeIdentity });
    assert.equal(engine.secrets.get(edgeIdentity, DEMO.vaults.shared, 'SMTP-Password').value, 'smtp-demo-password');
    assert.equal(engine.secrets.listVersions(edgeIdentity, DEMO.vaults.shared, 'smtp-password').length, 1);
    throwsKv(() => engine.secrets.get(edgeIdentity, DEMO.vaults.shared, 'other'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac', message: /secrets\/other'/ });
    throwsKv(() => engine.secrets.listPage(edgeIdentity, DEMO.vaults.shared), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac', message: new RegExp(`Resource: '${sharedId.toLowerCase()}'`) });
  });

  it('access-policy vaults keep deciding by their policies, whatever roles say (inner code ForbiddenByPolicy)', () => {
    const { engine } = demoEngine();
    engine.access.create(operator, { scope: `/subscriptions/${prod}`, roleDefinitionId: ROLE_IDS.keyVaultAdministrator, principalId: DEMO.principals.securityAdmin });
    throwsKv(() => engine.secrets.get(securityAdmin, DEMO.vaults.app, 'sql-admin-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have secrets get permission/ });
    assert.equal(engine.secrets.get(webApp, DEMO.vaults.app, 'sql-admin-password').value, 'Pa55w0rd!demo-sql');
  });

  it('a token from another tenant is refused on the data plane with 401 AKV10032, in either access model', () => {
    const { engine } = demoEngine();
    const foreign = { ...operator, tenantId: OTHER_TENANT };
    const message = `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${DEMO.tenantId}/, https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/, https://sts.windows.net/e2d54eb5-3869-4f70-8578-dee5fc7331f4/, https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/, https://sts.windows.net/975f013f-7f24-47e8-a7d3-abc4752bf346/, found https://sts.windows.net/${OTHER_TENANT}/.`;
    throwsKv(() => engine.secrets.get(foreign, DEMO.vaults.app, 'sql-admin-password'), { status: 401, code: 'Unauthorized', message });
    throwsKv(() => engine.secrets.set(foreign, DEMO.vaults.app, 'x', { value: 'v' }), { status: 401, code: 'Unauthorized' });
    throwsKv(() => engine.secrets.get(foreign, DEMO.vaults.shared, 'smtp-password'), { status: 401, code: 'Unauthorized', message });
  });

  it('since management API 2026-02-01 a vault created without saying is RBAC-mode; before, access policies; saying wins', () => {
    const { engine } = demoEngine();
    const input = (name: string) => newVaultInput(name, { enableRbacAuthorization: undefined });
    assert.equal(engine.vaults.create(operator, input('new-2026'), vaultDefaultsFor('2026-02-01')).enableRbacAuthorization, true);
    assert.equal(engine.vaults.create(operator, input('new-2025'), vaultDefaultsFor('2025-05-01')).enableRbacAuthorization, false);
    assert.equal(engine.vaults.create(operator, input('new-2019'), vaultDefaultsFor('2019-09-01')).enableRbacAuthorization, false);
    assert.equal(engine.vaults.create(operator, newVaultInput('said-no'), vaultDefaultsFor('2026-02-01')).enableRbacAuthorization, false);
    // In an RBAC vault the creator's access policy counts for nothing: the Owner needs a data role too.
    throwsKv(() => engine.secrets.set(operator, 'new-2026', 'x', { value: 'v' }), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
    assert.equal(engine.secrets.set(operator, 'new-2025', 'x', { value: 'v' }).name, 'x');
  });

  it('soft-deleting a vault removes the role assignments at and below it; recovering it does not bring them back', () => {
    const { engine } = demoEngine();
    const addr = { subscriptionId: prod, resourceGroup: DEMO.resourceGroups.shared, name: DEMO.vaults.shared };
    engine.access.create(operator, { scope: `${sharedId}/secrets/smtp-password`, roleDefinitionId: ROLE_IDS.keyVaultSecretsOfficer, principalId: DEMO.principals.edgeIdentity });
    const before = engine.access.list(operator, `/subscriptions/${prod}`).length;
    // The read-only lock must go first; then the vault can be deleted.
    engine.locks.delete(operator, sharedId, DEMO.locks.shared);
    engine.vaults.delete(operator, addr);
    const left = engine.access.list(operator, `/subscriptions/${prod}`);
    assert.equal(left.length, before - 4, 'the three demo assignments at the vault and the one at its secret are gone');
    assert.ok(left.every((a) => !a.scope.toLowerCase().startsWith(sharedId.toLowerCase())));
    engine.deletedVaults.recover(operator, prod, 'westeurope', DEMO.vaults.shared);
    assert.equal(engine.access.list(operator, sharedId).filter((a) => a.scope.toLowerCase().startsWith(sharedId.toLowerCase())).length, 0);
    throwsKv(() => engine.secrets.get(webApp, DEMO.vaults.shared, 'smtp-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
    throwsKv(() => engine.secrets.get(operator, DEMO.vaults.shared, 'smtp-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByRbac' });
  });
});
