import type { VersionProperties } from './secret.js';

export type KeyType = 'RSA' | 'EC' | 'RSA-HSM' | 'EC-HSM';
export type CurveName = 'P-256' | 'P-384' | 'P-521' | 'P-256K';
export type KeyOperation = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'wrapKey' | 'unwrapKey' | 'import' | 'export';
export const KEY_OPERATIONS: readonly KeyOperation[] = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'];
/** Every name Key Vault accepts in key_ops (import/export included). */
export const ALL_KEY_OPERATIONS: readonly KeyOperation[] = [...KEY_OPERATIONS, 'import', 'export'];
/** What each key family can do: RSA everything, EC only signatures. A new key gets these by default. */
export const KEY_OPERATIONS_FOR: Readonly<Record<'RSA' | 'EC', readonly KeyOperation[]>> = {
  RSA: KEY_OPERATIONS,
  EC: ['sign', 'verify'],
};
/** What a key may do outside its nbf/exp window: Key Vault never crypto-locks data already protected. */
export const OPERATIONS_OUTSIDE_VALIDITY: readonly KeyOperation[] = ['decrypt', 'unwrapKey', 'verify'];

/** RSA or EC, whatever the protection (-HSM). */
export const keyFamily = (t: KeyType): 'RSA' | 'EC' => (t.startsWith('EC') ? 'EC' : 'RSA');

/**
 * Why these operations are not allowed, or undefined. Unknown names are always refused; with a family
 * (forms) also what that family cannot do — the engine, like Key Vault, stores such ops but they never work.
 */
export function keyOperationsProblem(ops: readonly string[], family?: 'RSA' | 'EC'): string | undefined {
  const unknown = ops.find((op) => !ALL_KEY_OPERATIONS.includes(op as KeyOperation));
  if (unknown !== undefined) return `The key operation '${String(unknown).slice(0, 64)}' is not valid. Use ${ALL_KEY_OPERATIONS.join(', ')}.`;
  if (!family) return undefined;
  const allowed = KEY_OPERATIONS_FOR[family];
  const unfit = ops.find((op) => KEY_OPERATIONS.includes(op as KeyOperation) && !allowed.includes(op as KeyOperation));
  return unfit === undefined ? undefined : `An ${family} key cannot ${unfit}; it can ${allowed.join(', ')}.`;
}
export const RSA_SIZES = [2048, 3072, 4096] as const;
export const EC_CURVES: readonly CurveName[] = ['P-256', 'P-384', 'P-521', 'P-256K'];

export type SignatureAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'ES256K';
export type EncryptionAlgorithm = 'RSA-OAEP' | 'RSA-OAEP-256' | 'RSA1_5';

/** The public part of a key, as Key Vault returns it (never d, p, q, dp, dq, qi). */
export interface PublicJsonWebKey {
  kid: string;
  kty: KeyType;
  key_ops: KeyOperation[];
  n?: string; // base64url
  e?: string;
  crv?: CurveName;
  x?: string;
  y?: string;
}

/** A full JWK for import (private parts included, base64url). */
export interface ImportJsonWebKey {
  kty: KeyType;
  key_ops?: KeyOperation[];
  n?: string; e?: string; d?: string; p?: string; q?: string; dp?: string; dq?: string; qi?: string;
  crv?: CurveName; x?: string; y?: string;
}

export interface KeyProperties extends VersionProperties {
  keyType: KeyType;
  keySize?: number;
  curve?: CurveName;
  keyOps: KeyOperation[];
  /** The key of a certificate: it changes only with the certificate. */
  managed?: boolean;
}

export interface KeyVaultKey {
  properties: KeyProperties;
  key: PublicJsonWebKey;
}

export interface KeyCreateInput {
  keyType: KeyType;
  keySize?: number;
  curve?: CurveName;
  keyOps?: KeyOperation[];
  enabled?: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  tags?: Record<string, string>;
}

export interface KeyImportInput {
  key: ImportJsonWebKey;
  enabled?: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  tags?: Record<string, string>;
}

/** `null` clears a date. */
export interface KeyUpdateInput {
  keyOps?: KeyOperation[];
  enabled?: boolean;
  notBefore?: Date | null;
  expiresOn?: Date | null;
  tags?: Record<string, string>;
}

export interface DeletedKey {
  properties: KeyProperties;
  key: PublicJsonWebKey;
  recoveryId: string;
  deletedOn: Date;
  scheduledPurgeDate: Date;
}

/** The result of a cryptographic operation done inside the vault. */
export interface KeyOperationResult {
  /** The key version that did the work. */
  kid: string;
  result: Uint8Array;
}
