/**
 * Domain objects ↔ Key Vault data-plane JSON (the field names of the REST specs: attributes in Unix
 * seconds, `nbf`/`exp`, `recoveryId`, `deletedDate`, `scheduledPurgeDate`, JWK `kid`/`key_ops`).
 */
import { KeyVaultError } from '../../domain/errors.js';
import type { DeletedKey, KeyProperties, KeyVaultKey } from '../../domain/key.js';
import type { DeletedSecret, Secret, SecretProperties } from '../../domain/secret.js';

const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

/** Unix seconds (number) → Date; null clears; undefined leaves alone; anything else is a BadParameter. */
export function dateField(value: unknown, field: string): Date | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new KeyVaultError(400, 'BadParameter', `Property '${field}' must be a number of seconds since 1970-01-01.`);
  }
  return new Date(value * 1000);
}

export function stringField(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new KeyVaultError(400, 'BadParameter', `Property '${field}' must be a string.`);
  return value;
}

export function boolField(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new KeyVaultError(400, 'BadParameter', `Property '${field}' must be true or false.`);
  return value;
}

export function tagsField(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new KeyVaultError(400, 'BadParameter', "Property 'tags' must be an object of string values.");
  }
  return value as Record<string, string>;
}

export function objectField(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new KeyVaultError(400, 'BadParameter', `Property '${field}' must be an object.`);
  return value as Record<string, unknown>;
}

/** base64url bytes in a body (`value`, `digest`); missing or not base64url → BadParameter. */
export function bytesField(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_\-+/=]*$/.test(value)) {
    throw new KeyVaultError(400, 'BadParameter', `Property '${field}' must be a base64url string.`);
  }
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

export const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** The attributes object secrets and keys share on the wire (times in Unix seconds). */
type AttributeFields = Pick<SecretProperties, 'enabled' | 'notBefore' | 'expiresOn' | 'createdOn' | 'updatedOn' | 'recoveryLevel' | 'recoverableDays'>;

function attributes(p: AttributeFields) {
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

/** A list item: never a value. */
export function secretItem(p: SecretProperties) {
  return { id: p.id, attributes: attributes(p), tags: p.tags, contentType: p.contentType };
}

/** A secret bundle; the value only where Azure returns it (get, and set echoing what was sent). */
export function secretBundle(p: SecretProperties, value?: string) {
  return { ...(value !== undefined ? { value } : {}), id: p.id, contentType: p.contentType, attributes: attributes(p), tags: p.tags };
}

export const secretWithValue = (s: Secret) => secretBundle(s.properties, s.value);

export function deletedSecretBody(d: DeletedSecret) {
  return {
    recoveryId: d.recoveryId,
    deletedDate: seconds(d.deletedOn),
    scheduledPurgeDate: seconds(d.scheduledPurgeDate),
    ...secretItem(d.properties),
  };
}


export function keyItem(p: KeyProperties) {
  return { kid: p.id, attributes: attributes(p), tags: p.tags };
}

export function keyBundle(k: KeyVaultKey) {
  return { key: { ...k.key, kid: k.properties.id }, attributes: attributes(k.properties), tags: k.properties.tags };
}

export function deletedKeyBody(d: DeletedKey) {
  return {
    recoveryId: d.recoveryId,
    deletedDate: seconds(d.deletedOn),
    scheduledPurgeDate: seconds(d.scheduledPurgeDate),
    ...keyBundle({ properties: d.properties, key: d.key }),
  };
}

export function deletedKeyItem(d: DeletedKey) {
  return {
    recoveryId: d.recoveryId,
    deletedDate: seconds(d.deletedOn),
    scheduledPurgeDate: seconds(d.scheduledPurgeDate),
    ...keyItem(d.properties),
  };
}
