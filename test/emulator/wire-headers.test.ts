/** The headers Azure sends, in Azure's formats, on both planes (successes and refusals alike). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { KEYVAULT_SERVICE_VERSION, networkInfo } from '../../source/emulator/wire-headers.js';
import { raw, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

const VAULT_HOST = `${DEMO.vaults.app}.vault.localhost`;

describe('data-plane response headers', () => {
  for (const [what, token] of [['an answer', undefined], ['a challenge', null]] as const) {
    it(`${what} carries Key Vault's service version, region, network info and caching/security headers`, async () => {
      const res = await raw(h, { method: 'GET', host: VAULT_HOST, path: '/secrets?api-version=7.6', token, headers: { 'x-ms-client-request-id': 'c4d8ce79-1f7d-42f4-bc9f-261fcb514000' } });
      assert.equal(res.headers['x-ms-keyvault-service-version'], KEYVAULT_SERVICE_VERSION);
      assert.equal(res.headers['x-ms-keyvault-region'], h.emu.engine.core.state.vaults.get(DEMO.vaults.app)!.location);
      assert.equal(res.headers['x-ms-keyvault-network-info'], 'conn_type=Ipv4;addr=127.0.0.1;act_addr_fam=InterNetwork;');
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000;includeSubDomains');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['x-ms-request-id']), /^[0-9a-f-]{36}$/);
      assert.equal(res.headers['x-ms-client-request-id'], 'c4d8ce79-1f7d-42f4-bc9f-261fcb514000');
    });
  }

  it('formats the client address as Key Vault does for IPv4, IPv4-mapped and IPv6 clients', () => {
    assert.equal(networkInfo('::ffff:203.0.113.7'), 'conn_type=Ipv4;addr=203.0.113.7;act_addr_fam=InterNetwork;');
    assert.equal(networkInfo('::1'), 'conn_type=Ipv6;addr=::1;act_addr_fam=InterNetworkV6;');
  });
});

describe('ARM response headers', () => {
  it('carries correlation, request and routing ids (the routing id as REGION:yyyyMMddTHHmmssZ:correlation)', async () => {
    const res = await raw(h, { method: 'GET', host: 'localhost', path: '/subscriptions?api-version=2022-12-01' });
    assert.equal(res.status, 200);
    const correlation = String(res.headers['x-ms-correlation-request-id']);
    assert.match(correlation, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(String(res.headers['x-ms-routing-request-id']), new RegExp(`^[A-Z]+:\\d{8}T\\d{6}Z:${correlation}$`));
    assert.match(String(res.headers['x-ms-request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('keeps the correlation id a client sends', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const res = await raw(h, { method: 'GET', host: 'localhost', path: '/subscriptions?api-version=2022-12-01', headers: { 'x-ms-correlation-request-id': id } });
    assert.equal(res.headers['x-ms-correlation-request-id'], id);
  });
});
