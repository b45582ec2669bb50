/**
 * The emulator as the official clients see Azure (issue 13): unversioned ids in listings, key rotation
 * policies, KeyOperationForbidden, ES256K, ConflictError for a soft-deleted vault name in the same
 * subscription, and the ARM 404 naming the resource group.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CryptographyClient } from '@azure/keyvault-keys';
import { emulatorClientOptions } from '../../source/emulator/index.js';
import { raw, rejection, startHarness, SUB, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'empty' });
  await h.createVault('fidelity-kv');
});
after(() => h.close());

const crypto = (keyId: string) => new CryptographyClient(keyId, h.credential(), { ...emulatorClientOptions(h.emu, h.agent), retryOptions: { maxRetries: 0 } });
const digest = createHash('sha256').update('message').digest();

describe('listings carry unversioned ids, version listings versioned ones', () => {
  it('listPropertiesOfSecrets reports no version; listPropertiesOfSecretVersions reports each', async () => {
    const c = h.secrets('fidelity-kv');
    const v1 = await c.setSecret('listed', 'a');
    const v2 = await c.setSecret('listed', 'b');
    const items = [];
    for await (const p of c.listPropertiesOfSecrets()) items.push(p);
    const item = items.find((p) => p.name === 'listed')!;
    assert.equal(item.version, undefined);
    assert.equal(item.id, `${h.emu.vaultUrl('fidelity-kv')}secrets/listed`);
    const versions = [];
    for await (const p of c.listPropertiesOfSecretVersions('listed')) versions.push(p.version);
    assert.deepEqual(versions.sort(), [v1.properties.version, v2.properties.version].sort());
  });

  it('listPropertiesOfKeys and the bin of keys list unversioned kids', async () => {
    const c = h.keys('fidelity-kv');
    await c.createEcKey('listed-key');
    const raw1 = await raw(h, { method: 'GET', host: 'fidelity-kv.vault.localhost', path: '/keys?api-version=7.5' });
    const kid = raw1.json.value.find((k: { kid: string }) => k.kid.includes('/listed-key')).kid;
    assert.equal(kid, `${h.emu.vaultUrl('fidelity-kv')}keys/listed-key`);
  });
});

describe('keys as Key Vault refuses and signs', () => {
  it('signing with a key that does not permit it is 403 Forbidden, inner KeyOperationForbidden, on the wire', async () => {
    // (The JS CryptographyClient checks key_ops itself before calling; other clients do not: the service must refuse.)
    const k = await h.keys('fidelity-kv').createRsaKey('enc-only', { keyOps: ['encrypt', 'decrypt'] });
    const r = await raw(h, {
      method: 'POST', host: 'fidelity-kv.vault.localhost', path: `/keys/enc-only/${k.properties.version}/sign?api-version=7.5`,
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alg: 'RS256', value: digest.toString('base64url') }),
    });
    assert.equal(r.status, 403);
    assert.deepEqual(r.json.error, { code: 'Forbidden', message: 'Operation sign is not permitted on this key.', innererror: { code: 'KeyOperationForbidden' } });
  });

  it('P-256K keys sign with ES256K and verify', async () => {
    const k = await h.keys('fidelity-kv').createEcKey('k256', { curve: 'P-256K' });
    assert.equal(k.key?.crv, 'P-256K');
    const signed = await crypto(k.id!).sign('ES256K', digest);
    assert.equal(signed.result.length, 64);
    assert.equal((await crypto(k.id!).verify('ES256K', digest, signed.result)).result, true);
  });
});

describe('key rotation policies through KeyClient', () => {
  it('a new key answers the default policy; an updated policy round-trips', async () => {
    const c = h.keys('fidelity-kv');
    await c.createRsaKey('rotated');
    const def = await c.getKeyRotationPolicy('rotated');
    assert.deepEqual(def.lifetimeActions?.map((a) => [a.action, a.timeAfterCreate, a.timeBeforeExpiry]), [['Notify', undefined, 'P30D']]);
    const set = await c.updateKeyRotationPolicy('rotated', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }], expiresIn: 'P2Y' });
    assert.equal(set.expiresIn, 'P2Y');
    assert.equal(set.id, `${h.emu.vaultUrl('fidelity-kv')}keys/rotated/rotationpolicy`);
    const got = await c.getKeyRotationPolicy('rotated');
    assert.deepEqual(got.lifetimeActions?.map((a) => [String(a.action).toLowerCase(), a.timeAfterCreate]), [['rotate', 'P90D']]);
  });

  it('a policy the service would refuse is 400 BadParameter', async () => {
    const c = h.keys('fidelity-kv');
    await c.createRsaKey('bad-policy');
    const r = await rejection(c.updateKeyRotationPolicy('bad-policy', { lifetimeActions: [], expiresIn: 'P7D' }));
    assert.equal(r.statusCode, 400);
    assert.match(r.message, /at least 28 days/);
  });
});

describe('ARM as Azure answers', () => {
  it('creating a vault over a soft-deleted name of the same subscription is 409 ConflictError', async () => {
    await h.createVault('reborn-kv');
    await h.arm().vaults.delete(h.rg, 'reborn-kv');
    const r = await rejection(h.createVault('reborn-kv'));
    assert.equal(r.statusCode, 409);
    assert.equal(r.code, 'ConflictError');
    assert.match(r.message, /already exists in deleted state/);
  });

  it('a missing vault is 404 ResourceNotFound naming its resource group', async () => {
    const r = await rejection(h.arm().vaults.get(h.rg, 'never-made-kv'));
    assert.equal(r.statusCode, 404);
    assert.equal(r.code, 'ResourceNotFound');
    assert.match(r.message, new RegExp(`under resource group '${h.rg}' was not found`));
    assert.ok(SUB);
  });
});
