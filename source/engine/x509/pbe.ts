/**
 * Password-based encryption and integrity of PKCS#12 (RFC 7292) and PKCS#5 (RFC 8018), with node:crypto:
 * PBES2 (PBKDF2 + AES or 3DES) to read and write, the legacy PKCS#12 PBEs (SHA-1 with 3DES, RC2) to read,
 * and the PFX MAC. Passwords are never stored or logged; errors never include them.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hash as digestOnce, pbkdf2Sync, randomBytes } from 'node:crypto';
import * as asn1 from 'asn1js';
import { errors } from '../../domain/errors.js';
import { algorithm, bytesOf, intOf, items, nul, octets, oid, oidOf, seq, small, type Node } from './der.js';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1', '1.2.840.113549.2.9': 'sha256', '1.2.840.113549.2.10': 'sha384', '1.2.840.113549.2.11': 'sha512',
};
const CIPHER: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
/** pbeWithSHAAnd… (RFC 7292 appendix C): cipher, key and IV lengths. */
const PKCS12_PBE: Record<string, { name: string; keyLength: number; ivLength: number }> = {
  '1.2.840.113549.1.12.1.3': { name: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  '1.2.840.113549.1.12.1.4': { name: 'des-ede-cbc', keyLength: 16, ivLength: 8 },
  '1.2.840.113549.1.12.1.5': { name: 'rc2-cbc', keyLength: 16, ivLength: 8 },
  '1.2.840.113549.1.12.1.6': { name: 'rc2-40-cbc', keyLength: 5, ivLength: 8 },
};
const HASH_OID: Record<string, 'sha1' | 'sha256' | 'sha384' | 'sha512'> = {
  '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SHA256 = '2.16.840.1.101.3.4.2.1';
const ITERATIONS = 2048;

export const wrongPassword = () =>
  errors.badParameter('The PFX could not be opened with the password given: check the password (leave it empty for a PFX without one).');

/** A PKCS#12 password as the KDF wants it: BMPString (UTF-16 big-endian) with a two-byte terminator; none → empty. */
function bmpPassword(password: string | undefined): Buffer {
  if (password === undefined) return Buffer.alloc(0);
  const le = Buffer.from(`${password}\0`, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

/** RFC 7292 appendix B.2: id 1 = key, 2 = IV, 3 = MAC key. */
function pkcs12Kdf(hash: string, password: Buffer, salt: Uint8Array, id: number, iterations: number, length: number): Buffer {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const fill = (src: Uint8Array) => {
    if (src.length === 0) return Buffer.alloc(0);
    const n = v * Math.ceil(src.length / v);
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = src[i % src.length];
    return out;
  };
  const D = Buffer.alloc(v, id);
  let I = Buffer.concat([fill(salt), fill(password)]);
  const out: Buffer[] = [];
  for (let got = 0; got < length; got += u) {
    let A = createHash(hash).update(D).update(I).digest();
    // The one-shot hash: a few thousand rounds per PFX, and createHash's object per round cost most of the time.
    for (let i = 1; i < iterations; i++) A = digestOnce(hash, A, 'buffer');
    out.push(A);
    const B = fill(A).subarray(0, v);
    const next = Buffer.alloc(I.length);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const x = I[j + k] + B[k] + carry;
        next[j + k] = x & 0xff;
        carry = x >> 8;
      }
    }
    I = next;
  }
  return Buffer.concat(out).subarray(0, length);
}

function run(cipher: string, key: Buffer, iv: Buffer, data: Uint8Array, decrypt: boolean): Buffer {
  try {
    const c = decrypt ? createDecipheriv(cipher, key, iv) : createCipheriv(cipher, key, iv);
    return Buffer.concat([c.update(data), c.final()]);
  } catch (e) {
    if (/unsupported|unknown cipher|not supported/i.test(String((e as Error).message))) {
      throw errors.badParameter(`The PFX is encrypted with ${cipher.toUpperCase()}, which this runtime cannot decrypt; export it again with AES-256 (for example openssl pkcs12 -export without -legacy).`);
    }
    throw wrongPassword();
  }
}

/** Decrypts data under an AlgorithmIdentifier of PBES2 or a PKCS#12 PBE. */
export function pbeDecrypt(alg: Node, data: Uint8Array, password: string | undefined): Buffer {
  const [id, params] = items(alg, 'encryption algorithm');
  const algId = oidOf(id, 'encryption algorithm');
  if (algId === PBES2) {
    const [kdf, scheme] = items(params, 'PBES2 parameters');
    const [kdfId, kdfParams] = items(kdf, 'PBES2 parameters');
    if (oidOf(kdfId, 'PBES2 parameters') !== PBKDF2) throw errors.badParameter('The PFX uses a key derivation other than PBKDF2, which is not supported.');
    const p = items(kdfParams, 'PBKDF2 parameters');
    const salt = bytesOf(p[0], 'PBKDF2 salt');
    const iterations = intOf(p[1], 'PBKDF2 iterations');
    const prfNode = p.find((n) => n instanceof asn1.Sequence);
    const prf = prfNode ? PRF[oidOf(items(prfNode, 'PBKDF2 prf')[0], 'PBKDF2 prf')] : 'sha1';
    const [encId, iv] = items(scheme, 'PBES2 cipher');
    const cipher = CIPHER[oidOf(encId, 'PBES2 cipher')];
    if (!prf || !cipher) throw errors.badParameter('The PFX is encrypted with an algorithm that is not supported; export it again with AES-256.');
    const key = pbkdf2Sync(Buffer.from(password ?? '', 'utf8'), salt, iterations, cipher.keyLength, prf);
    return run(cipher.name, key, Buffer.from(bytesOf(iv, 'PBES2 IV')), data, true);
  }
  const pbe = PKCS12_PBE[algId];
  if (!pbe) throw errors.badParameter('The PFX is encrypted with an algorithm that is not supported; export it again with AES-256.');
  const [salt, iterations] = items(params, 'PBE parameters');
  const pw = bmpPassword(password ?? '');
  const s = bytesOf(salt, 'PBE salt');
  const n = intOf(iterations, 'PBE iterations');
  return run(pbe.name, pkcs12Kdf('sha1', pw, s, 1, n, pbe.keyLength), pkcs12Kdf('sha1', pw, s, 2, n, pbe.ivLength), data, true);
}

/** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC (what current tools write); the AlgorithmIdentifier and the ciphertext. */
export function pbeEncrypt(data: Uint8Array, password: string): { alg: Node; encrypted: Buffer } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, ITERATIONS, 32, 'sha256');
  const alg = algorithm(PBES2, seq(
    algorithm(PBKDF2, seq(octets(salt), small(ITERATIONS), algorithm('1.2.840.113549.2.9', nul()))),
    algorithm('2.16.840.1.101.3.4.1.42', octets(iv)),
  ));
  return { alg, encrypted: run('aes-256-cbc', key, iv, data, false) };
}

/**
 * MacData over the authenticated safe: HMAC-SHA-256 with the PKCS#12 KDF. Without a password (Key Vault's
 * secrets) the MAC is only a checksum — the empty password protects nothing — so it takes one round (the
 * ASN.1 default, left out as DER wants) instead of 2,048 that would only cost time at every issue.
 */
export function buildMac(content: Uint8Array, password: string | undefined, salt: Uint8Array = randomBytes(16)): Node {
  const iterations = password === undefined ? 1 : ITERATIONS;
  const key = pkcs12Kdf('sha256', bmpPassword(password ?? ''), salt, 3, iterations, 32);
  const digest = createHmac('sha256', key).update(content).digest();
  const mac = seq(algorithm(SHA256, nul()), octets(digest));
  return iterations === 1 ? seq(mac, octets(salt)) : seq(mac, octets(salt), small(iterations));
}

/** Checks a PFX's MAC; a wrong password fails here. An absent password also tries the empty one, as OpenSSL does. */
export function verifyMac(macData: Node, content: Uint8Array, password: string | undefined): void {
  const [digestInfo, salt, iterations] = items(macData, 'PFX MAC');
  const [alg, digest] = items(digestInfo, 'PFX MAC');
  const hash = HASH_OID[oidOf(items(alg, 'PFX MAC')[0], 'PFX MAC')];
  if (!hash) throw errors.badParameter('The PFX is protected by a MAC algorithm that is not supported.');
  const n = iterations ? intOf(iterations, 'PFX MAC') : 1;
  const want = Buffer.from(bytesOf(digest, 'PFX MAC'));
  const s = bytesOf(salt, 'PFX MAC');
  const tries = password ? [bmpPassword(password)] : [bmpPassword(''), Buffer.alloc(0)];
  for (const pw of tries) {
    const key = pkcs12Kdf(hash, pw, s, 3, n, createHash(hash).digest().length);
    if (createHmac(hash, key).update(content).digest().equals(want)) return;
  }
  throw wrongPassword();
}

