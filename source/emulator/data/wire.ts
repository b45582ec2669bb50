/**
 * Key Vault data-plane JSON, typed: the bodies Azure's REST specs define (attributes in Unix seconds,
 * `nbf`/`exp`, `recoveryId`, `deletedDate`, `scheduledPurgeDate`, JWK `kid`/`key_ops`), the mappers from
 * domain objects to them, and the readers of request fields. One shape per concept, shared by every kind.
 */
import { KeyVaultError } from '../../domain/errors.js';
import type { DeletedKey, KeyProperties, KeyVaultKey, PublicJsonWebKey } from '../../domain/key.js';
import type { KeyRotationPolicy, LifetimeActionType } from '../../domain/rotation-policy.js';
import type { DeletedSecret, RecoveryLevel, Secret, SecretProperties } from '../../domain/secret.js';

// ---- response bodies ----

/** The attributes object every kind shares (times in Unix seconds). */
export interface AttributesWire {
  enabled: boolean;
  nbf?: number;
  exp?: number;
  created?: number;
  updated?: number;
  recoveryLevel: RecoveryLevel;
  recoverableDays: number;
}

/** What a bin entry adds to an item or bundle. */
export interface DeletedWire {
  recoveryId: string;
  deletedDate?: number;
  scheduledPurgeDate?: number;
}

export interface SecretItemWire {
  id: string;
  attributes: AttributesWire;
  tags: Record<string, string>;
  contentType?: string;
  /** A certificate's secret: `managed: true` and the certificate's key id. */
  managed?: boolean;
  kid?: string;
}

export interface SecretBundleWire extends SecretItemWire {
  /** Only where Azure returns it: get, and set echoing what was sent. */
  value?: string;
}

export interface KeyItemWire {
  kid: string;
  attributes: AttributesWire;
  tags: Record<string, string>;
  managed?: boolean;
}

export interface KeyBundleWire {
  key: PublicJsonWebKey;
  attributes: AttributesWire;
  tags: Record<string, string>;
  managed?: boolean;
}

const managedOf = (p: { managed?: boolean }) => (p.managed ? { managed: true } : {});

const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

type AttributeFields = Pick<SecretProperties, 'enabled' | 'notBefore' | 'expiresOn' | 'createdOn' | 'updatedOn' | 'recoveryLevel' | 'recoverableDays'>;

export function attributes(p: AttributeFields): AttributesWire {
  return {
    enabled: p.enabled,
    nbf: seconds(p.notBefore),
    exp: seconds(p.expiresOn),
    created: seconds(p.createdOn),
    updated: seconds(p.updatedOn),
    recoveryLevel: p.recoveryLevel,
    recoverableDays: p.recoverableDays,
  };
}

export function deletedFields(d: { recoveryId: string; deletedOn: Date; scheduledPurgeDate: Date }): DeletedWire {
  return { recoveryId: d.recoveryId, deletedDate: seconds(d.deletedOn), scheduledPurgeDate: seconds(d.scheduledPurgeDate) };
}

/** An id without its version: Key Vault's listings (and its bin's) name objects, not versions. */
export const unversioned = (id: string) => id.replace(/\/[0-9a-f]{32}$/, '');

export const secretItem = (p: SecretProperties): SecretItemWire => ({
  id: p.id, attributes: attributes(p), tags: p.tags, contentType: p.contentType, ...managedOf(p), ...(p.keyId ? { kid: p.keyId } : {}),
});
/** A listed secret: unversioned id (version listings use secretItem). */
export const listedSecret = (p: SecretProperties): SecretItemWire => ({ ...secretItem(p), id: unversioned(p.id) });

export function secretBundle(p: SecretProperties, value?: string): SecretBundleWire {
  return { ...(value !== undefined ? { value } : {}), ...secretItem(p) };
}

export const secretWithValue = (s: Secret): SecretBundleWire => secretBundle(s.properties, s.value);
export const deletedSecretBody = (d: DeletedSecret): SecretItemWire & DeletedWire => ({ ...deletedFields(d), ...secretItem(d.properties) });
export const listedDeletedSecret = (d: DeletedSecret): SecretItemWire & DeletedWire => ({ ...deletedFields(d), ...listedSecret(d.properties) });

export const keyItem = (p: KeyProperties): KeyItemWire => ({ kid: p.id, attributes: attributes(p), tags: p.tags, ...managedOf(p) });
/** A listed key: unversioned kid (version listings use keyItem). */
export const listedKey = (p: KeyProperties): KeyItemWire => ({ ...keyItem(p), kid: unversioned(p.id) });
export const keyBundle = (k: KeyVaultKey): KeyBundleWire => ({
  key: { ...k.key, kid: k.properties.id }, attributes: attributes(k.properties), tags: k.properties.tags, ...managedOf(k.properties),
});
export const deletedKeyBody = (d: DeletedKey): KeyBundleWire & DeletedWire => ({ ...deletedFields(d), ...keyBundle(d) });
export const listedDeletedKey = (d: DeletedKey): KeyItemWire & DeletedWire => ({ ...deletedFields(d), ...listedKey(d.properties) });

/** A key's rotation policy on the wire (7.3+): triggers and action types nested, times in Unix seconds. */
export interface RotationPolicyWire {
  id?: string;
  lifetimeActions: { trigger: { timeAfterCreate?: string; timeBeforeExpiry?: string }; action: { type: string } }[];
  attributes: { expiryTime?: string; created?: number; updated?: number };
}

export function rotationPolicyBody(p: KeyRotationPolicy): RotationPolicyWire {
  return {
    id: p.id,
    lifetimeActions: p.lifetimeActions.map((a) => ({
      trigger: { ...(a.timeAfterCreate ? { timeAfterCreate: a.timeAfterCreate } : {}), ...(a.timeBeforeExpiry ? { timeBeforeExpiry: a.timeBeforeExpiry } : {}) },
      action: { type: a.action },
    })),
    attributes: { ...(p.expiresIn ? { expiryTime: p.expiresIn } : {}), created: seconds(p.createdOn), updated: seconds(p.updatedOn) },
  };
}

/** A PUT body's policy; action types compare case-insensitively (SDKs send "Rotate" or "rotate"); the engine judges the rest. */
export function rotationPolicyField(body: Record<string, unknown>): Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'> {
  const raw = body.lifetimeActions ?? [];
  if (!Array.isArray(raw)) throw bad("Property 'lifetimeActions' must be an array.");
  const lifetimeActions = raw.map((a, i) => {
    const entry = objectField(a, `lifetimeActions[${i}]`);
    const trigger = objectField(entry.trigger, `lifetimeActions[${i}].trigger`);
    const type = stringField(objectField(entry.action, `lifetimeActions[${i}].action`).type, `lifetimeActions[${i}].action.type`) ?? '';
    const action = (type.toLowerCase() === 'rotate' ? 'Rotate' : type.toLowerCase() === 'notify' ? 'Notify' : type) as LifetimeActionType;
    const timeAfterCreate = stringField(trigger.timeAfterCreate, `lifetimeActions[${i}].trigger.timeAfterCreate`);
    const timeBeforeExpiry = stringField(trigger.timeBeforeExpiry, `lifetimeActions[${i}].trigger.timeBeforeExpiry`);
    return { action, ...(timeAfterCreate ? { timeAfterCreate } : {}), ...(timeBeforeExpiry ? { timeBeforeExpiry } : {}) };
  });
  return { lifetimeActions, expiresIn: stringField(objectField(body.attributes, 'attributes').expiryTime, 'attributes.expiryTime') };
}

// ---- request fields ----

const bad = (message: string) => new KeyVaultError(400, 'BadParameter', message);

/** Unix seconds (number) → Date; null clears; undefined leaves alone; anything else is a BadParameter. */
export function dateField(value: unknown, field: string): Date | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(`Property '${field}' must be a number of seconds since 1970-01-01.`);
  return new Date(value * 1000);
}

export function stringField(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw bad(`Property '${field}' must be a string.`);
  return value;
}

export function boolField(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw bad(`Property '${field}' must be true or false.`);
  return value;
}

export function tagsField(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw bad("Property 'tags' must be an object of string values.");
  }
  return value as Record<string, string>;
}

export function objectField(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw bad(`Property '${field}' must be an object.`);
  return value as Record<string, unknown>;
}

/** base64url bytes in a body (`value`, `digest`); missing or not base64url → BadParameter. */
export function bytesField(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_\-+/=]*$/.test(value)) throw bad(`Property '${field}' must be a base64url string.`);
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

export const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** The `attributes` of a create/set/update body and the tags: what every kind's writes read. */
export interface WrittenAttributes {
  enabled?: boolean;
  notBefore: Date | null | undefined;
  expiresOn: Date | null | undefined;
  tags?: Record<string, string>;
}

export function writtenAttributes(body: Record<string, unknown>): WrittenAttributes {
  const attrs = objectField(body.attributes, 'attributes');
  return {
    enabled: boolField(attrs.enabled, 'attributes.enabled'),
    notBefore: dateField(attrs.nbf, 'attributes.nbf'),
    expiresOn: dateField(attrs.exp, 'attributes.exp'),
    tags: tagsField(body.tags),
  };
}

/** For creates, where null means nothing either. */
export const createdAttributes = (body: Record<string, unknown>) => {
  const a = writtenAttributes(body);
  return { ...a, notBefore: a.notBefore ?? undefined, expiresOn: a.expiresOn ?? undefined };
};
