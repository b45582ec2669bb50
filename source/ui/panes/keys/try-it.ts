/**
 * "Try it": proves a key works without it leaving the vault. The text is hashed here and only the
 * digest is sent to sign (Key Vault signs digests); encryption sends the text and gets ciphertext
 * back, then asks the vault to decrypt it again. Nothing here is kept, cached or logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Backend } from '../../../backend/backend.js';
import type { EncryptionAlgorithm, KeyProperties, SignatureAlgorithm } from '../../../domain/key.js';
import type { VaultRef } from '../../../domain/vault.js';

export type TryOperation = 'sign' | 'encrypt' | 'wrap';

export interface TryResult {
  operation: TryOperation;
  keyName: string;
  kid: string;
  algorithm: string;
  /** base64 of the signature, ciphertext or wrapped key. */
  output: string;
  /** The digest that was signed (base64), for sign. */
  digest?: string;
  /** sign: verify said true; encrypt/wrap: the round trip gave the input back. */
  verified: boolean;
  text: string;
}

/** What the key's permitted operations allow us to try, most telling first. */
export function tryOperations(k: Pick<KeyProperties, 'keyOps' | 'keyType'>): TryOperation[] {
  const has = (op: string) => k.keyOps.includes(op as never);
  const out: TryOperation[] = [];
  if (has('sign') && has('verify')) out.push('sign');
  if (k.keyType.startsWith('RSA') && has('encrypt') && has('decrypt')) out.push('encrypt');
  if (k.keyType.startsWith('RSA') && has('wrapKey') && has('unwrapKey')) out.push('wrap');
  return out;
}

export const TRY_LABEL: Record<TryOperation, string> = { sign: 'sign, then verify', encrypt: 'encrypt, then decrypt', wrap: 'wrap a random key, then unwrap' };

/** The signature algorithm and its hash for a key: ES256/384/512/256K by curve, RS256 for RSA. */
export function signatureAlgorithm(k: Pick<KeyProperties, 'keyType' | 'curve'>): { algorithm: SignatureAlgorithm; hash: 'sha256' | 'sha384' | 'sha512' } {
  if (k.keyType.startsWith('EC')) {
    if (k.curve === 'P-384') return { algorithm: 'ES384', hash: 'sha384' };
    if (k.curve === 'P-521') return { algorithm: 'ES512', hash: 'sha512' };
    if (k.curve === 'P-256K') return { algorithm: 'ES256K', hash: 'sha256' };
    return { algorithm: 'ES256', hash: 'sha256' };
  }
  return { algorithm: 'RS256', hash: 'sha256' };
}

const ENCRYPTION: EncryptionAlgorithm = 'RSA-OAEP-256';
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

export async function tryKey(backend: Backend, vault: VaultRef, k: KeyProperties, operation: TryOperation, text: string, signal?: AbortSignal): Promise<TryResult> {
  const o = { signal };
  const base = { operation, keyName: k.name, text };
  if (operation === 'sign') {
    const { algorithm, hash } = signatureAlgorithm(k);
    const digest = new Uint8Array(createHash(hash).update(text, 'utf8').digest());
    const signed = await backend.keys.sign(vault, k.name, undefined, algorithm, digest, o);
    const verified = await backend.keys.verify(vault, k.name, undefined, algorithm, digest, signed.result, o);
    return { ...base, kid: signed.kid, algorithm, output: b64(signed.result), digest: b64(digest), verified };
  }
  if (operation === 'encrypt') {
    const plain = new Uint8Array(Buffer.from(text, 'utf8'));
    const enc = await backend.keys.encrypt(vault, k.name, undefined, ENCRYPTION, plain, o);
    const dec = await backend.keys.decrypt(vault, k.name, undefined, ENCRYPTION, enc.result, o);
    return { ...base, kid: enc.kid, algorithm: ENCRYPTION, output: b64(enc.result), verified: same(dec.result, plain) };
  }
  const cek = new Uint8Array(randomBytes(32));
  const wrapped = await backend.keys.wrapKey(vault, k.name, undefined, ENCRYPTION, cek, o);
  const unwrapped = await backend.keys.unwrapKey(vault, k.name, undefined, ENCRYPTION, wrapped.result, o);
  return { ...base, text: '(a random 256-bit key)', kid: wrapped.kid, algorithm: ENCRYPTION, output: b64(wrapped.result), verified: same(unwrapped.result, cek) };
}
