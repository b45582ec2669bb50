/** Microsoft.Insights diagnostic settings of a vault, read only: where its AuditEvent log goes. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { raw, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

describe('emulator diagnostic settings', () => {
  const path = (sub: string, rg: string, vault: string) =>
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${vault}/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`;

  it('the edge vault sends AuditEvent logs to a storage account; other vaults have no settings', async () => {
    const edge = await raw(h, { method: 'GET', host: 'localhost', path: path(DEMO.subscriptions.edge, DEMO.resourceGroups.edge, DEMO.vaults.edge) });
    assert.equal(edge.status, 200);
    assert.equal(edge.json.value.length, 1);
    assert.match(edge.json.value[0].properties.storageAccountId, /\/providers\/Microsoft\.Storage\/storageAccounts\/aseedge01kvlogs$/);
    assert.deepEqual(edge.json.value[0].properties.logs.map((l: { category: string; enabled: boolean }) => [l.category, l.enabled]), [['AuditEvent', true]]);
    const app = await raw(h, { method: 'GET', host: 'localhost', path: path(DEMO.subscriptions.production, DEMO.resourceGroups.apps, DEMO.vaults.app) });
    assert.deepEqual(app.json, { value: [] });
  });

  it('a vault that does not exist is a 404 ResourceNotFound', async () => {
    const res = await raw(h, { method: 'GET', host: 'localhost', path: path(DEMO.subscriptions.production, DEMO.resourceGroups.apps, 'no-such-kv') });
    assert.equal(res.status, 404);
    assert.equal(res.json.error.code, 'ResourceNotFound');
  });
});
