/** The emulator's Microsoft Graph reads: names for objectIds from the engine's directory, same bearer tokens as ARM. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { bearer, raw, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

const json = { 'content-type': 'application/json' };
const getByIds = (body: unknown, token?: string | null) =>
  raw(h, { method: 'POST', host: 'localhost', path: '/v1.0/directoryObjects/getByIds', headers: json, body: JSON.stringify(body), token });

describe('emulator Microsoft Graph', () => {
  it('getByIds names users, applications and managed identities in Graph\'s shape, leaving unknown ids out', async () => {
    const p = DEMO.principals;
    const res = await getByIds({ ids: [p.operator, p.webApp, p.edgeIdentity, '99999999-9999-4999-8999-999999999999'], types: ['user', 'group', 'servicePrincipal'] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.value, [
      { '@odata.type': '#microsoft.graph.user', id: p.operator, displayName: 'Operator', userPrincipalName: 'ops@contoso.com' },
      { '@odata.type': '#microsoft.graph.servicePrincipal', id: p.webApp, displayName: 'contoso-web-app', appId: DEMO.appIds.webApp, servicePrincipalType: 'Application' },
      { '@odata.type': '#microsoft.graph.servicePrincipal', id: p.edgeIdentity, displayName: 'ase-edge01', appId: DEMO.appIds.edgeIdentity, servicePrincipalType: 'ManagedIdentity' },
    ]);
    const usersOnly = await getByIds({ ids: [p.operator, p.webApp], types: ['user'] });
    assert.deepEqual(usersOnly.json.value.map((o: { id: string }) => o.id), [p.operator]);
  });

  it('GET /me answers the signed-in user; a service principal gets Graph\'s delegated-flow refusal', async () => {
    const me = await raw(h, { method: 'GET', host: 'localhost', path: '/v1.0/me' });
    assert.equal(me.status, 200);
    assert.equal(me.json.displayName, 'Operator');
    assert.equal(me.json.userPrincipalName, 'ops@contoso.com');
    const app = await raw(h, { method: 'GET', host: 'localhost', path: '/v1.0/me', token: bearer(DEMO.principals.webApp) });
    assert.equal(app.status, 400);
  });

  it('finds a service principal by appId', async () => {
    const res = await raw(h, { method: 'GET', host: 'localhost', path: `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${DEMO.appIds.webApp}'`)}` });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.value.map((o: { displayName: string }) => o.displayName), ['contoso-web-app']);
  });

  it('refuses callers without a token (401) and callers the directory does not know (403 Authorization_RequestDenied)', async () => {
    const anonymous = await getByIds({ ids: [DEMO.principals.operator] }, null);
    assert.equal(anonymous.status, 401);
    const stranger = await getByIds({ ids: [DEMO.principals.operator] }, bearer('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'));
    assert.equal(stranger.status, 403);
    assert.equal(stranger.json.error.code, 'Authorization_RequestDenied');
  });

  it('rejects a getByIds body without an ids collection', async () => {
    const res = await getByIds({ ids: 'not-a-list' });
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, 'Request_BadRequest');
  });

  it('advertises Graph on its own host in the metadata endpoint', async () => {
    const res = await raw(h, { method: 'GET', host: 'localhost', path: '/metadata/endpoints?api-version=2015-01-01', token: null });
    assert.equal(res.json.graphEndpoint, `https://localhost:${h.emu.port}/`);
  });
});
