/**
 * A sorted index of the keys of a Map (secrets or keys of one vault), kept outside the state so it is
 * never persisted. It is rebuilt lazily: additions are queued and merged in at the next listing (sort
 * the few new names, one linear merge), removals only mark it for a linear filter. So set/delete stay
 * O(1) and a page of 25 is a binary search on the continuation name.
 *
 * Code that adds to or removes from these maps elsewhere (seed, generators, persistence) needs to do
 * nothing: a size mismatch found at listing time triggers a full rebuild. Calling noteAdded/noteRemoved
 * just keeps the rebuild cheap. The one exception is the listing entries (pageEntries): a value
 * changed in place is invisible to the index, so whoever changes one must call noteChanged.
 */
import { errors } from '../domain/errors.js';

interface Index {
  sorted: string[];
  pending: string[];
  removed: boolean;
  /** Display names in index order, built on demand; dropped whenever `sorted` changes. */
  names?: string[];
  /**
   * Listing entries parallel to `sorted` (undefined = compute at the next listing that reaches it), so a
   * listing is a slice rather than 100,000 scattered map reads. Valid only for `stamp` (the vault-level
   * parts the entries were built with); carried through the incremental merge/filter, dropped on a rebuild.
   */
  entries?: unknown[];
  stamp?: string;
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
  if (!ix) return;
  ix.pending.push(key);
  // Removed and added again before the next listing: the old entry would survive the removal filter.
  invalidate(ix, key);
}

/** The value under `key` changed in place (a new version, new attributes): its listing entry is stale. */
export function noteChanged(map: Map<string, unknown>, key: string): void {
  const ix = indexes.get(map);
  if (ix) invalidate(ix, key);
}

function invalidate(ix: Index, key: string): void {
  if (!ix.entries) return;
  const i = upperBound(ix.sorted, key) - 1;
  if (i >= 0 && ix.sorted[i] === key) ix.entries[i] = undefined;
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
    if (ix.entries) {
      const sorted: string[] = [], entries: unknown[] = [];
      for (let i = 0; i < ix.sorted.length; i++) {
        if (map.has(ix.sorted[i])) { sorted.push(ix.sorted[i]); entries.push(ix.entries[i]); }
      }
      ix.sorted = sorted;
      ix.entries = entries;
    } else {
      ix.sorted = ix.sorted.filter((k) => map.has(k));
    }
    ix.removed = false;
  }
  if (ix.pending.length > 0) {
    const add = ix.pending.filter((k) => map.has(k)).sort();
    ix.pending = [];
    const merged = merge(ix.sorted, add, ix.entries);
    ix.sorted = merged.keys;
    ix.entries = merged.entries;
  }
  if (ix.sorted.length !== map.size) {
    // Someone changed the map without telling us: rebuild, and trust no entry.
    ix.sorted = [...map.keys()].sort();
    ix.entries = undefined;
  }
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

/**
 * Merges two sorted arrays, dropping duplicates (a name added, removed and added again). With `entries`
 * (parallel to `a`), returns the entries parallel to the result: added keys get none (computed later).
 */
function merge(a: string[], b: string[], entries?: unknown[]): { keys: string[]; entries?: unknown[] } {
  if (b.length === 0) return { keys: a, entries };
  const out = new Array<string>(a.length + b.length);
  const outEntries = entries ? new Array<unknown>(a.length + b.length) : undefined;
  let i = 0, j = 0, n = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i] <= b[j]);
    const next = fromA ? a[i] : b[j];
    const entry = fromA && entries ? entries[i] : undefined;
    if (fromA) i++; else j++;
    if (n === 0 || out[n - 1] !== next) {
      if (outEntries) outEntries[n] = entry;
      out[n++] = next;
    } else if (outEntries) {
      outEntries[n - 1] = undefined; // a duplicate is a re-added key: its old entry is stale
    }
  }
  out.length = n;
  if (outEntries) outEntries.length = n;
  return { keys: out, entries: outEntries };
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

/**
 * One page of listing entries, as pageKeys, from the cache parallel to the sorted keys: `make` runs only
 * for keys added or changed (noteAdded/noteChanged) since their entry was made, and for all of them when
 * `stamp` (the vault-level parts every entry depends on) differs from the last listing's.
 */
export function pageEntries<V, E>(
  map: Map<string, V>,
  page: { maxPageSize?: number; continuationToken?: string } | undefined,
  stamp: string,
  make: (key: string, value: V) => E,
): { items: E[]; continuationToken?: string } {
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(page?.maxPageSize ?? DEFAULT_PAGE_SIZE)));
  const ix = refresh(map);
  const keys = ix.sorted;
  if (!ix.entries || ix.stamp !== stamp) {
    ix.entries = new Array<unknown>(keys.length).fill(undefined);
    ix.stamp = stamp;
  }
  const entries = ix.entries as (E | undefined)[];
  let start = 0;
  if (page?.continuationToken) start = upperBound(keys, decodeToken(page.continuationToken));
  const end = Math.min(keys.length, start + size);
  for (let i = start; i < end; i++) if (entries[i] === undefined) entries[i] = make(keys[i], map.get(keys[i])!);
  const items = entries.slice(start, end) as E[];
  return { items, continuationToken: end < keys.length ? encodeToken(keys[end - 1]) : undefined };
}

function encodeToken(lastKey: string): string {
  return TOKEN_PREFIX + Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  if (!token.startsWith(TOKEN_PREFIX)) throw errors.badParameter('The continuation token is not valid.');
  return Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
}
