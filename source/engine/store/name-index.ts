/**
 * The sorted names of one store's active objects, and the listing entries parallel to them. Private to
 * ObjectStore, which tells it of every add, change and removal, so listing stays cheap without anyone
 * else having to remember anything. Additions are queued and merged in at the next listing (sort the few
 * new names, one linear merge); removals only mark it for a linear filter. So set/delete stay O(1) and a
 * page of 25 is a binary search on the continuation name.
 *
 * A size mismatch found at listing time still triggers a full rebuild: perf-kv's generated store fills
 * its map in the background without going through the store's methods.
 */
import { errors } from '../../domain/errors.js';

const TOKEN_PREFIX = 'kvd1.';
export const DEFAULT_PAGE_SIZE = 25;
/**
 * In process a caller may take far larger pages than Key Vault's 25 (the console loads a 100,000-secret
 * vault in a few calls); the emulator caps the wire at 25 itself, as the service does.
 */
export const MAX_PAGE_SIZE = 100_000;

export interface PageRequest {
  maxPageSize?: number;
  continuationToken?: string;
}

export class NameIndex<V extends { name: string }> {
  private sorted: string[] = [];
  private pending: string[] = [];
  private removedAny = false;
  private built = false;
  /** Display names in index order, built on demand; dropped whenever `sorted` changes. */
  private names?: string[];
  /**
   * Listing entries parallel to `sorted` (undefined = compute at the next listing that reaches it), so a
   * listing is a slice rather than 100,000 scattered map reads. Valid only for `stamp` (the vault-level
   * parts the entries were built with); carried through the incremental merge/filter, dropped on a rebuild.
   */
  private entries?: unknown[];
  private stamp?: string;

  constructor(private map: Map<string, V>) {}

  /** A new map to index (perf seeding hands over a generated one). */
  reset(map: Map<string, V>): void {
    this.map = map;
    this.built = false;
    this.entries = undefined;
    this.names = undefined;
    this.pending = [];
    this.removedAny = false;
  }

  added(key: string): void {
    if (!this.built) return;
    this.pending.push(key);
    // Removed and added again before the next listing: the old entry would survive the removal filter.
    this.invalidate(key);
  }

  /** The value under `key` changed in place (a new version, new attributes): its listing entry is stale. */
  changed(key: string): void {
    if (this.built) this.invalidate(key);
  }

  removed(): void {
    this.removedAny = true;
  }

  private invalidate(key: string): void {
    if (!this.entries) return;
    const i = upperBound(this.sorted, key) - 1;
    if (i >= 0 && this.sorted[i] === key) this.entries[i] = undefined;
  }

  private refresh(): void {
    const before = this.sorted;
    if (!this.built) {
      this.sorted = [...this.map.keys()].sort();
      this.built = true;
      this.pending = [];
      this.removedAny = false;
      this.entries = undefined;
    }
    if (this.removedAny) {
      const keep: string[] = [], entries: unknown[] = [];
      for (let i = 0; i < this.sorted.length; i++) {
        if (!this.map.has(this.sorted[i])) continue;
        keep.push(this.sorted[i]);
        if (this.entries) entries.push(this.entries[i]);
      }
      this.sorted = keep;
      if (this.entries) this.entries = entries;
      this.removedAny = false;
    }
    if (this.pending.length > 0) {
      const add = this.pending.filter((k) => this.map.has(k)).sort();
      this.pending = [];
      const merged = merge(this.sorted, add, this.entries);
      this.sorted = merged.keys;
      this.entries = merged.entries;
    }
    if (this.sorted.length !== this.map.size) {
      // The map changed behind the store's back (a generated store filling itself): rebuild, trust no entry.
      this.sorted = [...this.map.keys()].sort();
      this.entries = undefined;
    }
    if (this.sorted !== before) this.names = undefined;
  }

  /** Every display name in order (a copy), without building any domain object. */
  displayNames(): string[] {
    this.refresh();
    if (!this.names) this.names = this.sorted.map((k) => this.map.get(k)!.name);
    return this.names.slice();
  }

  /**
   * One page of listing entries after the continuation token (opaque: base64url of the last key). `make`
   * runs only for keys added or changed since their entry was made, and for all of them when `stamp`
   * (the vault-level parts every entry depends on) differs from the last listing's.
   */
  page<E>(page: PageRequest | undefined, stamp: string, make: (value: V) => E): { items: E[]; continuationToken?: string } {
    const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(page?.maxPageSize ?? DEFAULT_PAGE_SIZE)));
    this.refresh();
    const keys = this.sorted;
    if (!this.entries || this.stamp !== stamp) {
      this.entries = new Array<unknown>(keys.length).fill(undefined);
      this.stamp = stamp;
    }
    const entries = this.entries as (E | undefined)[];
    let start = 0;
    if (page?.continuationToken) start = upperBound(keys, decodeToken(page.continuationToken));
    const end = Math.min(keys.length, start + size);
    for (let i = start; i < end; i++) if (entries[i] === undefined) entries[i] = make(this.map.get(keys[i])!);
    const items = entries.slice(start, end) as E[];
    return { items, continuationToken: end < keys.length ? encodeToken(keys[end - 1]) : undefined };
  }
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

function encodeToken(lastKey: string): string {
  return TOKEN_PREFIX + Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  if (!token.startsWith(TOKEN_PREFIX)) throw errors.badParameter('The continuation token is not valid.');
  return Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
}
