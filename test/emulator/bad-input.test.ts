import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, raw, startHarness, SUB, type Harness, type RawResponse } from './helpers.js';

let h: Harness;
const VAULT = 'input-kv';
const host = `${VAULT}.vault.localhost`;
const JSON_TYPE = { 'content-type': 'application/json' };

before(async () => {
  h = await startHarness({ seed: 'empty' });
  await h.createVault(VAULT);
  await h.secrets(VAULT).setSecret('existing', 'original');
});
after(() => h.close());

/** Everything a bad request could have touched: the vault's secrets (names, versions, values) and the vault list. */
function snapshot(): string {
  const st = h.emu.engine.core.state;
  const v = st.vaults.get(VAULT)!;
  const secrets = [...v.objects.secret.records()].map((s) => [s.name, s.versions.map((x) => [x.version, x.value])]);
  return JSON.stringify({ vaults: [...st.vaults.values()].map((x) => x.name), secrets, policies: v.accessPolicies, locks: st.locks.all() });
}

function assertAzureError(res: RawResponse, status: number, code?: string): void {
  assert.equal(res.status, status, res.text);
  assert.equal(typeof res.json?.error?.code, 'string', `Azure error body expected, got ${res.text}`);
  assert.equal(typeof res.json.error.message, 'string');
  if (code) assert.equal(res.json.error.code, code);
}

const ARM_VAULT = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-emulator/providers/Microsoft.KeyVault/vaults/${name}?api-version=2026-02-01`;

describe('emulator robustness: Azure-shaped errors, no state change', () => {
  it('malformed JSON is a 400 on both planes', async () => {
    const before = snapshot();
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: JSON_TYPE, body: '{"value": ' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'PUT', host: 'localhost', path: ARM_VAULT('json-kv'), headers: JSON_TYPE, body: '{nope' }), 400, 'InvalidRequestContent');
    assert.equal(snapshot(), before);
  });

  it('a body that is not declared as JSON is a 415', async () => {
    const before = snapshot();
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: { 'content-type': 'text/plain' }, body: '{"value":"v"}' }), 415, 'UnsupportedMediaType');
    assert.equal(snapshot(), before);
  });

  it('a body over 1 MiB is a 413', async () => {
    const before = snapshot();
    const big = JSON.stringify({ value: 'x'.repeat(1024 * 1024 + 10) });
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/big?api-version=7.6', headers: JSON_TYPE, body: big }), 413, 'RequestEntityTooLarge');
    assert.equal(snapshot(), before);
  });

  it('a JSON body of the wrong shape is a 400 BadParameter', async () => {
    const before = snapshot();
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: JSON_TYPE, body: '[1,2]' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: JSON_TYPE, body: '{"value":42}' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: JSON_TYPE, body: '{"value":"v","attributes":{"exp":"tomorrow"}}' }), 400, 'BadParameter');
    assert.equal(snapshot(), before);
  });

  it('invalid secret, key and version names are a 400 naming the name', async () => {
    const before = snapshot();
    const res = await raw(h, { method: 'PUT', host, path: '/secrets/bad_name?api-version=7.6', headers: JSON_TYPE, body: '{"value":"v"}' });
    assertAzureError(res, 400, 'BadParameter');
    assert.equal(res.json.error.message, 'The request URI contains an invalid name: bad_name');
    assertAzureError(await raw(h, { method: 'GET', host, path: `/secrets/${'a'.repeat(128)}?api-version=7.6` }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'GET', host, path: '/keys/k.1?api-version=7.6' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'GET', host, path: '/secrets/existing/not-a-version?api-version=7.6' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'PUT', host: 'localhost', path: ARM_VAULT('-bad'), headers: JSON_TYPE, body: '{"location":"westeurope","properties":{"tenantId":"t","sku":{"family":"A","name":"standard"}}}' }), 400, 'VaultNameNotValid');
    assert.equal(snapshot(), before);
  });

  it('unknown routes are a 404 and known routes with other methods a 405', async () => {
    assertAzureError(await raw(h, { method: 'GET', host, path: '/certificates-nope?api-version=7.6' }), 404);
    assertAzureError(await raw(h, { method: 'GET', host: 'localhost', path: '/subscriptions/x/providers/Microsoft.Nope/things?api-version=2020-01-01' }), 404);
    assertAzureError(await raw(h, { method: 'DELETE', host, path: '/secrets?api-version=7.6' }), 405, 'MethodNotAllowed');
    assertAzureError(await raw(h, { method: 'POST', host: 'localhost', path: '/subscriptions?api-version=2022-12-01' }), 405, 'MethodNotAllowed');
  });

  it('unsupported or missing api-versions are refused', async () => {
    const before = snapshot();
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=9.9', headers: JSON_TYPE, body: '{"value":"v"}' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'GET', host, path: '/secrets/existing' }), 400, 'BadParameter');
    assertAzureError(await raw(h, { method: 'GET', host: 'localhost', path: ARM_VAULT(VAULT).replace('2026-02-01', '2014-01-01') }), 400, 'InvalidApiVersionParameter');
    assertAzureError(await raw(h, { method: 'GET', host: 'localhost', path: `/subscriptions/${SUB}` }), 400, 'MissingApiVersionParameter');
    assert.equal(snapshot(), before);
    // Encoded query keys are read too: api%2Dversion is api-version.
    assert.equal((await raw(h, { method: 'GET', host, path: '/secrets/existing/?api%2Dversion=7.6' })).json.value, 'original');
  });

  it('a data-plane request without a token gets the challenge; a malformed token a 401', async () => {
    const before = snapshot();
    const res = await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: JSON_TYPE, body: '{"value":"v"}', token: null });
    assertAzureError(res, 401, 'Unauthorized');
    assert.equal(res.headers['www-authenticate'], `Bearer authorization="https://login.microsoftonline.com/${h.emu.tenantId}", resource="https://vault.localhost:${h.emu.port}"`);
    assertAzureError(await raw(h, { method: 'PUT', host, path: '/secrets/x?api-version=7.6', headers: JSON_TYPE, body: '{"value":"v"}', token: 'not-a-jwt' }), 401);
    assertAzureError(await raw(h, { method: 'GET', host, path: '/secrets?api-version=7.6', token: 'a.bm90anNvbg.' }), 401);
    assert.equal(snapshot(), before);
  });

  it('an ARM request without a token is a 401 AuthenticationFailed; a malformed one InvalidAuthenticationToken', async () => {
    const before = snapshot();
    assertAzureError(await raw(h, { method: 'DELETE', host: 'localhost', path: ARM_VAULT(VAULT), token: null }), 401, 'AuthenticationFailed');
    assertAzureError(await raw(h, { method: 'DELETE', host: 'localhost', path: ARM_VAULT(VAULT), token: 'garbage' }), 401, 'InvalidAuthenticationToken');
    assert.equal(snapshot(), before);
  });

  it('a vault host that does not exist is a 404, and an unknown principal is refused, not crashed', async () => {
    assertAzureError(await raw(h, { method: 'GET', host: 'no-such-kv.vault.localhost', path: '/secrets?api-version=7.6' }), 404);
    assertAzureError(await raw(h, { method: 'GET', host, path: '/secrets/existing?api-version=7.6', token: bearer('00000000-0000-4000-8000-000000000000') }), 403, 'Forbidden');
  });

  it('ARM lock paths are matched after decoding, collapsing slashes and ignoring case', async () => {
    const scope = encodeURIComponent(`/subscriptions/${SUB}/resourcegroups/rg-emulator/providers/Microsoft.KeyVault/vaults/${VAULT}`);
    const put = await raw(h, {
      method: 'PUT', host: 'localhost', path: `/${scope}//providers/Microsoft.Authorization/locks/enc?api-version=2020-05-01`,
      headers: JSON_TYPE, body: '{"properties":{"level":"CanNotDelete"}}',
    });
    assert.equal(put.status, 201, put.text);
    assert.equal(put.json.id, `/subscriptions/${SUB}/resourceGroups/rg-emulator/providers/Microsoft.KeyVault/vaults/${VAULT}/providers/Microsoft.Authorization/locks/enc`);
    const del = await raw(h, { method: 'DELETE', host: 'localhost', path: `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/rg-emulator/providers/microsoft.keyvault/vaults/${VAULT}/providers/microsoft.authorization/locks/enc?api-version=2016-09-01` });
    assert.equal(del.status, 200, del.text);
  });
});
