/**
 * What secrets and keys share: input rules (names, tags, dates) and the lifecycle of an object with
 * versions — soft delete, recover, purge, automatic purge, restore — over a pair of maps (active,
 * deleted) keyed by lower-cased name. Messages never include values.
 */
import { errors } from '../domain/errors.js';
import { MAX_TAG_PART_LENGTH, MAX_TAGS } from '../domain/secret.js';
import { isValidObjectName, objectKey } from '../domain/names.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { DAY_MS } from './clock.js';
import { noteAdded, noteRemoved } from './name-index.js';
import type { Deleted, VaultRecord } from './state.js';

export type Kind = 'Secret' | 'Key';

export interface Versioned<V extends { version: string }> {
  name: string;
  versions: V[];
}

export function checkName(name: string): string {
  if (typeof name !== 'string' || !isValidObjectName(name)) throw errors.badParameterName(String(name));
  return objectKey(name);
}

export function checkTags(tags: Record<string, string> | undefined): Record<string, string> {
  if (tags === undefined) return {};
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) throw errors.badParameter(`At most ${MAX_TAGS} tags are allowed; ${entries.length} were given.`);
  for (const [k, v] of entries) {
    if (k.length === 0 || k.length > MAX_TAG_PART_LENGTH) {
      throw errors.badParameter(`A tag name must be 1 to ${MAX_TAG_PART_LENGTH} characters long; one is ${k.length}.`);
    }
    if (typeof v !== 'string') throw errors.badParameter(`The value of tag '${k.slice(0, 64)}' must be a string.`);
    if (v.length > MAX_TAG_PART_LENGTH) {
      throw errors.badParameter(`The value of tag '${k.slice(0, 64)}' is ${v.length} characters long; at most ${MAX_TAG_PART_LENGTH} are allowed.`);
    }
  }
  return { ...tags };
}

/** Key Vault keeps times in whole Unix seconds; so do we, so every backend answers the same dates. */
export function toSeconds(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw errors.badParameter(`The ${field} date is not a valid date.`);
  return Math.floor(ms / 1000) * 1000;
}

export const nowSeconds = (core: EngineCore): number => Math.floor(core.now() / 1000) * 1000;

/** Applies an optional date: undefined keeps, null clears. */
export function applyDate(current: number | undefined, next: Date | null | undefined, field: string): number | undefined {
  if (next === undefined) return current;
  if (next === null) return undefined;
  return toSeconds(next, field);
}

/** The latest version, or the named one; unknown → not found (reported by the caller's kind). */
export function findVersion<V extends { version: string }>(record: Versioned<V>, version: string | undefined): V | undefined {
  if (version === undefined || version === '') return record.versions[record.versions.length - 1];
  const v = version.toLowerCase();
  for (let i = record.versions.length - 1; i >= 0; i--) if (record.versions[i].version === v) return record.versions[i];
  return undefined;
}

export function refuseIfDeleted(deleted: Map<string, unknown>, key: string, kind: Kind, name: string): void {
  if (deleted.has(key)) throw errors.objectDeletedButRecoverable(kind, name);
}

/** Moves an object with all its versions to the deleted map; scheduled purge = now + retention. */
export function softDelete<T extends Versioned<{ version: string }>>(
  core: EngineCore, vault: VaultRecord, active: Map<string, T>, deleted: Map<string, Deleted<T>>, key: string,
): Deleted<T> {
  const item = active.get(key)!;
  const deletedOn = nowSeconds(core);
  const entry: Deleted<T> = { item, deletedOn, scheduledPurge: deletedOn + vault.softDeleteRetentionDays * DAY_MS };
  active.delete(key);
  noteRemoved(active);
  deleted.set(key, entry);
  return entry;
}

export function recoverDeleted<T extends Versioned<{ version: string }>>(
  active: Map<string, T>, deleted: Map<string, Deleted<T>>, key: string,
): T {
  const entry = deleted.get(key)!;
  deleted.delete(key);
  active.set(key, entry.item);
  noteAdded(active, key);
  return entry.item;
}

/** Drops deleted objects whose scheduled purge date has passed; true when something went. */
export function purgeExpiredIn<T>(deleted: Map<string, Deleted<T>>, now: number): boolean {
  let any = false;
  for (const [key, entry] of deleted) {
    if (entry.scheduledPurge <= now) {
      deleted.delete(key);
      any = true;
    }
  }
  return any;
}

/** Restore checks: the name must be free (neither active nor soft-deleted). */
export function checkRestorable(vault: { active: Map<string, unknown>; deleted: Map<string, unknown> }, key: string, kind: Kind, name: string): void {
  refuseIfDeleted(vault.deleted, key, kind, name);
  if (vault.active.has(key)) throw errors.objectAlreadyExists(kind, name);
}

/** Sorted listing of a deleted map (small; no index needed). */
export function sortedDeleted<T>(deleted: Map<string, Deleted<T>>): Deleted<T>[] {
  return [...deleted.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, d]) => d);
}

/** A data-plane call: audited whatever happens, the vault found, then the caller's permission checked first. */
export function runDataPlane<T>(
  core: EngineCore, ctx: CallContext, area: 'secrets' | 'keys', operation: string, vaultName: string, target: string,
  permission: string, fn: (vault: VaultRecord) => T, successCode = 200,
): T {
  return core.audited(ctx, operation, { vaultName, target }, () => {
    const vault = core.dataPlaneVault(vaultName);
    core.authorize(ctx, vault, area, permission);
    return fn(vault);
  }, successCode);
}

/** Drops one deleted object whose purge date has passed, when it is touched (whether or not purgeExpired ran). */
export function expireDeleted(core: EngineCore, deleted: Map<string, Deleted<unknown>>, key: string): void {
  const d = deleted.get(key);
  if (d && d.scheduledPurge <= core.now()) {
    deleted.delete(key);
    core.changed();
  }
}
