/**
 * Access-policy permissions in compact form ("get list set", "all management + crypto + purge") and
 * the row model of the policies pane. Pure: unit-tested without rendering.
 */
import { PERMISSION_TEMPLATES, PERMISSIONS, type AccessPolicy, type PermissionArea, type Permissions } from '../../../domain/access-policy.js';
import type { Principal } from '../../../domain/directory.js';

/** The areas the console edits (storage accounts are a legacy feature the portal no longer shows). */
export const AREAS: readonly Exclude<PermissionArea, 'storage'>[] = ['keys', 'secrets', 'certificates'];

const templatePerms = (name: string) => PERMISSION_TEMPLATES.find((t) => t.name === name)!.permissions;
/** Each area's "management" set, as the portal's single-area templates define it. */
const MANAGEMENT: Record<(typeof AREAS)[number], readonly string[]> = {
  keys: templatePerms('Key Management').keys,
  secrets: templatePerms('Secret Management').secrets,
  certificates: templatePerms('Certificate Management').certificates,
};
const KEY_CRYPTO = templatePerms('Key, Secret & Certificate Management + crypto').keys.filter((p) => !MANAGEMENT.keys.includes(p));

const norm = (list: readonly string[]) => new Set(list.map((p) => p.toLowerCase()));
const canonical = (area: PermissionArea) => PERMISSIONS[area].filter((p) => p !== 'all');

/** Permissions of one area in Azure's order, deduplicated, spelled as Azure spells them. */
export function orderedPermissions(area: PermissionArea, list: readonly string[]): string[] {
  const have = norm(list);
  if (have.has('all')) return ['all'];
  const known = canonical(area).filter((p) => have.has(p.toLowerCase()));
  const unknown = list.filter((p) => !PERMISSIONS[area].some((k) => k.toLowerCase() === p.toLowerCase()));
  return [...known, ...unknown];
}

/** One area in a few words: "" (none), "all", "all management + crypto + purge", or "get list set". */
export function summarizeArea(area: (typeof AREAS)[number], list: readonly string[]): string {
  const have = norm(list);
  if (have.size === 0) return '';
  if (have.has('all') || canonical(area).every((p) => have.has(p.toLowerCase()))) return 'all';
  const mgmt = MANAGEMENT[area];
  if (!mgmt.every((p) => have.has(p.toLowerCase()))) return orderedPermissions(area, list).join(' ');
  const rest = new Set(orderedPermissions(area, list).filter((p) => !mgmt.includes(p)));
  const parts = ['all management'];
  if (area === 'keys' && KEY_CRYPTO.every((p) => rest.has(p))) {
    parts.push('crypto');
    for (const p of KEY_CRYPTO) rest.delete(p);
  }
  parts.push(...rest);
  return parts.join(' + ');
}

/** Every area that grants something: "secrets: get list set · keys: get list". */
export function summarizePermissions(p: Permissions): string {
  const parts = AREAS.map((a) => [a, summarizeArea(a, p[a])] as const).filter(([, s]) => s !== '').map(([a, s]) => `${a}: ${s}`);
  return parts.length ? parts.join(' · ') : 'nothing';
}

export interface PolicyRow {
  policy: AccessPolicy;
  /** From the directory; undefined when it cannot name the objectId. */
  principal?: Principal;
}

export const principalName = (r: PolicyRow) => r.principal?.displayName ?? '(unknown principal)';
export const KIND_LABEL: Record<string, string> = { user: 'user', application: 'application', managedIdentity: 'managed identity', group: 'group', unknown: 'unknown' };
export const principalKind = (r: PolicyRow) => KIND_LABEL[r.principal?.kind ?? 'unknown'] ?? 'unknown';

/** The template whose permissions equal these (keys, secrets and certificates), if any. */
export function matchingTemplate(p: Permissions): string | undefined {
  const eq = (a: readonly string[], b: readonly string[]) => norm(a).size === norm(b).size && [...norm(a)].every((x) => norm(b).has(x));
  return PERMISSION_TEMPLATES.find((t) => AREAS.every((a) => eq(t.permissions[a], p[a])))?.name;
}
