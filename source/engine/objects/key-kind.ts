/**
 * The key kind for the generic lifecycle: ids, errors and record → domain mapping. Everything returned
 * carries the public JWK only, built field by field so no private member can slip through.
 */
import { errors } from '../../domain/errors.js';
import { objectId } from '../../domain/ids.js';
import type { DeletedKey, KeyProperties, KeyVaultKey, PublicJsonWebKey } from '../../domain/key.js';
import { OBJECT_KINDS } from '../../domain/object-kind.js';
import type { EngineCore } from '../core.js';
import { publicPart } from '../key-crypto.js';
import type { Deleted, KeyRecord, KeyVersionRecord, VaultRecord } from '../state.js';
import { binFields, latest, vaultStamp, type KindSpec } from './kind.js';
import { frozenTags } from './secret-kind.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** Frozen: listings reuse these entries, so no caller may change one. */
export function keyProperties(core: EngineCore, vault: VaultRecord, name: string, v: KeyVersionRecord, managed = false): KeyProperties {
  return Object.freeze({
    vaultName: vault.name,
    name,
    version: v.version,
    id: objectId(core.vaultUri(vault.name), 'key', name, v.version),
    keyType: v.keyType,
    keySize: v.keySize,
    curve: v.curve,
    keyOps: Object.freeze([...v.keyOps]) as KeyProperties['keyOps'],
    enabled: v.enabled,
    notBefore: date(v.notBefore),
    expiresOn: date(v.expiresOn),
    createdOn: new Date(v.created),
    updatedOn: new Date(v.updated),
    tags: frozenTags(v.tags) as Record<string, string>,
    recoveryLevel: core.recoveryLevel(vault),
    recoverableDays: vault.softDeleteRetentionDays,
    ...(managed ? { managed } : {}),
  });
}

export function publicJwk(core: EngineCore, vault: VaultRecord, name: string, v: KeyVersionRecord): PublicJsonWebKey {
  const pub = publicPart(v.privateJwk);
  const jwk: PublicJsonWebKey = { kid: objectId(core.vaultUri(vault.name), 'key', name, v.version), kty: v.keyType, key_ops: [...v.keyOps] };
  if (pub.n !== undefined) jwk.n = pub.n;
  if (pub.e !== undefined) jwk.e = pub.e;
  if (pub.crv !== undefined) jwk.crv = pub.crv;
  if (pub.x !== undefined) jwk.x = pub.x;
  if (pub.y !== undefined) jwk.y = pub.y;
  return jwk;
}

export function toKey(core: EngineCore, vault: VaultRecord, r: KeyRecord, v: KeyVersionRecord): KeyVaultKey {
  return { properties: keyProperties(core, vault, r.name, v, r.managed), key: publicJwk(core, vault, r.name, v) };
}

export const KEY_KIND: KindSpec<KeyRecord, KeyProperties, DeletedKey, KeyVaultKey, KeyVaultKey> = {
  info: OBJECT_KINDS.key,
  notFound: errors.keyNotFound,
  deletedNotFound: errors.deletedKeyNotFound,
  properties: (core, vault, r, v) => keyProperties(core, vault, r.name, v, r.managed),
  stamp: vaultStamp,
  deleted: (core, vault, d: Deleted<KeyRecord>) => ({ ...toKey(core, vault, d.item, latest(d.item)), ...binFields(core, vault, OBJECT_KINDS.key, d) }),
  full: (core, vault, r, v) => toKey(core, vault, r, v),
  restored: (core, vault, r) => toKey(core, vault, r, latest(r)),
  backupVersionOk: (v) => typeof v.keyType === 'string' && Array.isArray(v.keyOps) && typeof v.privateJwk === 'object' && v.privateJwk !== null,
};
