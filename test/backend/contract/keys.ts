import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import { describe, it } from 'node:test';
import type { PublicJsonWebKey } from '../../../source/domain/key.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

const PRIVATE_FIELDS = ['"d"', '"p"', '"q"', '"dp"', '"dq"', '"qi"'];
const assertPublicOnly = (x: unknown) => {
  const json = JSON.stringify(x);
  for (const f of PRIVATE_FIELDS) assert.ok(!json.includes(f), `private member ${f} in ${json.slice(0, 80)}`);
};
const nodeKey = (k: PublicJsonWebKey) =>
  createPublicKey({ key: k.kty.startsWith('EC') ? { kty: 'EC', crv: k.crv, x: k.x, y: k.y } : { kty: 'RSA', n: k.n, e: k.e }, format: 'jwk' });
const sha256 = (m: Buffer) => createHash('sha256').update(m).digest();

export function keysContract(c: ContractContext): void {
  describe('keys', () => {
    it('the demo keys have their types and operations, and get returns the public part only', async () => {
      const b = c.backend();
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const dek = await b.keys.get(v, 'data-encryption-key');
      assert.equal(dek.key.kty, 'RSA');
      assert.equal(Buffer.from(dek.key.n!, 'base64url').length, 256);
      assert.deepEqual(dek.properties.keyOps.slice().sort(), ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey']);
      const signing = await b.keys.get(v, 'app-signing-key');
      assert.equal(signing.key.kty, 'EC');
      assert.equal(signing.key.crv, 'P-256');
      assert.deepEqual(signing.properties.keyOps.slice().sort(), ['sign', 'verify']);
      assertPublicOnly([dek, signing, await b.keys.listPage(v)]);
    });

    it('an ES256 signature by the demo signing key verifies with node over the same message', async () => {
      const b = c.backend();
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const key = await b.keys.get(v, 'app-signing-key');
      const msg = Buffer.from(`contract ${c.unique('m')}`);
      const sig = await b.keys.sign(v, 'app-signing-key', undefined, 'ES256', sha256(msg));
      assert.equal(sig.result.length, 64);
      assert.ok(nodeVerify('sha256', msg, { key: nodeKey(key.key), dsaEncoding: 'ieee-p1363' }, sig.result));
      assert.equal(await b.keys.verify(v, 'app-signing-key', undefined, 'ES256', sha256(msg), sig.result), true);
    });

    it('signing with a key whose key_ops lack sign is refused', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      await rejectsWith(c.backend().keys.sign(v, 'data-encryption-key', undefined, 'RS256', sha256(Buffer.from('x'))), { status: 403, code: 'Forbidden', innerCode: 'KeyOperationForbidden' });
    });

    it('RSA keys encrypt/decrypt and wrap/unwrap with RSA-OAEP and RSA-OAEP-256', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('rsa');
      const k = await b.keys.create(v, name, { keyType: 'RSA', keySize: 2048 });
      assertPublicOnly(k);
      for (const alg of ['RSA-OAEP', 'RSA-OAEP-256'] as const) {
        const ct = await b.keys.encrypt(v, name, undefined, alg, Buffer.from('hello'));
        assert.equal(Buffer.from((await b.keys.decrypt(v, name, undefined, alg, ct.result)).result).toString(), 'hello');
        const w = await b.keys.wrapKey(v, name, undefined, alg, Buffer.alloc(32, 5));
        assert.deepEqual(Buffer.from((await b.keys.unwrapKey(v, name, undefined, alg, w.result)).result), Buffer.alloc(32, 5));
      }
      const msg = Buffer.from('signed');
      const sig = await b.keys.sign(v, name, undefined, 'PS256', sha256(msg));
      assert.ok(nodeVerify('sha256', msg, { key: nodeKey(k.key), padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }, sig.result));
    });

    it('an EC key refuses encryption', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('ec');
      await b.keys.create(v, name, { keyType: 'EC', curve: 'P-256' });
      await rejectsWith(b.keys.encrypt(v, name, undefined, 'RSA-OAEP', Buffer.from('x')), { status: 403, code: 'Forbidden', innerCode: 'KeyOperationForbidden' });
    });

    it('rotate makes a new version; update changes key_ops and enabled; a disabled key refuses to sign', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('rot');
      const k1 = await b.keys.create(v, name, { keyType: 'EC', curve: 'P-256', keyOps: ['sign', 'verify'] });
      const k2 = await b.keys.rotate(v, name);
      assert.notEqual(k2.properties.version, k1.properties.version);
      assert.equal(k2.properties.curve, 'P-256');
      assert.equal((await b.keys.listVersions(v, name)).length, 2);
      const u = await b.keys.update(v, name, undefined, { keyOps: ['verify'], tags: { owner: 'contract' } });
      assert.deepEqual(u.properties.keyOps, ['verify']);
      await rejectsWith(b.keys.sign(v, name, undefined, 'ES256', Buffer.alloc(32)), { status: 403, code: 'Forbidden', innerCode: 'KeyOperationForbidden' });
      await b.keys.update(v, name, k1.properties.version, { enabled: false });
      await rejectsWith(b.keys.sign(v, name, k1.properties.version, 'ES256', Buffer.alloc(32)), { status: 403, code: 'Forbidden' });
    });

    it('imports a JWK and returns only its public part', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as Record<string, string>;
      const k = await b.keys.import(v, c.unique('imp'), { key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d, key_ops: ['sign', 'verify'] } });
      assert.equal(k.key.x, jwk.x);
      assertPublicOnly(k);
    });

    it('a caller without keys/sign or keys/get is refused with ForbiddenByPolicy', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const admin = await c.asPrincipal(c.ids.principals.securityAdmin); // keys get, list
      assert.equal((await admin.keys.get(v, 'app-signing-key')).key.kty, 'EC');
      await rejectsWith(admin.keys.sign(v, 'app-signing-key', undefined, 'ES256', Buffer.alloc(32)), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /keys sign permission/ });
      const web = await c.asPrincipal(c.ids.principals.webApp); // no key permissions
      await rejectsWith(web.keys.get(v, 'app-signing-key'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /keys get permission/ });
    });
  });
}
