/** Requests refused before they reach the engine are in the audit log too, with their result codes and never a token. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { DEMO } from '../../source/engine/index.js';
import { bearer, raw, startHarness, type Harness } from './helpers.js';

const harnesses: Harness[] = [];
after(() => Promise.all(harnesses.map((x) => x.close())));
const start = async (o: Parameters<typeof startHarness>[0]) => {
  const h = await startHarness(o);
  harnesses.push(h);
  return h;
};
const host = `${DEMO.vaults.app}.vault.localhost`;
const auditOf = (h: Harness) => createMemoryBackend(h.emu.engine).audit;

describe('emulator audit of refusals made before the engine', () => {
  it('a request without a token is recorded as a 401 by an anonymous caller, path without query string', async () => {
    const h = await start({ seed: 'demo' });
    const res = await raw(h, { method: 'GET', host, path: '/secrets/sql-admin-password?api-version=7.6', token: null });
    assert.equal(res.status, 401);
    const [e] = await auditOf(h).query({ result: 'failure', vaultName: DEMO.vaults.app });
    assert.equal(e.resultCode, 401);
    assert.equal(e.errorCode, 'Unauthorized');
    assert.equal(e.caller.objectId, 'anonymous');
    assert.equal(e.operation, 'GET /secrets/sql-admin-password');
  });

  it('a malformed token on ARM is recorded as a 401 without the token', async () => {
    const h = await start({ seed: 'demo' });
    const res = await raw(h, { method: 'GET', host: 'localhost', path: '/subscriptions?api-version=2022-12-01', token: 'not-a-jwt' });
    assert.equal(res.status, 401);
    const [e] = await auditOf(h).query({ result: 'failure' });
    assert.equal(e.resultCode, 401);
    assert.equal(e.errorCode, 'InvalidAuthenticationToken');
    assert.ok(!JSON.stringify(e).includes('not-a-jwt'));
  });

  it('a throttled request is recorded as a 429 for the caller the token names', async () => {
    const h = await start({ seed: 'demo', throttle: 1 });
    await raw(h, { method: 'GET', host, path: '/secrets?api-version=7.6' });
    const res = await raw(h, { method: 'GET', host, path: '/secrets?api-version=7.6', token: bearer(DEMO.principals.webApp) });
    assert.equal(res.status, 429);
    const [e] = await auditOf(h).query({ result: 'failure', vaultName: DEMO.vaults.app });
    assert.equal(e.resultCode, 429);
    assert.equal(e.errorCode, 'Throttled');
    assert.equal(e.caller.objectId, DEMO.principals.webApp);
    assert.equal(e.caller.displayName, 'contoso-web-app');
  });

  it('unknown routes and bad api-versions are recorded once; refusals by the engine are not doubled', async () => {
    const h = await start({ seed: 'demo' });
    await raw(h, { method: 'GET', host, path: '/no-such-thing?api-version=7.6' });
    await raw(h, { method: 'GET', host, path: '/secrets?api-version=1999-01-01' });
    const forbidden = await raw(h, { method: 'GET', host, path: '/secrets/sql-admin-password?api-version=7.6', token: bearer(DEMO.principals.securityAdmin) });
    assert.equal(forbidden.status, 403);
    const failures = await auditOf(h).query({ result: 'failure', vaultName: DEMO.vaults.app });
    assert.deepEqual(failures.map((e) => [e.resultCode, e.operation]), [
      [403, 'SecretGet'],
      [400, 'GET /secrets'],
      [404, 'GET /no-such-thing'],
    ]);
  });
});
