import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import { errors } from '../../source/domain/errors.js';
import { makeEngine, OWNER, READER, VAULT } from './fixtures/data-plane.js';

const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi'];
const err = (e: { status: number; code: string; message: string; innerCode?: string }) => ({
  status: e.status, code: e.code, message: e.message, innerCode: e.innerCode,
});
function assertPublicOnly(x: unknown): void {
  const json = JSON.stringify(x);
  for (const f of PRIVATE) assert.ok(!json.includes(`"${f}"`), `private field ${f} leaked`);
}
const digest = (alg: string, msg: Buffer) => createHash(alg).update(msg).digest();

describe('keys: create, get, list', () => {
  it('creates RSA 2048 with every RSA operation and EC P-256 with sign/verify by default', () => {
    const { keys } = makeEngine();
    const rsa = keys.create(OWNER, VAULT, 'data-encryption-key', { keyType: 'RSA' });
    assert.equal(rsa.properties.keySize, 2048);
    assert.deepEqual(rsa.properties.keyOps, ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey']);
    assert.equal(Buffer.from(rsa.key.n!, 'base64url').length, 256);
    assert.equal(rsa.key.kid, `https://${VAULT}.vault.azure.net/keys/data-encryption-key/${rsa.properties.version}`);
    const ec = keys.create(OWNER, VAULT, 'app-signing-key', { keyType: 'EC', keyOps: ['sign', 'verify'] });
    assert.equal(ec.properties.curve, 'P-256');
    assert.equal(ec.key.crv, 'P-256');
    assert.ok(ec.key.x && ec.key.y);
  });

  it('private key material never appears in get, list, versions, create, rotate, update or deleted results', () => {
    const { keys } = makeEngine();
    const results: unknown[] = [];
    results.push(keys.create(OWNER, VAULT, 'r', { keyType: 'RSA' }), keys.create(OWNER, VAULT, 'e', { keyType: 'EC', curve: 'P-384' }));
    results.push(keys.get(OWNER, VAULT, 'r'), keys.get(OWNER, VAULT, 'e'), keys.listPage(OWNER, VAULT), keys.listVersions(OWNER, VAULT, 'r'));
    results.push(keys.rotate(OWNER, VAULT, 'e'), keys.update(OWNER, VAULT, 'r', undefined, { tags: { a: 'b' } }));
    results.push(keys.delete(OWNER, VAULT, 'r'), keys.listDeleted(OWNER, VAULT), keys.getDeleted(OWNER, VAULT, 'r'), keys.recover(OWNER, VAULT, 'r'));
    for (const r of results) assertPublicOnly(r);
    const k = keys.get(OWNER, VAULT, 'r').key as unknown as Record<string, unknown>;
    for (const f of PRIVATE) assert.equal(k[f], undefined);
  });

  it('the returned public JWK verifies the engine\'s signatures with node\'s own verify', () => {
    const { keys } = makeEngine();
    const k = keys.create(OWNER, VAULT, 'signer', { keyType: 'EC', curve: 'P-256' });
    const msg = Buffer.from('payload');
    const sig = keys.sign(OWNER, VAULT, 'signer', undefined, 'ES256', digest('sha256', msg));
    assert.equal(sig.kid, k.key.kid);
    const pub = createPublicKey({ key: { kty: 'EC', crv: k.key.crv, x: k.key.x, y: k.key.y }, format: 'jwk' });
    assert.ok(nodeVerify('sha256', msg, { key: pub, dsaEncoding: 'ieee-p1363' }, sig.result));
  });

  it('bad key types, sizes and curves are refused with BadParameter', () => {
    const { keys } = makeEngine();
    const bad = { status: 400, code: 'BadParameter' };
    assert.throws(() => keys.create(OWNER, VAULT, 'k', { keyType: 'oct' as never }), bad);
    assert.throws(() => keys.create(OWNER, VAULT, 'k', { keyType: 'RSA', keySize: 1024 }), bad);
    assert.throws(() => keys.create(OWNER, VAULT, 'k', { keyType: 'EC', curve: 'P-192' as never }), bad);
    assert.throws(() => keys.create(OWNER, VAULT, 'k', { keyType: 'RSA', keyOps: ['fly' as never] }), bad);
    assert.throws(() => keys.create(OWNER, VAULT, 'k', { keyType: 'RSA-HSM' }), bad);
    assert.throws(() => keys.create(OWNER, VAULT, 'bad_name', { keyType: 'RSA' }), err(errors.badParameterName('bad_name')));
  });

  it('HSM key types are accepted in a premium vault', () => {
    const { keys } = makeEngine({ sku: 'premium' });
    assert.equal(keys.create(OWNER, VAULT, 'hsm', { keyType: 'EC-HSM', curve: 'P-521' }).key.kty, 'EC-HSM');
  });

  it('a missing key or unknown version is not found with Azure\'s KeyNotFound text', () => {
    const { keys } = makeEngine();
    assert.throws(() => keys.get(OWNER, VAULT, 'nope'), err(errors.keyNotFound('nope')));
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    assert.throws(() => keys.get(OWNER, VAULT, 'k', 'ffffffffffffffffffffffffffffffff'), { status: 404, code: 'KeyNotFound' });
  });

  it('keys list in name order, in pages of at most 25, without key material', () => {
    const { keys } = makeEngine();
    for (let i = 0; i < 27; i++) keys.create(OWNER, VAULT, `k${String(26 - i).padStart(2, '0')}`, { keyType: 'EC' });
    const p1 = keys.listPage(OWNER, VAULT);
    assert.equal(p1.items.length, 25);
    assert.equal(p1.items[0].name, 'k00');
    const p2 = keys.listPage(OWNER, VAULT, { continuationToken: p1.continuationToken });
    assert.deepEqual(p2.items.map((i) => i.name), ['k25', 'k26']);
    assert.equal(p2.continuationToken, undefined);
    assert.equal((p1.items[0] as unknown as { key?: unknown }).key, undefined);
  });
});

describe('keys: import, update, rotate', () => {
  it('imports a JWK with its private parts and uses it, returning only the public part', () => {
    const { keys } = makeEngine();
    const src = keys.create(OWNER, VAULT, 'src', { keyType: 'RSA' });
    // An external key pair, generated outside the engine:
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = pair.privateKey.export({ format: 'jwk' }) as Record<string, string>;
    const imported = keys.import(OWNER, VAULT, 'imported', { key: { ...jwk, kty: 'RSA', key_ops: ['sign', 'verify'] } as never, tags: { origin: 'hsm' } });
    assert.equal(imported.key.n, jwk.n);
    assert.deepEqual(imported.properties.keyOps, ['sign', 'verify']);
    assertPublicOnly(imported);
    const msg = Buffer.from('m');
    const sig = keys.sign(OWNER, VAULT, 'imported', undefined, 'RS256', digest('sha256', msg));
    assert.ok(nodeVerify('sha256', msg, pair.publicKey, sig.result));
    assert.ok(src.key.n !== imported.key.n);
    assert.throws(() => keys.import(OWNER, VAULT, 'pub-only', { key: { kty: 'RSA', n: jwk.n, e: jwk.e } }), { status: 400, code: 'BadParameter' });
  });

  it('update changes key_ops, enabled, dates and tags; null clears a date', () => {
    const { keys, clock } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'RSA', expiresOn: new Date(clock.now() + 1e8) });
    clock.advance(2000);
    const u = keys.update(OWNER, VAULT, 'k', undefined, { keyOps: ['encrypt'], enabled: false, tags: { a: '1' }, expiresOn: null, notBefore: new Date(clock.now()) });
    assert.deepEqual(u.properties.keyOps, ['encrypt']);
    assert.deepEqual(u.key.key_ops, ['encrypt']);
    assert.equal(u.properties.enabled, false);
    assert.deepEqual(u.properties.tags, { a: '1' });
    assert.equal(u.properties.expiresOn, undefined);
    assert.equal(u.properties.notBefore?.getTime(), clock.now());
    assert.equal(u.properties.updatedOn.getTime(), clock.now());
  });

  it('rotate creates a new version with the same type, size and operations', () => {
    const { keys } = makeEngine();
    const k1 = keys.create(OWNER, VAULT, 'k', { keyType: 'RSA', keySize: 3072, keyOps: ['wrapKey', 'unwrapKey'] });
    const k2 = keys.rotate(OWNER, VAULT, 'k');
    assert.notEqual(k2.properties.version, k1.properties.version);
    assert.equal(k2.properties.keySize, 3072);
    assert.deepEqual(k2.properties.keyOps, ['wrapKey', 'unwrapKey']);
    assert.notEqual(k2.key.n, k1.key.n);
    assert.equal(keys.get(OWNER, VAULT, 'k').properties.version, k2.properties.version);
    assert.equal(keys.listVersions(OWNER, VAULT, 'k').length, 2);
    // The old version still works for its own operations.
    const wrapped = keys.wrapKey(OWNER, VAULT, 'k', k1.properties.version, 'RSA-OAEP', Buffer.alloc(32, 7));
    assert.equal(wrapped.kid, k1.key.kid);
    assert.deepEqual(Buffer.from(keys.unwrapKey(OWNER, VAULT, 'k', k1.properties.version, 'RSA-OAEP', wrapped.result).result), Buffer.alloc(32, 7));
  });
});

describe('keys: cryptographic operations', () => {
  it('encrypt/decrypt and wrapKey/unwrapKey round-trip with RSA-OAEP, RSA-OAEP-256 and RSA1_5', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'dek', { keyType: 'RSA' });
    for (const alg of ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'] as const) {
      const ct = keys.encrypt(OWNER, VAULT, 'dek', undefined, alg, Buffer.from('plain text'));
      assert.equal(Buffer.from(keys.decrypt(OWNER, VAULT, 'dek', undefined, alg, ct.result).result).toString(), 'plain text');
      const w = keys.wrapKey(OWNER, VAULT, 'dek', undefined, alg, Buffer.alloc(32, 1));
      assert.deepEqual(Buffer.from(keys.unwrapKey(OWNER, VAULT, 'dek', undefined, alg, w.result).result), Buffer.alloc(32, 1));
    }
  });

  it('sign/verify round-trip for RS, PS and ES algorithms; a wrong digest does not verify', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'rsa', { keyType: 'RSA' });
    keys.create(OWNER, VAULT, 'ec', { keyType: 'EC', curve: 'P-384' });
    const d = (bits: number) => digest(`sha${bits}`, Buffer.from('hello'));
    for (const [name, alg, bits] of [['rsa', 'RS256', 256], ['rsa', 'PS512', 512], ['ec', 'ES384', 384]] as const) {
      const sig = keys.sign(OWNER, VAULT, name, undefined, alg, d(bits));
      assert.equal(keys.verify(OWNER, VAULT, name, undefined, alg, d(bits), sig.result), true);
      assert.equal(keys.verify(OWNER, VAULT, name, undefined, alg, digest(`sha${bits}`, Buffer.from('other')), sig.result), false);
    }
  });

  it('signing with a key whose key_ops lack sign is refused', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'dek', { keyType: 'RSA', keyOps: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] });
    assert.throws(() => keys.sign(OWNER, VAULT, 'dek', undefined, 'RS256', Buffer.alloc(32)), err(errors.operationNotPermittedByKey('sign')));
    keys.update(OWNER, VAULT, 'dek', undefined, { keyOps: ['sign'] });
    assert.throws(() => keys.encrypt(OWNER, VAULT, 'dek', undefined, 'RSA-OAEP', Buffer.from('x')), err(errors.operationNotPermittedByKey('encrypt')));
    assert.doesNotThrow(() => keys.sign(OWNER, VAULT, 'dek', undefined, 'RS256', Buffer.alloc(32)));
  });

  it('an EC key has no encryption or wrapping: refused properly', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'ec', { keyType: 'EC', keyOps: ['sign', 'verify', 'encrypt', 'wrapKey'] });
    assert.throws(() => keys.encrypt(OWNER, VAULT, 'ec', undefined, 'RSA-OAEP', Buffer.from('x')), { status: 400, code: 'BadParameter' });
    assert.throws(() => keys.wrapKey(OWNER, VAULT, 'ec', undefined, 'RSA-OAEP', Buffer.alloc(16)), { status: 400, code: 'BadParameter' });
    keys.create(OWNER, VAULT, 'ec2', { keyType: 'EC' });
    assert.throws(() => keys.encrypt(OWNER, VAULT, 'ec2', undefined, 'RSA-OAEP', Buffer.from('x')), err(errors.operationNotPermittedByKey('encrypt')));
  });

  it('a disabled key refuses cryptographic operations with KeyDisabled', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC', enabled: false });
    assert.throws(() => keys.sign(OWNER, VAULT, 'k', undefined, 'ES256', Buffer.alloc(32)), err(errors.keyDisabled('sign')));
  });

  it('the caller needs the key permission of the operation (verify allowed, sign refused)', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    const sig = keys.sign(OWNER, VAULT, 'k', undefined, 'ES256', Buffer.alloc(32, 3));
    assert.equal(keys.verify(READER, VAULT, 'k', undefined, 'ES256', Buffer.alloc(32, 3), sig.result), true);
    assert.throws(() => keys.sign(READER, VAULT, 'k', undefined, 'ES256', Buffer.alloc(32)), { status: 403, innerCode: 'ForbiddenByPolicy', message: /does not have keys sign permission/ });
    for (const [perm, call] of [
      ['create', () => keys.create(READER, VAULT, 'x', { keyType: 'EC' })],
      ['update', () => keys.update(READER, VAULT, 'k', undefined, { enabled: false })],
      ['rotate', () => keys.rotate(READER, VAULT, 'k')],
      ['delete', () => keys.delete(READER, VAULT, 'k')],
      ['backup', () => keys.backup(READER, VAULT, 'k')],
      ['decrypt', () => keys.decrypt(READER, VAULT, 'k', undefined, 'RSA-OAEP', Buffer.alloc(256))],
    ] as const) {
      assert.throws(call, { status: 403, message: new RegExp(`does not have keys ${perm.toLowerCase()} permission`) });
    }
  });

  it('crypto operations are audited as KeySign/KeyVerify/KeyEncrypt/KeyDecrypt/KeyWrap/KeyUnwrap', () => {
    const { keys, core } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'RSA' });
    const ct = keys.encrypt(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', Buffer.from('x'));
    keys.decrypt(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', ct.result);
    const w = keys.wrapKey(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', Buffer.alloc(16));
    keys.unwrapKey(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', w.result);
    const s = keys.sign(OWNER, VAULT, 'k', undefined, 'RS256', Buffer.alloc(32));
    keys.verify(OWNER, VAULT, 'k', undefined, 'RS256', Buffer.alloc(32), s.result);
    assert.deepEqual(core.state.audit.all().map((e) => e.operation), ['KeyCreate', 'KeyEncrypt', 'KeyDecrypt', 'KeyWrap', 'KeyUnwrap', 'KeySign', 'KeyVerify']);
    assert.ok(core.state.audit.all().every((e) => e.target.startsWith(`https://${VAULT}.vault.azure.net/keys/k`)));
  });
});

