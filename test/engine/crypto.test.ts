import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createHash, createPrivateKey, createPublicKey, publicEncrypt, privateDecrypt, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import * as kc from '../../source/engine/key-crypto.js';
import type { CurveName, SignatureAlgorithm } from '../../source/domain/key.js';

const rsa = kc.generateRsa(2048);
const ec: Record<CurveName, kc.PrivateJwk> = { 'P-256': kc.generateEc('P-256'), 'P-384': kc.generateEc('P-384'), 'P-521': kc.generateEc('P-521'), 'P-256K': kc.generateEc('P-256K') };
const message = Buffer.from('the quick brown fox');
const hashOf = (alg: string) => `sha${alg.slice(2, 5)}`;
const digest = (alg: string) => createHash(hashOf(alg)).update(message).digest();
/** Key Vault calls secp256k1 "P-256K"; node's JWK says "secp256k1". */
const nodeJwk = (jwk: kc.PrivateJwk) => (jwk.crv === 'P-256K' ? { ...jwk, crv: 'secp256k1' } : jwk);
const pub = (jwk: kc.PrivateJwk) => createPublicKey(createPrivateKey({ key: nodeJwk(jwk), format: 'jwk' }));
const priv = (jwk: kc.PrivateJwk) => createPrivateKey({ key: nodeJwk(jwk), format: 'jwk' });

describe('key cryptography', () => {
  for (const alg of ['RS256', 'RS384', 'RS512'] as SignatureAlgorithm[]) {
    it(`${alg} signature over a digest verifies with node's verify over the message, and back`, () => {
      const sig = kc.sign(rsa, alg, digest(alg));
      assert.equal(sig.length, 256);
      assert.ok(nodeVerify(hashOf(alg), message, pub(rsa), sig));
      const nodeSig = nodeSign(hashOf(alg), message, priv(rsa));
      assert.ok(kc.verify(rsa, alg, digest(alg), nodeSig));
      assert.equal(kc.verify(rsa, alg, createHash(hashOf(alg)).update('other').digest(), sig), false);
    });
  }
  for (const alg of ['PS256', 'PS384', 'PS512'] as SignatureAlgorithm[]) {
    it(`${alg} signature over a digest verifies with node's verify (PSS, salt = digest length), and back`, () => {
      const sig = kc.sign(rsa, alg, digest(alg));
      const opts = { key: pub(rsa), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 };
      assert.ok(nodeVerify(hashOf(alg), message, opts, sig));
      const nodeSig = nodeSign(hashOf(alg), message, { key: priv(rsa), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 });
      assert.ok(kc.verify(rsa, alg, digest(alg), nodeSig));
      const tampered = Buffer.from(sig);
      tampered[10] ^= 1;
      assert.equal(kc.verify(rsa, alg, digest(alg), tampered), false);
    });
  }
  for (const [alg, curve, len] of [['ES256', 'P-256', 64], ['ES384', 'P-384', 96], ['ES512', 'P-521', 132], ['ES256K', 'P-256K', 64]] as const) {
    it(`${alg} signature is raw r||s and verifies with node's verify over the same message, and back`, () => {
      const key = ec[curve];
      const sig = kc.sign(key, alg, digest(alg));
      assert.equal(sig.length, len);
      assert.ok(nodeVerify(hashOf(alg), message, { key: pub(key), dsaEncoding: 'ieee-p1363' }, sig));
      const nodeSig = nodeSign(hashOf(alg), message, { key: priv(key), dsaEncoding: 'ieee-p1363' });
      assert.ok(kc.verify(key, alg, digest(alg), nodeSig));
      assert.equal(kc.verify(key, alg, createHash(hashOf(alg)).update('other').digest(), sig), false);
      const tampered = Buffer.from(sig);
      tampered[len - 1] ^= 1;
      assert.equal(kc.verify(key, alg, digest(alg), tampered), false);
    });
  }
  it('a digest of the wrong length is refused with BadParameter', () => {
    assert.throws(() => kc.sign(rsa, 'RS256', Buffer.alloc(20)), { status: 400, code: 'BadParameter' });
  });
  it('an algorithm that does not fit the key is refused (ES384 on a P-256 key, RS256 on EC, encryption on EC)', () => {
    assert.throws(() => kc.sign(ec['P-256'], 'ES384', Buffer.alloc(48)), { status: 400, code: 'BadParameter' });
    assert.throws(() => kc.sign(ec['P-256'], 'RS256', Buffer.alloc(32)), { status: 400, code: 'BadParameter' });
    assert.throws(() => kc.encrypt(ec['P-256'], 'RSA-OAEP', Buffer.from('x')), { status: 400, code: 'BadParameter' });
  });
  for (const [alg, oaepHash, padding] of [
    ['RSA-OAEP', 'sha1', constants.RSA_PKCS1_OAEP_PADDING],
    ['RSA-OAEP-256', 'sha256', constants.RSA_PKCS1_OAEP_PADDING],
    ['RSA1_5', undefined, constants.RSA_PKCS1_PADDING],
  ] as const) {
    it(`${alg} encrypt/decrypt round-trips and interoperates with node`, () => {
      const plain = Buffer.from('a 32-byte content encryption key');
      const ct = kc.encrypt(rsa, alg, plain);
      assert.equal(ct.length, 256);
      assert.deepEqual(Buffer.from(kc.decrypt(rsa, alg, ct)), plain);
      assert.deepEqual(privateDecrypt({ key: priv(rsa), padding, oaepHash }, ct), plain);
      const nodeCt = publicEncrypt({ key: pub(rsa), padding, oaepHash }, plain);
      assert.deepEqual(Buffer.from(kc.decrypt(rsa, alg, nodeCt)), plain);
    });
  }
  it('a plaintext too long for the key is refused with BadParameter', () => {
    assert.throws(() => kc.encrypt(rsa, 'RSA-OAEP-256', Buffer.alloc(200)), { status: 400, code: 'BadParameter' });
  });
  it('an OAEP ciphertext that was tampered with is refused with BadParameter', () => {
    const ct = Buffer.from(kc.encrypt(rsa, 'RSA-OAEP', Buffer.from('x')));
    ct[5] ^= 1;
    assert.throws(() => kc.decrypt(rsa, 'RSA-OAEP', ct), { status: 400, code: 'BadParameter' });
  });
  it('the public part carries no private field', () => {
    for (const jwk of [rsa, ec['P-256']]) {
      const p = kc.publicPart(jwk) as Record<string, unknown>;
      for (const f of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(p[f], undefined);
    }
    assert.ok(kc.publicPart(rsa).n && kc.publicPart(ec['P-256']).x);
  });
  it('importing a JWK keeps the key usable and reports its size or curve', () => {
    const imported = kc.importJwk({ ...rsa, key_ops: ['sign'] });
    assert.equal(imported.keySize, 2048);
    assert.ok(kc.verify(imported.jwk, 'RS256', digest('RS256'), kc.sign(rsa, 'RS256', digest('RS256'))));
    assert.equal(kc.importJwk(ec['P-384']).curve, 'P-384');
    assert.throws(() => kc.importJwk({ kty: 'RSA', n: rsa.n, e: rsa.e }), { status: 400, code: 'BadParameter' });
    assert.throws(() => kc.importJwk({ kty: 'oct', k: 'AAAA' }), { status: 400, code: 'BadParameter' });
  });
});
