/**
 * Tokens as Azure checks them: the challenge names a resource every SDK accepts (the request's host
 * with its port), each plane accepts the audiences a client may legitimately hold and refuses the
 * rest in Azure's words, and expired or not-yet-valid tokens are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { bearer, OPERATOR, raw, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

const VAULT_HOST = `${DEMO.vaults.app}.vault.localhost`;
const SECRET = '/secrets/sql-admin-password?api-version=7.6';
const SUBS = '/subscriptions?api-version=2022-12-01';
const now = () => Math.floor(Date.now() / 1000);
const data = (claims: Record<string, unknown>) => raw(h, { method: 'GET', host: VAULT_HOST, path: SECRET, token: bearer(OPERATOR, claims) });
const arm = (claims: Record<string, unknown>) => raw(h, { method: 'GET', host: 'localhost', path: SUBS, token: bearer(OPERATOR, claims) });

describe('the data-plane challenge', () => {
  it('names the vault domain with the port the client used, which Python and Go compare to the request host', async () => {
    const res = await raw(h, { method: 'GET', host: VAULT_HOST, path: SECRET, token: null });
    assert.equal(res.status, 401);
    const resource = /resource="([^"]+)"/.exec(String(res.headers['www-authenticate']))?.[1];
    assert.equal(resource, `https://vault.localhost:${h.emu.port}`);
    // azure-keyvault-*'s check: urlparse(request).netloc must end with "." + urlparse(resource).netloc
    assert.ok(`${VAULT_HOST}:${h.emu.port}`.endsWith(`.${new URL(resource!).host}`));
  });
});

describe('token audiences', () => {
  for (const aud of ['https://vault.azure.net', 'https://vault.azure.net/', 'https://vault.localhost', `https://vault.localhost:PORT`, `https://vault.localhost:PORT/`]) {
    it(`the data plane accepts ${aud}`, async () => {
      assert.equal((await data({ aud: aud.replace('PORT', String(h.emu.port)) })).status, 200);
    });
  }

  for (const aud of ['https://management.azure.com', 'https://management.azure.com/', 'https://management.core.windows.net', 'https://management.core.windows.net/', 'https://management.localhost/', 'https://management.localhost']) {
    it(`ARM accepts ${aud}`, async () => {
      assert.equal((await arm({ aud })).status, 200);
    });
  }

  it('the audiences /metadata/endpoints advertises are accepted by ARM', async () => {
    const meta = await raw(h, { method: 'GET', host: 'localhost', path: '/metadata/endpoints?api-version=2015-01-01', token: null });
    for (const aud of meta.json.authentication.audiences) assert.equal((await arm({ aud })).status, 200, aud);
  });

  it('an ARM token on the data plane is refused with AKV10022, naming what the vault expects', async () => {
    const res = await data({ aud: 'https://management.azure.com/' });
    assert.equal(res.status, 401);
    assert.equal(res.json.error.code, 'Unauthorized');
    assert.equal(res.json.error.message, `AKV10022: Invalid audience. Expected https://vault.localhost:${h.emu.port}, found: https://management.azure.com/.`);
    assert.match(String(res.headers['www-authenticate']), /resource="https:\/\/vault\.localhost:\d+"/);
  });

  it('a Key Vault token on ARM is refused with InvalidAuthenticationTokenAudience listing the allowed audiences', async () => {
    const res = await arm({ aud: 'https://vault.azure.net' });
    assert.equal(res.status, 401);
    assert.equal(res.json.error.code, 'InvalidAuthenticationTokenAudience');
    assert.match(
      res.json.error.message,
      /^The access token has been obtained for wrong audience or resource 'https:\/\/vault\.azure\.net'\. It should exactly match with one of the allowed audiences 'https:\/\/management\.core\.windows\.net\/','https:\/\/management\.core\.windows\.net','https:\/\/management\.azure\.com\/','https:\/\/management\.azure\.com',/,
    );
  });

  it('a token without an audience is refused on both planes', async () => {
    assert.equal((await data({ aud: undefined })).status, 401);
    assert.equal((await arm({ aud: undefined })).status, 401);
  });
});

describe('token lifetime', () => {
  it('an expired token is refused: data plane IDX10223, ARM ExpiredAuthenticationToken with both times', async () => {
    const exp = now() - 3600;
    const d = await data({ exp });
    assert.equal(d.status, 401);
    assert.equal(d.json.error.message, 'Error validating token: IDX10223');
    const a = await arm({ exp });
    assert.equal(a.status, 401);
    assert.equal(a.json.error.code, 'ExpiredAuthenticationToken');
    assert.match(a.json.error.message, /^The access token expiry UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M' is earlier than current UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M'\.$/);
  });

  it('a token that is not valid yet is refused on both planes', async () => {
    const nbf = now() + 3600;
    const d = await data({ nbf });
    assert.equal(d.status, 401);
    assert.equal(d.json.error.message, 'Error validating token: IDX10222');
    const a = await arm({ nbf });
    assert.equal(a.status, 401);
    assert.equal(a.json.error.code, 'InvalidAuthenticationToken');
  });

  it('within five minutes of clock skew a token is still accepted', async () => {
    assert.equal((await data({ exp: now() - 60, nbf: now() + 60 })).status, 200);
  });

  it('a refused token is audited with its code and caller', async () => {
    await data({ aud: 'https://storage.azure.com' });
    const { createMemoryBackend } = await import('../../source/backend/memory/index.js');
    const [e] = await createMemoryBackend(h.emu.engine).audit.query({ result: 'failure', vaultName: DEMO.vaults.app });
    assert.equal(e.resultCode, 401);
    assert.equal(e.caller.objectId, OPERATOR);
  });
});
