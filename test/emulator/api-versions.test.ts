/** The api-versions real clients send are accepted; the Stack Hub profile accepts only what a stamp accepts. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { raw, startHarness, type Harness } from './helpers.js';

const VAULT_HOST = `${DEMO.vaults.app}.vault.localhost`;
const get = (h: Harness, version: string) => raw(h, { method: 'GET', host: VAULT_HOST, path: `/secrets/sql-admin-password?api-version=${version}` });

describe('data-plane api-versions (Azure profile)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: 'demo' });
  });
  after(() => h.close());

  // 7.4-preview.1 is the default of Debian's python3-azure KeyClient; 7.3 its SecretClient's and CertificateClient's.
  for (const v of ['2016-10-01', '7.0', '7.3', '7.4-preview.1', '7.5-preview.1', '7.6-preview.2', '7.6', '2025-06-01-preview', '2025-07-01', '2026-01-01-preview']) {
    it(`accepts ${v}`, async () => {
      assert.equal((await get(h, v)).status, 200);
    });
  }

  it('refuses a version Key Vault never published', async () => {
    const res = await get(h, '7.9');
    assert.equal(res.status, 400);
    assert.equal(res.json.error.message, 'The specified version (7.9) is not recognized. Consider using the latest supported version (2025-07-01).');
  });
});

describe('the Azure Stack Hub profile (kvdeck serve --profile stackhub)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: 'demo', profile: 'stackhub' });
  });
  after(() => h.close());

  it('accepts the 2020-09-01-hybrid data plane (2016-10-01) and nothing newer', async () => {
    assert.equal((await get(h, '2016-10-01')).status, 200);
    const res = await get(h, '7.0');
    assert.equal(res.status, 400);
    assert.equal(res.json.error.message, 'The specified version (7.0) is not recognized. Consider using the latest supported version (2016-10-01).');
  });

  it('accepts Microsoft.KeyVault 2019-09-01 on ARM but not the public cloud\'s newer versions', async () => {
    const path = (v: string) => `/subscriptions/${DEMO.subscriptions.production}/providers/Microsoft.KeyVault/vaults?api-version=${v}`;
    assert.equal((await raw(h, { method: 'GET', host: 'localhost', path: path('2019-09-01') })).status, 200);
    const newer = await raw(h, { method: 'GET', host: 'localhost', path: path('2023-07-01') });
    assert.equal(newer.status, 400);
    assert.equal(newer.json.error.code, 'InvalidApiVersionParameter');
  });
});
