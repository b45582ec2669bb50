import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS } from '../../source/engine/clock.js';
import { DEMO } from '../../source/engine/index.js';
import { CURRENT_DEFAULTS, demoEngine, newVaultInput, operator, throwsKv } from './helpers/engine.js';

const prod = DEMO.subscriptions.production;
const addr = (name: string) => ({ subscriptionId: prod, resourceGroup: 'rg-apps', name });

describe('soft-deleted vaults', () => {
  it('deleting a vault moves it, with its secrets and keys, to the deleted store with dates from the retention', () => {
    const { engine, clock } = demoEngine();
    engine.vaults.create(operator, newVaultInput('gone-kv', { softDeleteRetentionDays: 14 }), CURRENT_DEFAULTS);
    engine.secrets.set(operator, 'gone-kv', 's1', { value: 'v1' });
    engine.vaults.delete(operator, addr('gone-kv'));
    throwsKv(() => engine.vaults.get(operator, addr('gone-kv')), { status: 404, code: 'ResourceNotFound' });
    const d = engine.deletedVaults.get(operator, prod, 'westeurope', 'gone-kv');
    assert.equal(d.deletionDate.getTime(), clock.now());
    assert.equal(d.scheduledPurgeDate.getTime(), clock.now() + 14 * DAY_MS);
    assert.equal(d.id, `/subscriptions/${prod}/providers/Microsoft.KeyVault/locations/westeurope/deletedVaults/gone-kv`);
    assert.equal(d.vaultId, `/subscriptions/${prod}/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/gone-kv`);
    assert.ok(engine.deletedVaults.list(operator, prod).some((x) => x.name === 'gone-kv'));
    assert.ok(!engine.deletedVaults.list(operator, DEMO.subscriptions.edge).some((x) => x.name === 'gone-kv'));
  });

  it('recover restores the vault with its secrets, keys and access policies', () => {
    const { engine } = demoEngine();
    const before = engine.vaults.get(operator, addr(DEMO.vaults.app));
    engine.vaults.delete(operator, addr(DEMO.vaults.app));
    throwsKv(() => engine.secrets.get(operator, DEMO.vaults.app, 'sql-admin-password'), { status: 404, code: 'VaultNotFound' });
    const v = engine.deletedVaults.recover(operator, prod, 'westeurope', DEMO.vaults.app);
    assert.deepEqual(v.accessPolicies, before.accessPolicies);
    assert.equal(engine.secrets.get(operator, DEMO.vaults.app, 'sql-admin-password').value, 'Pa55w0rd!demo-sql');
    assert.equal(engine.secrets.listVersions(operator, DEMO.vaults.app, 'storage-account-key').length, 3);
    assert.equal(engine.keys.get(operator, DEMO.vaults.app, 'data-encryption-key').key.kty, 'RSA');
    assert.equal(engine.secrets.listDeleted(operator, DEMO.vaults.app).length, 1);
    assert.equal(engine.deletedVaults.list(operator).some((d) => d.name === DEMO.vaults.app), false);
  });

  it('the demo billing-old-kv is recoverable with invoice-api-key inside', () => {
    const { engine } = demoEngine();
    engine.deletedVaults.recover(operator, prod, 'westeurope', DEMO.deletedVaults.billing);
    assert.equal(engine.secrets.get(operator, DEMO.deletedVaults.billing, 'invoice-api-key').value, 'invoice-demo-key');
  });

  it('purging a vault without purge protection removes it and frees the name', () => {
    const { engine } = demoEngine();
    engine.deletedVaults.purge(operator, prod, 'westeurope', DEMO.deletedVaults.billing);
    throwsKv(() => engine.deletedVaults.get(operator, prod, 'westeurope', DEMO.deletedVaults.billing), {
      status: 404, code: 'DeletedVaultNotFound', message: `The specified deleted vault '${DEMO.deletedVaults.billing}' does not exist.`,
    });
    assert.equal(engine.vaults.checkNameAvailability(operator, prod, DEMO.deletedVaults.billing).nameAvailable, true);
  });

  it('purging a purge-protected deleted vault before its scheduled purge date is refused; recovery is allowed', () => {
    const { engine } = demoEngine();
    const edge = DEMO.subscriptions.edge;
    throwsKv(() => engine.deletedVaults.purge(operator, edge, 'eastus', DEMO.deletedVaults.edgeOld), {
      status: 405, code: 'MethodNotAllowed', message: "Operation 'DeletedVaultPurge' is not allowed.",
    });
    assert.equal(engine.deletedVaults.recover(operator, edge, 'eastus', DEMO.deletedVaults.edgeOld).name, DEMO.deletedVaults.edgeOld);
  });

  it('purging a purge-protected deleted vault is allowed once its scheduled purge date has come', () => {
    const { engine, clock } = demoEngine();
    const edge = DEMO.subscriptions.edge;
    const d = engine.deletedVaults.get(operator, edge, 'eastus', DEMO.deletedVaults.edgeOld);
    // Reach the date exactly with the sweep not yet run this second: the explicit purge is accepted.
    clock.set(d.scheduledPurgeDate.getTime());
    engine.core.beforeOperation = undefined;
    engine.deletedVaults.purge(operator, edge, 'eastus', DEMO.deletedVaults.edgeOld);
    assert.equal(engine.deletedVaults.list(operator).some((x) => x.name === DEMO.deletedVaults.edgeOld), false);
  });

  it('deleted vaults are purged automatically when the clock passes their scheduled purge date', () => {
    const { engine, clock } = demoEngine();
    clock.advanceDays(80);
    clock.advance(1000);
    // billing-old-kv (deleted 10 days ago, retention 90) is gone; ase-edge00-kv (60 days left) went at day 60.
    assert.deepEqual(engine.deletedVaults.list(operator).map((d) => d.name), []);
    assert.equal(engine.vaults.checkNameAvailability(operator, prod, DEMO.deletedVaults.billing).nameAvailable, true);
  });

  it('automatic purge also removes soft-deleted secrets past their date', () => {
    const { engine, clock } = demoEngine();
    assert.equal(engine.secrets.listDeleted(operator, DEMO.vaults.app).length, 1);
    clock.advanceDays(88);
    assert.equal(engine.secrets.listDeleted(operator, DEMO.vaults.app).length, 0);
  });

  it('the sweep runs at most once per clock-second', () => {
    const { engine, clock } = demoEngine();
    engine.vaults.list(operator);
    const st = engine.core.state;
    const d = st.vaults.getDeleted(DEMO.deletedVaults.billing)!;
    d.scheduledPurge = clock.now() - 1; // expired without the clock moving
    engine.vaults.list(operator);
    assert.ok(st.vaults.getDeleted(DEMO.deletedVaults.billing), 'not swept again in the same second');
    clock.advance(1000);
    engine.vaults.list(operator);
    assert.ok(!st.vaults.getDeleted(DEMO.deletedVaults.billing));
  });
});
