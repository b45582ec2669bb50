/**
 * The four failures issue 10 opened with, tried as a new user would against `kvdeck serve` with the
 * official clients. Before issue 10 each of these calls succeeded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { SecretClient } from '@azure/keyvault-secrets';
import { EmulatorCredential, emulatorArmClientOptions, emulatorClientOptions } from '../../source/emulator/index.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { DEMO } from '../../source/engine/index.js';
import { bearer, raw, rejection, startHarness, SUB, TENANT, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

const NOBODY = '0b0b0b0b-0000-4000-8000-00000000dead';
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
const noRetry = { retryOptions: { maxRetries: 0 } };
const secretsAs = (vault: string, objectId: string, tenantId = TENANT) =>
  new SecretClient(h.emu.vaultUrl(vault), new EmulatorCredential({ objectId, tenantId }), { ...emulatorClientOptions(h.emu, h.agent), ...noRetry });

describe('issue 10: the four failures it opened with are gone', () => {
  it('1. in the RBAC vault contoso-shared-kv a principal that does not exist can no longer list, read, write, delete or purge', async () => {
    const s = secretsAs(DEMO.vaults.shared, NOBODY);
    // (The SDK's pager reports a refused listing in its own words: the status is what counts.)
    assert.equal((await rejection((async () => { for await (const _ of s.listPropertiesOfSecrets()) break; })())).statusCode, 403);
    const calls: Promise<unknown>[] = [
      s.getSecret('smtp-password'),
      s.setSecret('smtp-password', 'overwritten'),
      s.beginDeleteSecret('smtp-password'),
      s.purgeDeletedSecret('smtp-password'),
    ];
    for (const call of calls) {
      const r = await rejection(call);
      assert.deepEqual([r.statusCode, r.code], [403, 'Forbidden']);
      assert.match(r.message, /^Caller is not authorized to perform action on resource\.\r\n/);
    }
    const keys = await rejection(h.keys(DEMO.vaults.shared, NOBODY).createRsaKey('planted'));
    assert.equal(keys.inner, 'ForbiddenByRbac');
    // Nor can a token of another tenant, even with the Operator's object id.
    const foreign = await rejection(secretsAs(DEMO.vaults.shared, DEMO.principals.operator, OTHER_TENANT).getSecret('smtp-password'));
    assert.equal(foreign.statusCode, 401);
    assert.equal((await h.secrets(DEMO.vaults.shared).getSecret('smtp-password')).value, 'smtp-demo-password', 'the secret is intact');
  });

  it('2. contoso-web-app can no longer grant itself an access policy, add or remove locks, grant itself a role, or delete contoso-app-kv', async () => {
    const web = DEMO.principals.webApp;
    const policy = await rejection(h.arm(web).vaults.updateAccessPolicy(DEMO.resourceGroups.apps, DEMO.vaults.app, 'add', {
      properties: { accessPolicies: [{ tenantId: TENANT, objectId: web, permissions: { secrets: ['all'], keys: ['all'] } }] },
    }));
    assert.deepEqual([policy.statusCode, policy.code], [403, 'AuthorizationFailed']);
    assert.match(policy.message, /does not have authorization to perform action 'Microsoft\.KeyVault\/vaults\/accessPolicies\/write' over scope '\/subscriptions\/.*\/vaults\/contoso-app-kv' or the scope is invalid/);
    const lock = await rejection(h.locks(web).managementLocks.createOrUpdateAtResourceLevel(DEMO.resourceGroups.apps, 'Microsoft.KeyVault', '', 'vaults', DEMO.vaults.app, 'web-lock', { level: 'ReadOnly' }));
    assert.deepEqual([lock.statusCode, lock.code], [403, 'AuthorizationFailed']);
    const edgeVault = `/subscriptions/${DEMO.subscriptions.edge}/resourceGroups/${DEMO.resourceGroups.edge}/providers/Microsoft.KeyVault/vaults/${DEMO.vaults.edge}`;
    const unlock = await rejection(h.locks(web).managementLocks.deleteByScope(edgeVault, DEMO.locks.edge));
    assert.deepEqual([unlock.statusCode, unlock.code], [403, 'AuthorizationFailed']);
    const auth = new AuthorizationManagementClient(h.credential(web), SUB, { ...emulatorArmClientOptions(h.emu, h.agent), ...noRetry });
    const role = await rejection(auth.roleAssignments.create(`subscriptions/${SUB}`, '3e3e3e3e-0000-4000-8000-000000000001', {
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.owner}`, principalId: web,
    }));
    assert.deepEqual([role.statusCode, role.code], [403, 'AuthorizationFailed']);
    const del = await rejection(h.arm(web).vaults.delete(DEMO.resourceGroups.apps, DEMO.vaults.app));
    assert.deepEqual([del.statusCode, del.code], [403, 'AuthorizationFailed']);
    // What the README promises: it may only get and list secrets.
    assert.equal((await h.secrets(DEMO.vaults.app, web).getSecret('sql-admin-password')).value, 'Pa55w0rd!demo-sql');
    assert.equal((await rejection(h.secrets(DEMO.vaults.app, web).setSecret('x', 'y'))).inner, 'ForbiddenByPolicy');
    assert.ok(await h.arm().vaults.get(DEMO.resourceGroups.apps, DEMO.vaults.app), 'contoso-app-kv is still there');
  });

  it('3. a token whose tid is another tenant no longer reads or writes contoso-app-kv (401 AKV10032; ARM 401 InvalidAuthenticationTokenTenant)', async () => {
    const other = secretsAs(DEMO.vaults.app, DEMO.principals.operator, OTHER_TENANT);
    for (const call of [other.getSecret('sql-admin-password'), other.setSecret('planted', 'x')]) {
      const r = await rejection(call);
      assert.deepEqual([r.statusCode, r.code], [401, 'Unauthorized']);
      assert.match(r.message, new RegExp(`^AKV10032: Invalid issuer\\. Expected one of https://sts\\.windows\\.net/${TENANT}/, .*found https://sts\\.windows\\.net/${OTHER_TENANT}/\\.$`));
    }
    const arm = await raw(h, {
      method: 'GET', host: 'localhost', token: bearer(DEMO.principals.operator, { oid: DEMO.principals.operator, tid: OTHER_TENANT }),
      path: `/subscriptions/${SUB}/resourceGroups/${DEMO.resourceGroups.apps}/providers/Microsoft.KeyVault/vaults/${DEMO.vaults.app}?api-version=2026-02-01`,
    });
    assert.deepEqual([arm.status, arm.json.error.code], [401, 'InvalidAuthenticationTokenTenant']);
  });

  it('4. the access of an RBAC vault can be seen and granted (the API the Access pane is built on)', async () => {
    const auth = new AuthorizationManagementClient(h.credential(), SUB, { ...emulatorArmClientOptions(h.emu, h.agent), ...noRetry });
    const scope = `subscriptions/${SUB}/resourceGroups/${DEMO.resourceGroups.shared}/providers/Microsoft.KeyVault/vaults/${DEMO.vaults.shared}`;
    const list = [];
    for await (const a of auth.roleAssignments.listForScope(scope, { filter: 'atScope()' })) list.push(a.principalId);
    for (const p of [DEMO.principals.operator, DEMO.principals.webApp, DEMO.principals.securityAdmin]) assert.ok(list.includes(p));
  });

  it('a token without an oid claim is refused on both planes', async () => {
    const token = bearer(undefined, { oid: undefined, appid: DEMO.appIds.webApp, sub: 'someone' });
    const data = await raw(h, { method: 'GET', host: `${DEMO.vaults.app}.vault.localhost`, path: '/secrets/sql-admin-password?api-version=7.5', token });
    assert.equal(data.status, 401);
    assert.ok(!data.text.includes('Pa55w0rd'));
    const arm = await raw(h, { method: 'GET', host: 'localhost', path: `/subscriptions/${SUB}/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/contoso-app-kv?api-version=2026-02-01`, token });
    assert.deepEqual([arm.status, arm.json.error.code], [401, 'InvalidAuthenticationToken']);
  });
});
