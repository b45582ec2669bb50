/** Record → domain objects for the data plane. Ids come from core.vaultUri; keys carry the public JWK only. */
import { deletedKeyId, deletedSecretId, keyId, secretId } from '../domain/ids.js';
import type { DeletedKey, KeyProperties, KeyVaultKey, PublicJsonWebKey } from '../domain/key.js';
import type { DeletedSecret, Secret, SecretProperties } from '../domain/secret.js';
import type { EngineCore } from './core.js';
import { publicPart } from './key-crypto.js';
import type { Deleted, KeyRecord, KeyVersionRecord, SecretRecord, SecretVersionRecord, VaultRecord } from './state.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});
const frozenTags = (tags: Record<string, string>): Readonly<Record<string, string>> => {
  for (const _ in tags) return Object.freeze({ ...tags });
  return NO_TAGS;
};

export function toSecretProperties(core: EngineCore, vault: VaultRecord, name: string, v: SecretVersionRecord): SecretProperties {
  // The hot path of get: a cached entry is valid while the vault-level parts match. The vault URI needs
  // no check here: a record belongs to one engine, whose vaultUri for this vault's name never changes.
  const hit = (v as Cached)[PROPS];
  if (hit && hit.name === name && hit.vaultName === vault.name && hit.recoverableDays === vault.softDeleteRetentionDays
    && hit.recoveryLevel === core.recoveryLevel(vault)) {
    return hit;
  }
  return secretPropertiesMaker(core, vault)(name, v);
}

/**
 * A mapper with the per-vault parts (URI, recovery level) computed once. Results are cached per
 * version record and frozen: listing 100,000 secrets would otherwise allocate 400,000 objects (props,
 * tags, two Dates) on every listing, and GC of those dominated the time. The cache lives exactly as
 * long as the record (WeakMap), and an entry is used only while the vault-level parts still match;
 * whoever changes a version record in place must call forgetSecretProperties(record).
 */
// A symbol-keyed slot on the record rather than a WeakMap: 100,000 WeakMap entries made every GC
// slow (ephemerons). JSON.stringify and structuredClone skip symbol keys, so snapshots never see it.
const PROPS = Symbol('secretProperties');
type Cached = SecretVersionRecord & { [PROPS]?: SecretProperties };

export function forgetSecretProperties(v: SecretVersionRecord): void {
  (v as Cached)[PROPS] = undefined;
}

/** The vault-level parts every SecretProperties of `vault` depends on, as one comparable string. */
export function secretPropertiesStamp(core: EngineCore, vault: VaultRecord): string {
  return `${core.vaultUri(vault.name)}\n${core.recoveryLevel(vault)}\n${vault.softDeleteRetentionDays}\n${vault.name}`;
}

export function secretPropertiesMaker(core: EngineCore, vault: VaultRecord): (name: string, v: SecretVersionRecord) => SecretProperties {
  const base = `${core.vaultUri(vault.name)}secrets/`;
  const recoveryLevel = core.recoveryLevel(vault);
  const recoverableDays = vault.softDeleteRetentionDays;
  const vaultName = vault.name;
  return (name, v) => {
    const hit = (v as Cached)[PROPS];
    if (hit && hit.recoveryLevel === recoveryLevel && hit.recoverableDays === recoverableDays && hit.vaultName === vaultName && hit.name === name && hit.id.startsWith(base)) {
      return hit;
    }
    // Cached for as long as the record lives, so kept small: at 100,000 secrets every field counts.
    // No tags share one frozen empty object; a version never updated shares one Date for both times.
    const createdOn = new Date(v.created);
    const props: SecretProperties = Object.freeze({
      vaultName,
      name,
      version: v.version,
      id: `${base}${name}/${v.version}`,
      contentType: v.contentType,
      tags: frozenTags(v.tags),
      enabled: v.enabled,
      notBefore: date(v.notBefore),
      expiresOn: date(v.expiresOn),
      createdOn,
      updatedOn: v.updated === v.created ? createdOn : new Date(v.updated),
      recoveryLevel,
      recoverableDays,
    });
    (v as Cached)[PROPS] = props;
    return props;
  };
}

export function toSecret(core: EngineCore, vault: VaultRecord, name: string, v: SecretVersionRecord): Secret {
  return { properties: toSecretProperties(core, vault, name, v), value: v.value };
}

export function toDeletedSecret(core: EngineCore, vault: VaultRecord, d: Deleted<SecretRecord>): DeletedSecret {
  const latest = d.item.versions[d.item.versions.length - 1];
  return {
    properties: toSecretProperties(core, vault, d.item.name, latest),
    recoveryId: deletedSecretId(core.vaultUri(vault.name), d.item.name),
    deletedOn: new Date(d.deletedOn),
    scheduledPurgeDate: new Date(d.scheduledPurge),
  };
}

export function toKeyProperties(core: EngineCore, vault: VaultRecord, name: string, v: KeyVersionRecord): KeyProperties {
  return {
    vaultName: vault.name,
    name,
    version: v.version,
    id: keyId(core.vaultUri(vault.name), name, v.version),
    keyType: v.keyType,
    keySize: v.keySize,
    curve: v.curve,
    keyOps: [...v.keyOps],
    enabled: v.enabled,
    notBefore: date(v.notBefore),
    expiresOn: date(v.expiresOn),
    createdOn: new Date(v.created),
    updatedOn: new Date(v.updated),
    tags: { ...v.tags },
    recoveryLevel: core.recoveryLevel(vault),
    recoverableDays: vault.softDeleteRetentionDays,
  };
}

/** The public JWK, built field by field so no private member can slip through. */
export function toPublicJwk(core: EngineCore, vault: VaultRecord, name: string, v: KeyVersionRecord): PublicJsonWebKey {
  const pub = publicPart(v.privateJwk);
  const jwk: PublicJsonWebKey = { kid: keyId(core.vaultUri(vault.name), name, v.version), kty: v.keyType, key_ops: [...v.keyOps] };
  if (pub.n !== undefined) jwk.n = pub.n;
  if (pub.e !== undefined) jwk.e = pub.e;
  if (pub.crv !== undefined) jwk.crv = pub.crv;
  if (pub.x !== undefined) jwk.x = pub.x;
  if (pub.y !== undefined) jwk.y = pub.y;
  return jwk;
}

export function toKey(core: EngineCore, vault: VaultRecord, name: string, v: KeyVersionRecord): KeyVaultKey {
  return { properties: toKeyProperties(core, vault, name, v), key: toPublicJwk(core, vault, name, v) };
}

export function toDeletedKey(core: EngineCore, vault: VaultRecord, d: Deleted<KeyRecord>): DeletedKey {
  const latest = d.item.versions[d.item.versions.length - 1];
  return {
    ...toKey(core, vault, d.item.name, latest),
    recoveryId: deletedKeyId(core.vaultUri(vault.name), d.item.name),
    deletedOn: new Date(d.deletedOn),
    scheduledPurgeDate: new Date(d.scheduledPurge),
  };
}
