import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { appKv, demoEngine, edgeKv, operator, throwsKv, webApp } from './helpers/engine.js';

describe('audit log', () => {
  it('records allowed and refused operations with caller, operation, target and result code', () => {
    const { engine, clock } = demoEngine();
    engine.vaults.get(operator, appKv);
    throwsKv(() => engine.vaults.delete(operator, edgeKv), { status: 409, code: 'ScopeLocked' });
    throwsKv(() => engine.secrets.set(webApp, DEMO.vaults.app, 'x', { value: 'v' }), { status: 403, code: 'Forbidden' });
    const log = engine.audit.query(operator, {});
    assert.equal(log[0].operation.toLowerCase().includes('secret'), true);
    assert.equal(log[0].resultCode, 403);
    assert.equal(log[0].errorCode, 'Forbidden');
    assert.equal(log[0].caller.objectId, DEMO.principals.webApp);
    assert.equal(log[0].caller.displayName, 'contoso-web-app');
    assert.equal(log[1].operation, 'VaultDelete');
    assert.equal(log[1].resultCode, 409);
    assert.equal(log[1].errorCode, 'ScopeLocked');
    assert.equal(log[2].operation, 'VaultGet');
    assert.equal(log[2].resultCode, 200);
    assert.equal(log[2].target, `/subscriptions/${DEMO.subscriptions.production}/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/contoso-app-kv`);
    assert.equal(log[2].time.getTime(), clock.now());
    assert.equal(log[2].caller.upn, 'ops@contoso.com');
  });

  it('never records a secret value', () => {
    const { engine } = demoEngine();
    const value = 'sup3r-s3cret-value-that-must-not-leak';
    engine.secrets.set(operator, DEMO.vaults.app, 'leak-check', { value });
    engine.secrets.get(operator, DEMO.vaults.app, 'leak-check');
    engine.secrets.get(operator, DEMO.vaults.app, 'sql-admin-password');
    throwsKv(() => engine.secrets.set(operator, DEMO.vaults.app, 'bad name!', { value }), { status: 400, code: 'BadParameter' });
    const json = JSON.stringify(engine.audit.query(operator, {}));
    assert.ok(json.includes('leak-check'));
    assert.ok(!json.includes(value));
    assert.ok(!json.includes('Pa55w0rd!demo-sql'));
  });

  it('queries by vault, caller, operation substring, time range and result, newest first, with a limit', () => {
    const { engine, clock } = demoEngine();
    const t0 = clock.now();
    engine.vaults.get(operator, appKv);
    clock.advance(60_000);
    engine.vaults.get(operator, edgeKv);
    clock.advance(60_000);
    throwsKv(() => engine.secrets.get(webApp, DEMO.vaults.edge, 'bmc-password'), { status: 403, code: 'Forbidden' });
    assert.deepEqual(engine.audit.query(operator, { vaultName: 'ASE-EDGE01-KV' }).map((e) => e.resultCode), [403, 200]);
    assert.equal(engine.audit.query(operator, { callerObjectId: DEMO.principals.webApp }).length, 1);
    assert.equal(engine.audit.query(operator, { operation: 'vaultget' }).length, 2);
    assert.equal(engine.audit.query(operator, { since: new Date(t0 + 1), until: new Date(t0 + 60_000) }).length, 1);
    assert.equal(engine.audit.query(operator, { result: 'failure' }).length, 1);
    assert.equal(engine.audit.query(operator, { result: 'success' }).length, 2);
    const limited = engine.audit.query(operator, { limit: 2 });
    assert.equal(limited.length, 2);
    assert.ok(limited[0].id > limited[1].id);
  });

  it('management operations carry Azure-like names', () => {
    const { engine } = demoEngine();
    const prod = DEMO.subscriptions.production;
    engine.vaults.list(operator);
    engine.vaults.update(operator, appKv, { tags: {} });
    engine.policies.update(operator, appKv, 'add', []);
    engine.locks.create(operator, { scope: `/subscriptions/${prod}`, name: 'l', level: 'CanNotDelete' });
    engine.locks.delete(operator, `/subscriptions/${prod}`, 'l');
    engine.deletedVaults.list(operator);
    engine.deletedVaults.recover(operator, prod, 'westeurope', DEMO.deletedVaults.billing);
    const ops = engine.audit.query(operator, {}).map((e) => e.operation).reverse();
    assert.deepEqual(ops, ['VaultList', 'VaultPatch', 'VaultAccessPolicyChange', 'LockCreate', 'LockDelete', 'DeletedVaultList', 'VaultRecover']);
  });
});
