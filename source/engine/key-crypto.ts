/**
 * The cryptography done "inside the vault", with node:crypto only. Key Vault signs a DIGEST (the
 * caller hashes), and node's sign() always hashes the input itself, so:
 * - RS256/384/512: PKCS#1 v1.5 type-1 padding over DigestInfo||digest with privateEncrypt.
 * - PS256/384/512: EMSA-PSS encoded here (salt length = digest length, MGF1 with the same hash),
 *   then raw RSA (privateDecrypt with RSA_NO_PADDING).
 * - ES256/384/512: ECDSA done here with BigInt arithmetic; the point multiplications k·G are done by
 *   node's ECDH (setPrivateKey(k).getPublicKey()). Verification uses the fact that the vault holds
 *   the private scalar d: u1·G + u2·Q = (u1 + u2·d)·G. Signatures are raw r||s (IEEE P1363), as Key Vault returns.
 * - RSA-OAEP (SHA-1), RSA-OAEP-256, RSA1_5 with publicEncrypt/privateDecrypt. Node ≥ 20.11 allows
 *   RSA_PKCS1_PADDING private decryption only with OpenSSL's implicit rejection (a bad ciphertext
 *   yields random bytes, not an error); node 24 here does. If a runtime refuses it we answer 400.
 */
import {
  constants, createECDH, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt,
  privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, timingSafeEqual, type KeyObject,
} from 'node:crypto';
import { EC_CURVES, type CurveName, type EncryptionAlgorithm, type SignatureAlgorithm } from '../domain/key.js';
import { errors } from '../domain/errors.js';

export type PrivateJwk = Record<string, string>;
type Hash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const PUBLIC_FIELDS = ['kty', 'n', 'e', 'crv', 'x', 'y'] as const;
const PRIVATE_FIELDS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export function generateRsa(size: number): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: size, publicExponent: 0x10001 });
  return privateKey.export({ format: 'jwk' }) as PrivateJwk;
}

/**
 * Key Vault names secp256k1 "P-256K"; node:crypto's JWK says "secp256k1". Stored JWKs use Key Vault's
 * name; node gets its own at the boundary.
 */
const toNodeJwk = (jwk: PrivateJwk): PrivateJwk => (jwk.crv === 'P-256K' ? { ...jwk, crv: 'secp256k1' } : jwk);
const fromNodeJwk = (jwk: PrivateJwk): PrivateJwk => (jwk.crv === 'secp256k1' ? { ...jwk, crv: 'P-256K' } : jwk);

export function generateEc(curve: CurveName): PrivateJwk {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: curve === 'P-256K' ? 'secp256k1' : curve });
  return fromNodeJwk(privateKey.export({ format: 'jwk' }) as PrivateJwk);
}

/** The public part only: never d, p, q, dp, dq, qi. */
export function publicPart(jwk: PrivateJwk): { n?: string; e?: string; crv?: CurveName; x?: string; y?: string } {
  const out: Record<string, string> = {};
  for (const f of PUBLIC_FIELDS) if (f !== 'kty' && jwk[f] !== undefined) out[f] = jwk[f];
  return out;
}

/** Validates an imported JWK (private parts required: the vault must be able to use it) and normalises it. */
export function importJwk(jwk: Record<string, unknown>): { jwk: PrivateJwk; keySize?: number; curve?: CurveName } {
  const kty = String(jwk.kty ?? '').replace(/-HSM$/, '');
  if (kty !== 'RSA' && kty !== 'EC') throw errors.badParameter(`The key type '${String(jwk.kty)}' is not supported. Use RSA or EC.`);
  if (jwk.d === undefined) throw errors.badParameter('The imported key must include its private part.');
  const input: Record<string, string> = { kty };
  for (const f of [...PUBLIC_FIELDS, ...PRIVATE_FIELDS]) {
    if (f !== 'kty' && typeof jwk[f] === 'string') input[f] = jwk[f] as string;
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: toNodeJwk(input), format: 'jwk' });
  } catch {
    throw errors.badParameter('The imported key is not a valid JSON Web Key.');
  }
  const exported = fromNodeJwk(key.export({ format: 'jwk' }) as PrivateJwk);
  if (kty === 'RSA') {
    const bits = Buffer.from(exported.n, 'base64url').length * 8;
    return { jwk: exported, keySize: bits };
  }
  const curve = exported.crv as CurveName;
  if (!EC_CURVES.includes(curve)) throw errors.badParameter(`The curve '${curve}' is not supported.`);
  return { jwk: exported, curve };
}

// KeyObjects are costly to build from JWK; cache per stored JWK object (records keep the same object).
const privateCache = new WeakMap<PrivateJwk, KeyObject>();
const publicCache = new WeakMap<PrivateJwk, KeyObject>();
function privateKeyOf(jwk: PrivateJwk): KeyObject {
  let k = privateCache.get(jwk);
  if (!k) privateCache.set(jwk, (k = createPrivateKey({ key: toNodeJwk(jwk), format: 'jwk' })));
  return k;
}
function publicKeyOf(jwk: PrivateJwk): KeyObject {
  let k = publicCache.get(jwk);
  if (!k) publicCache.set(jwk, (k = createPublicKey(privateKeyOf(jwk))));
  return k;
}

const HASH_OF: Record<SignatureAlgorithm, Hash> = {
  RS256: 'sha256', RS384: 'sha384', RS512: 'sha512',
  PS256: 'sha256', PS384: 'sha384', PS512: 'sha512',
  ES256: 'sha256', ES384: 'sha384', ES512: 'sha512', ES256K: 'sha256',
};
const HASH_LEN: Record<Hash, number> = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
const EC_CURVE_OF: Partial<Record<SignatureAlgorithm, CurveName>> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521', ES256K: 'P-256K' };
const DIGEST_INFO: Record<string, Buffer> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

function checkAlgorithm(jwk: PrivateJwk, algorithm: string, family: 'sign' | 'encrypt'): void {
  const kty = jwk.kty;
  const ok =
    family === 'sign'
      ? (kty === 'RSA' && /^(RS|PS)(256|384|512)$/.test(algorithm)) || (kty === 'EC' && EC_CURVE_OF[algorithm as SignatureAlgorithm] === jwk.crv)
      : kty === 'RSA' && ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'].includes(algorithm);
  if (!ok) {
    throw errors.badParameter(
      `The algorithm '${algorithm}' is not supported by this key (type ${kty}${jwk.crv ? `, curve ${jwk.crv}` : ''}).`,
    );
  }
}

function checkDigest(algorithm: SignatureAlgorithm, digest: Uint8Array): Hash {
  const hash = HASH_OF[algorithm];
  if (digest.length !== HASH_LEN[hash]) {
    throw errors.badParameter(`The digest for ${algorithm} must be ${HASH_LEN[hash]} bytes long; it is ${digest.length}.`);
  }
  return hash;
}

export function sign(jwk: PrivateJwk, algorithm: SignatureAlgorithm, digest: Uint8Array): Uint8Array {
  checkAlgorithm(jwk, algorithm, 'sign');
  const hash = checkDigest(algorithm, digest);
  if (algorithm.startsWith('RS')) {
    return new Uint8Array(privateEncrypt({ key: privateKeyOf(jwk), padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO[hash], digest])));
  }
  if (algorithm.startsWith('PS')) {
    const k = modulusBytes(jwk);
    const em = pssEncode(Buffer.from(digest), modulusBits(jwk) - 1, hash);
    return new Uint8Array(privateDecrypt({ key: privateKeyOf(jwk), padding: constants.RSA_NO_PADDING }, leftPad(em, k)));
  }
  return ecdsaSign(jwk, Buffer.from(digest));
}

export function verify(jwk: PrivateJwk, algorithm: SignatureAlgorithm, digest: Uint8Array, signature: Uint8Array): boolean {
  checkAlgorithm(jwk, algorithm, 'sign');
  const hash = checkDigest(algorithm, digest);
  if (algorithm.startsWith('RS') || algorithm.startsWith('PS')) {
    const k = modulusBytes(jwk);
    if (signature.length !== k) return false;
    if (algorithm.startsWith('RS')) {
      try {
        const got = publicDecrypt({ key: publicKeyOf(jwk), padding: constants.RSA_PKCS1_PADDING }, signature);
        const want = Buffer.concat([DIGEST_INFO[hash], digest]);
        return got.length === want.length && timingSafeEqual(got, want);
      } catch {
        return false;
      }
    }
    let em: Buffer;
    try {
      em = publicEncrypt({ key: publicKeyOf(jwk), padding: constants.RSA_NO_PADDING }, signature);
    } catch {
      return false; // signature ≥ n
    }
    return pssVerify(Buffer.from(digest), em, modulusBits(jwk) - 1, hash);
  }
  return ecdsaVerify(jwk, Buffer.from(digest), Buffer.from(signature));
}

const ENC: Record<EncryptionAlgorithm, { padding: number; oaepHash?: Hash }> = {
  'RSA-OAEP': { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
  'RSA-OAEP-256': { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
  RSA1_5: { padding: constants.RSA_PKCS1_PADDING },
};

export function encrypt(jwk: PrivateJwk, algorithm: EncryptionAlgorithm, plaintext: Uint8Array): Uint8Array {
  checkAlgorithm(jwk, algorithm, 'encrypt');
  const { padding, oaepHash } = ENC[algorithm];
  const k = modulusBytes(jwk);
  const max = oaepHash ? k - 2 * HASH_LEN[oaepHash] - 2 : k - 11;
  if (plaintext.length > max) {
    throw errors.badParameter(`The plaintext is too long for ${algorithm} with this key: at most ${max} bytes, got ${plaintext.length}.`);
  }
  return new Uint8Array(publicEncrypt({ key: publicKeyOf(jwk), padding, oaepHash }, plaintext));
}

export function decrypt(jwk: PrivateJwk, algorithm: EncryptionAlgorithm, ciphertext: Uint8Array): Uint8Array {
  checkAlgorithm(jwk, algorithm, 'encrypt');
  const { padding, oaepHash } = ENC[algorithm];
  if (ciphertext.length !== modulusBytes(jwk)) {
    throw errors.badParameter(`The ciphertext must be ${modulusBytes(jwk)} bytes long for this key; it is ${ciphertext.length}.`);
  }
  try {
    return new Uint8Array(privateDecrypt({ key: privateKeyOf(jwk), padding, oaepHash }, ciphertext));
  } catch (e) {
    const refused = e instanceof Error && /RSA_PKCS1_PADDING is no longer supported/i.test(e.message);
    throw errors.badParameter(
      refused
        ? 'RSA1_5 decryption is not available on this Node.js runtime (RSA_PKCS1_PADDING private decryption is disabled); use RSA-OAEP or RSA-OAEP-256.'
        : `The ciphertext could not be decrypted with this key using ${algorithm}.`,
    );
  }
}

// ---- RSA helpers ----

function modulusBytes(jwk: PrivateJwk): number {
  return Buffer.from(jwk.n, 'base64url').length;
}
function modulusBits(jwk: PrivateJwk): number {
  const n = Buffer.from(jwk.n, 'base64url');
  return (n.length - 1) * 8 + (32 - Math.clz32(n[0]));
}
function leftPad(b: Buffer, len: number): Buffer {
  return b.length >= len ? b : Buffer.concat([Buffer.alloc(len - b.length), b]);
}

function mgf1(seed: Buffer, length: number, hash: Hash): Buffer {
  const out: Buffer[] = [];
  for (let counter = 0, got = 0; got < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = createHash(hash).update(seed).update(c).digest();
    out.push(block);
    got += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** RFC 8017 EMSA-PSS-ENCODE over an already computed mHash, salt length = hash length. */
function pssEncode(mHash: Buffer, emBits: number, hash: Hash): Buffer {
  const hLen = HASH_LEN[hash];
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(hLen);
  const h = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const mask = mgf1(h, db.length, hash);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0xff >> (8 * emLen - emBits);
  return Buffer.concat([db, h, Buffer.from([0xbc])]);
}

/** RFC 8017 EMSA-PSS-VERIFY; accepts any salt length (as node's verify with RSA_PSS_SALTLEN_AUTO). */
function pssVerify(mHash: Buffer, emFull: Buffer, emBits: number, hash: Hash): boolean {
  const hLen = HASH_LEN[hash];
  const emLen = Math.ceil(emBits / 8);
  const em = emFull.subarray(emFull.length - emLen);
  if (emFull.length > emLen && emFull.subarray(0, emFull.length - emLen).some((b) => b !== 0)) return false;
  if (emLen < hLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const db = Buffer.from(em.subarray(0, emLen - hLen - 1));
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topMask = 0xff >> (8 * emLen - emBits);
  if ((db[0] & ~topMask) !== 0) return false;
  const mask = mgf1(h, db.length, hash);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= topMask;
  const one = db.indexOf(1);
  if (one < 0 || db.subarray(0, one).some((b) => b !== 0)) return false;
  const salt = db.subarray(one + 1);
  const h2 = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  return timingSafeEqual(h, h2);
}

// ---- ECDSA helpers ----

const ORDER: Record<CurveName, bigint> = {
  'P-256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  'P-384': 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  'P-521': 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  'P-256K': 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
};
const OPENSSL_CURVE: Record<CurveName, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1', 'P-256K': 'secp256k1' };
const COORD_LEN: Record<CurveName, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66, 'P-256K': 32 };

const toBig = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt('0x' + Buffer.from(b).toString('hex')));
function toBytes(x: bigint, len: number): Buffer {
  return Buffer.from(x.toString(16).padStart(len * 2, '0'), 'hex');
}
const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;
function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

/** x coordinate of t·G, computed natively by ECDH; undefined for the point at infinity. */
function baseMultiplyX(curve: CurveName, t: bigint): bigint | undefined {
  if (t === 0n) return undefined;
  const ecdh = createECDH(OPENSSL_CURVE[curve]);
  ecdh.setPrivateKey(toBytes(t, COORD_LEN[curve]));
  const pub = ecdh.getPublicKey(); // 04 || x || y
  return toBig(pub.subarray(1, 1 + COORD_LEN[curve]));
}

/** The digest as an integer, truncated to the bit length of the group order (FIPS 186-4). */
function digestInteger(curve: CurveName, digest: Buffer): bigint {
  const n = ORDER[curve];
  const nBits = n.toString(2).length;
  let z = toBig(digest);
  if (digest.length * 8 > nBits) z >>= BigInt(digest.length * 8 - nBits);
  return z;
}

function ecdsaSign(jwk: PrivateJwk, digest: Buffer): Uint8Array {
  const curve = jwk.crv as CurveName;
  const n = ORDER[curve];
  const d = toBig(Buffer.from(jwk.d, 'base64url'));
  const z = digestInteger(curve, digest);
  const len = COORD_LEN[curve];
  for (;;) {
    const k = mod(toBig(randomBytes(len + 8)), n - 1n) + 1n; // extra bytes make the bias negligible
    const r = mod(baseMultiplyX(curve, k)!, n);
    if (r === 0n) continue;
    const s = mod(modInverse(k, n) * (z + r * d), n);
    if (s === 0n) continue;
    return new Uint8Array(Buffer.concat([toBytes(r, len), toBytes(s, len)]));
  }
}

function ecdsaVerify(jwk: PrivateJwk, digest: Buffer, signature: Buffer): boolean {
  const curve = jwk.crv as CurveName;
  const len = COORD_LEN[curve];
  if (signature.length !== 2 * len) return false;
  const n = ORDER[curve];
  const r = toBig(signature.subarray(0, len));
  const s = toBig(signature.subarray(len));
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  const d = toBig(Buffer.from(jwk.d, 'base64url'));
  const w = modInverse(s, n);
  const u1 = mod(digestInteger(curve, digest) * w, n);
  const u2 = mod(r * w, n);
  const x = baseMultiplyX(curve, mod(u1 + u2 * d, n));
  return x !== undefined && mod(x, n) === r;
}
