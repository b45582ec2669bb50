import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { emulatorArmClientOptions, emulatorClientOptions } from '../../source/emulator/index.js';
import { DEMO } from '../../source/engine/index.js';
import { raw, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

describe('emulator sign-in like an ADFS Azure Stack Hub stamp', () => {
  it('describes itself through /metadata/endpoints', async () => {
    const res = await raw(h, { method: 'GET', host: 'localhost', path: '/metadata/endpoints?api-version=2015-01-01', token: null });
    assert.equal(res.status, 200);
    assert.equal(res.json.authentication.loginEndpoint, `https://localhost:${h.emu.port}/adfs`);
    assert.ok(Array.isArray(res.json.authentication.audiences) && res.json.authentication.audiences.length > 0);
    assert.equal(res.json.suffixes.keyVaultDns, 'vault.localhost');
    assert.ok(res.json.galleryEndpoint && res.json.graphEndpoint && res.json.portalEndpoint);
    const oidc = await raw(h, { method: 'GET', host: 'localhost', path: '/adfs/.well-known/openid-configuration', token: null });
    assert.equal(oidc.json.token_endpoint, `https://localhost:${h.emu.port}/adfs/oauth2/token/`);
  });

  it('ClientSecretCredential with tenant "adfs" gets a token for the principal whose appId is the client id, and it works on both planes', async () => {
    const credential = new ClientSecretCredential('adfs', DEMO.appIds.webApp, 'any-secret', {
      authorityHost: `https://localhost:${h.emu.port}`,
      disableInstanceDiscovery: true,
      ...emulatorClientOptions(h.emu, h.agent),
    });
    const token = await credential.getToken('https://management.localhost/.default');
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString());
    assert.equal(claims.oid, DEMO.principals.webApp);
    assert.equal(claims.appid, DEMO.appIds.webApp);
    assert.ok(token.expiresOnTimestamp > Date.now());

    const arm = new KeyVaultManagementClient(credential, DEMO.subscriptions.production, emulatorArmClientOptions(h.emu, h.agent));
    const names = [];
    for await (const v of arm.vaults.listBySubscription()) names.push(v.name);
    assert.ok(names.includes(DEMO.vaults.app));

    // The web app has secrets get/list on the app vault in the demo: the data plane accepts the ADFS token.
    const secrets = new SecretClient(h.emu.vaultUrl(DEMO.vaults.app), credential, emulatorClientOptions(h.emu, h.agent));
    const listed = [];
    for await (const p of secrets.listPropertiesOfSecrets()) listed.push(p.name);
    assert.ok(listed.length > 0);
    const audit = h.emu.engine.core.state.audit.all().filter((a) => a.caller.objectId === DEMO.principals.webApp);
    assert.ok(audit.length > 0, 'the calls are audited under the signed-in principal');
    assert.ok(audit.every((a) => a.clientAddress === '127.0.0.1' || a.clientAddress === '::ffff:127.0.0.1'));
  });

  it('refuses other grant types with an OAuth error body', async () => {
    const res = await raw(h, {
      method: 'POST', host: 'localhost', path: '/adfs/oauth2/token', token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=a&password=b',
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.error, 'unsupported_grant_type');
  });
});
