import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CryptographyClient } from '@azure/keyvault-keys';
import { emulatorClientOptions } from '../../source/emulator/index.js';
import { raw, rejection, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'empty' });
  await h.createVault('keys-kv');
  await h.createVault('keys-protected-kv', { enablePurgeProtection: true });
});
after(() => h.close());

const crypto = (keyId: string) => new CryptographyClient(keyId, h.credential(), { ...emulatorClientOptions(h.emu, h.agent), retryOptions: { maxRetries: 0 } });

describe('emulator keys over KeyClient and CryptographyClient', () => {
  it('creates RSA and EC keys and returns only the public key', async () => {
    const c = h.keys('keys-kv');
    const rsa = await c.createRsaKey('rsa-key', { keySize: 2048, tags: { team: 'a' } });
    assert.equal(rsa.keyType, 'RSA');
    assert.equal(rsa.id, `${h.emu.vaultUrl('keys-kv')}keys/rsa-key/${rsa.properties.version}`);
    assert.ok(rsa.key?.n && rsa.key.e);
    assert.equal((rsa.key as { d?: unknown }).d, undefined, 'no private material');
    assert.deepEqual(rsa.properties.tags, { team: 'a' });
    const ec = await c.createEcKey('ec-key', { curve: 'P-256' });
    assert.equal(ec.keyType, 'EC');
    assert.equal(ec.key?.crv, 'P-256');
    assert.ok(ec.key?.x && ec.key?.y);
    const got = await c.getKey('rsa-key');
    assert.equal(got.properties.version, rsa.properties.version);
  });

  it('updates key_ops, rotates, lists keys and versions', async () => {
    const c = h.keys('keys-kv');
    const k = await c.createRsaKey('rotating');
    const updated = await c.updateKeyProperties('rotating', k.properties.version!, { keyOps: ['sign', 'verify'], enabled: true, tags: { x: 'y' } });
    assert.deepEqual(updated.keyOperations, ['sign', 'verify']);
    const rotated = await c.rotateKey('rotating');
    assert.notEqual(rotated.properties.version, k.properties.version);
    let versions = 0;
    for await (const _ of c.listPropertiesOfKeyVersions('rotating')) versions++;
    assert.equal(versions, 2);
    const names = [];
    for await (const p of c.listPropertiesOfKeys()) names.push(p.name);
    assert.ok(names.includes('rotating') && names.includes('rsa-key'));
  });

  it('imports a key and uses it', async () => {
    const c = h.keys('keys-kv');
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const b = (s?: string) => (s ? new Uint8Array(Buffer.from(s, 'base64url')) : undefined);
    const imported = await c.importKey('imported', { kty: 'RSA', n: b(jwk.n), e: b(jwk.e), d: b(jwk.d), p: b(jwk.p), q: b(jwk.q), dp: b(jwk.dp), dq: b(jwk.dq), qi: b(jwk.qi), keyOps: ['sign', 'verify'] });
    assert.equal(Buffer.from(imported.key!.n!).toString('base64url'), jwk.n);
    const digest = createHash('sha256').update('hello').digest();
    const signed = await crypto(imported.id!).sign('RS256', digest);
    assert.equal((await crypto(imported.id!).verify('RS256', digest, signed.result)).result, true);
  });

  it('round-trips sign→verify, encrypt→decrypt and wrap→unwrap', async () => {
    const c = h.keys('keys-kv');
    const rsa = await c.createRsaKey('crypto-rsa');
    const cc = crypto(rsa.id!);
    const digest = createHash('sha256').update('message').digest();
    const sig = await cc.sign('RS256', digest);
    assert.equal(sig.keyID, rsa.id);
    assert.equal((await cc.verify('RS256', digest, sig.result)).result, true);
    assert.equal((await cc.verify('RS256', createHash('sha256').update('other').digest(), sig.result)).result, false);

    const plaintext = new Uint8Array(Buffer.from('attack at dawn'));
    const enc = await cc.encrypt({ algorithm: 'RSA-OAEP-256', plaintext });
    const dec = await cc.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: enc.result });
    assert.equal(Buffer.from(dec.result).toString(), 'attack at dawn');

    const aes = randomBytes(32);
    const wrapped = await cc.wrapKey('RSA-OAEP', aes);
    const unwrapped = await cc.unwrapKey('RSA-OAEP', wrapped.result);
    assert.deepEqual(Buffer.from(unwrapped.result), aes);

    const ec = await c.createEcKey('crypto-ec', { curve: 'P-256' });
    const ecc = crypto(ec.id!);
    const ecSig = await ecc.sign('ES256', digest);
    assert.equal((await ecc.verify('ES256', digest, ecSig.result)).result, true);
  });

  it('refuses an operation outside the key_ops of the key', async () => {
    const c = h.keys('keys-kv');
    const k = await c.createRsaKey('sign-only', { keyOps: ['sign', 'verify'] });
    // CryptographyClient checks key_ops itself before calling; the service must refuse too.
    const res = await raw(h, {
      method: 'POST',
      host: 'keys-kv.vault.localhost',
      path: `/keys/sign-only/${k.properties.version}/decrypt?api-version=7.6`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alg: 'RSA-OAEP', value: Buffer.alloc(256).toString('base64url') }),
    });
    assert.equal(res.status, 403);
    assert.equal(res.json.error.code, 'Forbidden');
    assert.equal(res.json.error.innererror.code, 'KeyOperationForbidden');
    assert.match(res.json.error.message, /not permitted/);
  });

  it('soft-deletes, recovers, deletes and purges a key', async () => {
    const c = h.keys('keys-kv');
    await c.createRsaKey('doomed');
    const deleted = await (await c.beginDeleteKey('doomed')).pollUntilDone();
    assert.equal(deleted.properties.recoveryId, `${h.emu.vaultUrl('keys-kv')}deletedkeys/doomed`);
    assert.ok(deleted.properties.scheduledPurgeDate && deleted.properties.deletedOn);
    const reuse = await rejection(c.createRsaKey('doomed'));
    assert.equal(reuse.statusCode, 409);
    const listed = [];
    for await (const d of c.listDeletedKeys()) listed.push(d.name);
    assert.ok(listed.includes('doomed'));
    assert.equal((await c.getDeletedKey('doomed')).name, 'doomed');
    await (await c.beginRecoverDeletedKey('doomed')).pollUntilDone();
    assert.equal((await c.getKey('doomed')).name, 'doomed');
    await (await c.beginDeleteKey('doomed')).pollUntilDone();
    await c.purgeDeletedKey('doomed');
    assert.equal((await rejection(c.getDeletedKey('doomed'))).statusCode, 404);
  });

  it('backs up, purges and restores a key that still decrypts what it encrypted', async () => {
    const c = h.keys('keys-kv');
    const k = await c.createRsaKey('restorable');
    const enc = await crypto(k.id!).encrypt({ algorithm: 'RSA-OAEP', plaintext: new Uint8Array(Buffer.from('kept')) });
    const blob = await c.backupKey('restorable');
    await (await c.beginDeleteKey('restorable')).pollUntilDone();
    await c.purgeDeletedKey('restorable');
    const restored = await c.restoreKeyBackup(blob!);
    assert.equal(restored.properties.version, k.properties.version);
    const dec = await crypto(k.id!).decrypt({ algorithm: 'RSA-OAEP', ciphertext: enc.result });
    assert.equal(Buffer.from(dec.result).toString(), 'kept');
  });

  it('refuses to purge a key in a purge-protected vault', async () => {
    const c = h.keys('keys-protected-kv');
    await c.createEcKey('protected');
    await (await c.beginDeleteKey('protected')).pollUntilDone();
    const refused = await rejection(c.purgeDeletedKey('protected'));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.message, /purge protection/);
  });
});
