/**
 * A sorted index of the keys of a Map (secrets or keys of one vault), kept outside the state so it is
 * never persisted. It is rebuilt lazily: additions are queued and merged in at the next listing (sort
 * the few new names, one linear merge), removals only mark it for a linear filter. So set/delete stay
 * O(1) and a page of 25 is a binary search on the continuation name.
 *
 * Code that adds to or removes from these maps elsewhere (seed, generators, persistence) needs to do
 * nothing: a size mismatch found at listing time triggers a full rebuild. Calling noteAdded/noteRemoved
 * just keeps the rebuild cheap.
 */
import { errors } from '../domain/errors.js';

interface Index {
  sorted: string[];
  pending: string[];
  removed: boolean;
  /** Display names in index order, built on demand; dropped whenever `sorted` changes. */
  names?: string[];
}

const indexes = new WeakMap<Map<string, unknown>, Index>();

function indexOf(map: Map<string, unknown>): Index {
  let ix = indexes.get(map);
  if (!ix) {
    ix = { sorted: [...map.keys()].sort(), pending: [], removed: false };
    indexes.set(map, ix);
  }
  return ix;
}

export function noteAdded(map: Map<string, unknown>, key: string): void {
  const ix = indexes.get(map);
  if (ix) ix.pending.push(key);
}

export function noteRemoved(map: Map<string, unknown>): void {
  const ix = indexes.get(map);
  if (ix) ix.removed = true;
}

/** The map's keys in ascending order (code-unit order of the lower-cased names). Do not mutate. */
export function sortedKeys(map: Map<string, unknown>): readonly string[] {
  return refresh(map).sorted;
}

function refresh(map: Map<string, unknown>): Index {
  const ix = indexOf(map);
  const before = ix.sorted;
  if (ix.removed) {
    ix.sorted = ix.sorted.filter((k) => map.has(k));
    ix.removed = false;
  }
  if (ix.pending.length > 0) {
    const add = ix.pending.filter((k) => map.has(k)).sort();
    ix.pending = [];
    ix.sorted = merge(ix.sorted, add);
  }
  if (ix.sorted.length !== map.size) ix.sorted = [...map.keys()].sort();
  if (ix.sorted !== before) ix.names = undefined;
  return ix;
}

/**
 * Every display name in order, without building any domain object: what the console needs to load a
 * 100,000-secret vault at once. Cached until a name is added or removed; callers get a copy.
 */
export function sortedNames<T extends { name: string }>(map: Map<string, T>): string[] {
  const ix = refresh(map);
  if (!ix.names) ix.names = ix.sorted.map((k) => map.get(k)!.name);
  return ix.names.slice();
}

/** Merges two sorted arrays, dropping duplicates (a name added, removed and added again). */
function merge(a: string[], b: string[]): string[] {
  if (b.length === 0) return a;
  const out = new Array<string>(a.length + b.length);
  let i = 0, j = 0, n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
  }
  out.length = n;
  return out;
}

/** First index whose key is strictly greater than `after`. */
function upperBound(keys: readonly string[], after: string): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const TOKEN_PREFIX = 'kvd1.';
export const DEFAULT_PAGE_SIZE = 25;
/**
 * In process a caller may take far larger pages than Key Vault's 25 (the console loads a 100,000-secret
 * vault in a few calls); the emulator caps the wire at 25 itself, as the service does.
 */
export const MAX_PAGE_SIZE = 100_000;

/** One page of keys after the continuation token; the token is opaque (base64url of the last key). */
export function pageKeys(
  map: Map<string, unknown>,
  page: { maxPageSize?: number; continuationToken?: string } | undefined,
): { keys: string[]; continuationToken?: string } {
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(page?.maxPageSize ?? DEFAULT_PAGE_SIZE)));
  const keys = sortedKeys(map);
  let start = 0;
  if (page?.continuationToken) start = upperBound(keys, decodeToken(page.continuationToken));
  const slice = keys.slice(start, start + size);
  const more = start + size < keys.length;
  return { keys: slice, continuationToken: more ? encodeToken(slice[slice.length - 1]) : undefined };
}

function encodeToken(lastKey: string): string {
  return TOKEN_PREFIX + Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  if (!token.startsWith(TOKEN_PREFIX)) throw errors.badParameter('The continuation token is not valid.');
  return Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
}
