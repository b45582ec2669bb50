/** The secret kind for the generic lifecycle: ids, errors and record → domain mapping (never the value, but in toSecret). */
import { errors } from '../../domain/errors.js';
import { objectId } from '../../domain/ids.js';
import { OBJECT_KINDS } from '../../domain/object-kind.js';
import type { DeletedSecret, Secret, SecretProperties } from '../../domain/secret.js';
import type { EngineCore } from '../core.js';
import type { Deleted, SecretRecord, SecretVersionRecord, VaultRecord } from '../state.js';
import { cachedProps, rememberProps } from '../store/props-cache.js';
import { binFields, latest, vaultStamp, type KindSpec } from './kind.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});
/** Tags frozen for sharing; no tags share one frozen empty object (at 100,000 secrets every field counts). */
export const frozenTags = (tags: Record<string, string>): Readonly<Record<string, string>> => {
  for (const _ in tags) return Object.freeze({ ...tags });
  return NO_TAGS;
};

/**
 * A secret version's properties, frozen and cached on the version (props-cache.ts) while the
 * vault-level parts (name, URI, recovery level, retention) still match: the hot path of get and list.
 */
export function secretProperties(core: EngineCore, vault: VaultRecord, name: string, v: SecretVersionRecord, managed = false): SecretProperties {
  const recoveryLevel = core.recoveryLevel(vault);
  const recoverableDays = vault.softDeleteRetentionDays;
  const hit = cachedProps<SecretProperties>(v);
  // The vault URI needs no check: a record belongs to one engine, whose vaultUri for this vault's name never changes.
  if (hit && hit.name === name && hit.vaultName === vault.name && hit.recoveryLevel === recoveryLevel && hit.recoverableDays === recoverableDays) {
    return hit;
  }
  const createdOn = new Date(v.created);
  return rememberProps(v, Object.freeze({
    vaultName: vault.name,
    name,
    version: v.version,
    id: `${core.vaultUri(vault.name)}secrets/${name}/${v.version}`,
    contentType: v.contentType,
    tags: frozenTags(v.tags),
    enabled: v.enabled,
    notBefore: date(v.notBefore),
    expiresOn: date(v.expiresOn),
    createdOn,
    // A version never updated shares one Date for both times.
    updatedOn: v.updated === v.created ? createdOn : new Date(v.updated),
    recoveryLevel,
    recoverableDays,
    ...(managed ? { managed, keyId: objectId(core.vaultUri(vault.name), 'key', name, v.version) } : {}),
  }));
}

export function toSecret(core: EngineCore, vault: VaultRecord, r: SecretRecord, v: SecretVersionRecord): Secret {
  return { properties: secretProperties(core, vault, r.name, v, r.managed), value: v.value };
}

export const SECRET_KIND: KindSpec<SecretRecord, SecretProperties, DeletedSecret, SecretProperties, Secret> = {
  info: OBJECT_KINDS.secret,
  notFound: errors.secretNotFound,
  deletedNotFound: errors.deletedSecretNotFound,
  properties: (core, vault, r, v) => secretProperties(core, vault, r.name, v, r.managed),
  stamp: vaultStamp,
  deleted: (core, vault, d: Deleted<SecretRecord>) => ({
    properties: secretProperties(core, vault, d.item.name, latest(d.item), d.item.managed),
    ...binFields(core, vault, OBJECT_KINDS.secret, d),
  }),
  full: (core, vault, r, v) => toSecret(core, vault, r, v),
  readable: (v) => {
    if (!v.enabled) throw errors.secretDisabled();
  },
  restored: (core, vault, r) => secretProperties(core, vault, r.name, latest(r), r.managed),
  backupVersionOk: (v) => typeof v.value === 'string',
};
