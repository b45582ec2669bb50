/**
 * One vault's objects of one kind (its secrets, or its keys): the active and deleted maps, the sorted
 * name index and the listing cache. Every lifecycle change goes through a method here — which keeps the
 * index and the property cache right and tells the state sink exactly what changed — so no other code
 * can leave them stale. Names compare case-insensitively (maps are keyed by the lower-cased name).
 * The rules (permissions, purge protection, name checks) live in the parts; this is the storage.
 */
import type { ObjectKind } from '../../domain/object-kind.js';
import { objectKey } from '../../domain/names.js';
import type { Deleted, ObjectRecord } from '../state.js';
import { NameIndex, type PageRequest } from './name-index.js';
import { purgeDue } from './due.js';
import { forgetProps } from './props-cache.js';
import type { SinkRef } from './sink.js';

type VersionOf<R extends ObjectRecord> = R['versions'][number];

export class ObjectStore<R extends ObjectRecord> {
  private active: Map<string, R>;
  private readonly deleted = new Map<string, Deleted<R>>();
  private readonly index: NameIndex<R>;

  constructor(private readonly ref: SinkRef, private readonly vaultName: string, readonly kind: ObjectKind) {
    this.active = new Map();
    this.index = new NameIndex(this.active);
  }

  // ---- reads ----

  get(name: string): R | undefined {
    return this.active.get(objectKey(name));
  }

  getDeleted(name: string): Deleted<R> | undefined {
    return this.deleted.get(objectKey(name));
  }

  get size(): number {
    return this.active.size;
  }

  get deletedSize(): number {
    return this.deleted.size;
  }

  records(): IterableIterator<R> {
    return this.active.values();
  }

  deletedRecords(): IterableIterator<Deleted<R>> {
    return this.deleted.values();
  }

  /** Display names in key order (a copy). */
  names(): string[] {
    return this.index.displayNames();
  }

  /** A page of listing entries; see NameIndex.page. */
  page<E>(page: PageRequest | undefined, stamp: string, make: (record: R) => E): { items: E[]; continuationToken?: string } {
    return this.index.page(page, stamp, make);
  }

  /** Deleted objects in key order (the bin is small: no index). */
  deletedSorted(): Deleted<R>[] {
    return [...this.deleted.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, d]) => d);
  }

  // ---- writes ----

  /**
   * Appends a version, creating the object (named as given) when it does not exist; `init` holds the
   * object-level fields a new object of the kind starts with (a certificate's policy, `managed`).
   */
  addVersion(name: string, v: VersionOf<R>, init?: Omit<R, 'name' | 'versions'>): R {
    const key = objectKey(name);
    let r = this.active.get(key);
    if (r) {
      r.versions.push(v);
      this.index.changed(key);
    } else {
      r = { ...init, name, versions: [v] } as unknown as R;
      this.active.set(key, r);
      this.index.added(key);
      this.ref.sink.object(this.vaultName, this.kind, r);
    }
    this.ref.sink.version(this.vaultName, this.kind, r.name, r.versions.length - 1, v);
    return r;
  }

  /** Changes one version in place (attributes, tags, key operations). */
  updateVersion(r: R, v: VersionOf<R>, patch: Partial<VersionOf<R>>): void {
    Object.assign(v, patch);
    forgetProps(v);
    this.index.changed(objectKey(r.name));
    this.ref.sink.version(this.vaultName, this.kind, r.name, r.versions.indexOf(v), v);
  }

  /** Changes an object's own fields (a key's rotation policy), never its name or versions. */
  updateObject(r: R, patch: Partial<Omit<R, 'name' | 'versions'>>): void {
    Object.assign(r, patch);
    this.index.changed(objectKey(r.name));
    this.ref.sink.object(this.vaultName, this.kind, r, this.deleted.get(objectKey(r.name)));
  }

  /** Adds a whole object (a restored backup, a seed, a loaded state) with all its versions. */
  insert(r: R): void {
    const key = objectKey(r.name);
    this.active.set(key, r);
    this.index.added(key);
    this.ref.sink.object(this.vaultName, this.kind, r);
    r.versions.forEach((v, i) => this.ref.sink.version(this.vaultName, this.kind, r.name, i, v));
  }

  /** Adds a soft-deleted object (a seed, a loaded state). */
  insertDeleted(d: Deleted<R>): void {
    this.deleted.set(objectKey(d.item.name), d);
    this.ref.sink.object(this.vaultName, this.kind, d.item, d);
    d.item.versions.forEach((v, i) => this.ref.sink.version(this.vaultName, this.kind, d.item.name, i, v));
  }

  /** Moves an object with all its versions to the bin. */
  softDelete(name: string, deletedOn: number, scheduledPurge: number): Deleted<R> {
    const key = objectKey(name);
    const item = this.active.get(key)!;
    const entry: Deleted<R> = { item, deletedOn, scheduledPurge };
    this.active.delete(key);
    this.index.removed();
    this.deleted.set(key, entry);
    this.ref.sink.object(this.vaultName, this.kind, item, entry);
    return entry;
  }

  /** Moves a deleted object back, with all its versions and attributes. */
  recover(name: string): R {
    const key = objectKey(name);
    const entry = this.deleted.get(key)!;
    this.deleted.delete(key);
    this.active.set(key, entry.item);
    this.index.added(key);
    this.ref.sink.object(this.vaultName, this.kind, entry.item);
    return entry.item;
  }

  /** Destroys a deleted object for good. */
  purge(name: string): void {
    const key = objectKey(name);
    const d = this.deleted.get(key);
    if (!d) return;
    this.deleted.delete(key);
    this.ref.sink.objectPurged(this.vaultName, this.kind, d.item.name);
  }

  /** Purges deleted objects whose scheduled purge date has passed; how many went. */
  purgeExpired(now: number): number {
    return purgeDue(this.deleted, now, (name) => this.purge(name));
  }

  /** Purges one deleted object when its date has passed (touched before the sweep got to it). */
  expire(name: string, now: number): void {
    const d = this.deleted.get(objectKey(name));
    if (d && d.scheduledPurge <= now) this.purge(name);
  }

  /** Takes over a whole generated map (perf-kv's lazily filled secrets). */
  adopt(map: Map<string, R>): void {
    this.active = map;
    this.index.reset(map);
    this.ref.sink.objectsAdopted(this.vaultName, this.kind, map);
  }
}
