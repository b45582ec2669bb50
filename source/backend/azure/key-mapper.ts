/** @azure/keyvault-keys models ↔ domain keys (JWK byte arrays ↔ base64url strings). */
import type { DeletedKey as SdkDeletedKey, JsonWebKey, KeyProperties as SdkKeyProperties, KeyRotationPolicy as SdkRotationPolicy, KeyVaultKey as SdkKey } from '@azure/keyvault-keys';
import type { KeyRotationPolicy, LifetimeActionType } from '../../domain/rotation-policy.js';
import type {
  CurveName, DeletedKey, ImportJsonWebKey, KeyOperation, KeyProperties, KeyType, KeyVaultKey, PublicJsonWebKey,
} from '../../domain/key.js';
import { versionPropertiesFromSdk, type SdkVersionProperties } from './version-mapper.js';

const b64u = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('base64url') : undefined);
const bytes = (s: string | undefined) => (s ? new Uint8Array(Buffer.from(s, 'base64url')) : undefined);

/** What a list item cannot say (Key Vault's KeyItem has no kty or key_ops). */
export interface KeyShape {
  keyType?: KeyType;
  keyOps?: KeyOperation[];
  jwk?: JsonWebKey;
}

export function keyPropertiesFromSdk(vaultName: string, p: SdkKeyProperties, shape: KeyShape = {}): KeyProperties {
  const jwk = shape.jwk;
  const keyType = (shape.keyType ?? jwk?.kty ?? 'RSA') as KeyType;
  return {
    ...versionPropertiesFromSdk(vaultName, p as SdkVersionProperties),
    keyType,
    ...(jwk?.n ? { keySize: jwk.n.length * 8 } : {}),
    ...(jwk?.crv ? { curve: jwk.crv as CurveName } : {}),
    keyOps: [...((shape.keyOps ?? jwk?.keyOps ?? []) as KeyOperation[])],
    ...(p.managed ? { managed: true } : {}),
  };
}

export function publicJwkFromSdk(k: JsonWebKey | undefined, fallbackKid: string): PublicJsonWebKey {
  return {
    kid: k?.kid ?? fallbackKid,
    kty: (k?.kty ?? 'RSA') as KeyType,
    key_ops: [...((k?.keyOps ?? []) as KeyOperation[])],
    ...(k?.n ? { n: b64u(k.n) } : {}),
    ...(k?.e ? { e: b64u(k.e) } : {}),
    ...(k?.crv ? { crv: k.crv as CurveName } : {}),
    ...(k?.x ? { x: b64u(k.x) } : {}),
    ...(k?.y ? { y: b64u(k.y) } : {}),
  };
}

export function keyFromSdk(vaultName: string, k: SdkKey): KeyVaultKey {
  return {
    properties: keyPropertiesFromSdk(vaultName, k.properties, { keyType: k.keyType as KeyType, keyOps: k.keyOperations as KeyOperation[], jwk: k.key }),
    key: publicJwkFromSdk(k.key, k.id ?? ''),
  };
}

export function deletedKeyFromSdk(vaultName: string, d: SdkDeletedKey): DeletedKey {
  const p = d.properties;
  return {
    properties: keyPropertiesFromSdk(vaultName, p, { keyType: d.keyType as KeyType, keyOps: d.keyOperations as KeyOperation[], jwk: d.key }),
    key: publicJwkFromSdk(d.key, d.id ?? ''),
    recoveryId: p.recoveryId ?? '',
    deletedOn: p.deletedOn ?? new Date(0),
    scheduledPurgeDate: p.scheduledPurgeDate ?? new Date(0),
  };
}

export function importJwkToSdk(k: ImportJsonWebKey): JsonWebKey {
  return {
    kty: k.kty,
    ...(k.key_ops ? { keyOps: k.key_ops } : {}),
    n: bytes(k.n), e: bytes(k.e), d: bytes(k.d), p: bytes(k.p), q: bytes(k.q),
    dp: bytes(k.dp), dq: bytes(k.dq), qi: bytes(k.qi),
    ...(k.crv ? { crv: k.crv } : {}),
    x: bytes(k.x), y: bytes(k.y),
  } as JsonWebKey;
}

/** The SDK's rotation policy has the domain's shape; only the action names are normalised (the service may answer in either case). */
export function rotationPolicyFromSdk(p: SdkRotationPolicy): KeyRotationPolicy {
  return {
    ...(p.id ? { id: p.id } : {}),
    lifetimeActions: (p.lifetimeActions ?? []).map((a) => ({
      action: (String(a.action).toLowerCase() === 'rotate' ? 'Rotate' : 'Notify') as LifetimeActionType,
      ...(a.timeAfterCreate ? { timeAfterCreate: a.timeAfterCreate } : {}),
      ...(a.timeBeforeExpiry ? { timeBeforeExpiry: a.timeBeforeExpiry } : {}),
    })),
    ...(p.expiresIn ? { expiresIn: p.expiresIn } : {}),
    ...(p.createdOn ? { createdOn: p.createdOn } : {}),
    ...(p.updatedOn ? { updatedOn: p.updatedOn } : {}),
  };
}
