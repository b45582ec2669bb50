/**
 * Every vault, active and soft-deleted, keyed by lower-cased name (vault names are global, and a
 * deleted vault keeps its name until it is purged). The only writer of vault records: each change
 * is one call here, which the state sink hears about.
 */
import { OBJECT_KIND_LIST, type ObjectKind } from '../../domain/object-kind.js';
import { objectKey } from '../../domain/names.js';
import { DEFAULT_VAULT_SETTINGS } from '../../domain/vault.js';
import type { Deleted, DeletedDates, ObjectStores, VaultHeader, VaultHeaderInput, VaultRecord } from '../state.js';
import { purgeDue } from './due.js';
import { ObjectStore } from './object-store.js';
import type { SinkRef } from './sink.js';

export class VaultTable {
  private readonly active = new Map<string, VaultRecord>();
  private readonly deleted = new Map<string, Deleted<VaultRecord>>();

  constructor(private readonly ref: SinkRef) {}

  // ---- reads (Map-like for the active vaults) ----

  get(name: string): VaultRecord | undefined {
    return this.active.get(objectKey(name));
  }

  has(name: string): boolean {
    return this.active.has(objectKey(name));
  }

  get size(): number {
    return this.active.size;
  }

  values(): IterableIterator<VaultRecord> {
    return this.active.values();
  }

  getDeleted(name: string): Deleted<VaultRecord> | undefined {
    return this.deleted.get(objectKey(name));
  }

  deletedValues(): IterableIterator<Deleted<VaultRecord>> {
    return this.deleted.values();
  }

  /** Taken while active or soft-deleted. */
  isTaken(name: string): boolean {
    const key = objectKey(name);
    return this.active.has(key) || this.deleted.has(key);
  }

  // ---- writes ----

  /** A new, empty, active vault. */
  create(header: VaultHeaderInput): VaultRecord {
    const v = this.record(header);
    this.active.set(objectKey(v.name), v);
    this.ref.sink.vault(v);
    return v;
  }

  /** A soft-deleted vault (a seed, a loaded state); fill its objects afterwards. */
  insertDeleted(header: VaultHeaderInput, dates: DeletedDates): VaultRecord {
    const v = this.record(header);
    this.deleted.set(objectKey(v.name), { item: v, ...dates });
    this.ref.sink.vault(v, dates);
    return v;
  }

  /** Changes a vault's own properties (never its name or objects). */
  update(v: VaultRecord, patch: Partial<Omit<VaultHeader, 'name'>>): void {
    Object.assign(v as VaultHeader, patch);
    this.ref.sink.vault(v, this.deleted.get(objectKey(v.name)));
  }

  softDelete(v: VaultRecord, dates: DeletedDates): Deleted<VaultRecord> {
    const key = objectKey(v.name);
    const entry = { item: v, ...dates };
    this.active.delete(key);
    this.deleted.set(key, entry);
    this.ref.sink.vault(v, dates);
    return entry;
  }

  recover(name: string): VaultRecord {
    const key = objectKey(name);
    const v = this.deleted.get(key)!.item;
    this.deleted.delete(key);
    this.active.set(key, v);
    this.ref.sink.vault(v);
    return v;
  }

  /** Destroys a deleted vault and everything in it. */
  purge(name: string): void {
    const key = objectKey(name);
    const d = this.deleted.get(key);
    if (!d) return;
    this.deleted.delete(key);
    this.ref.sink.vaultPurged(d.item.name);
  }

  /** Purges deleted vaults whose scheduled purge date has passed; how many went. */
  purgeExpired(now: number): number {
    return purgeDue(this.deleted, now, (name) => this.purge(name));
  }

  private record(header: VaultHeaderInput): VaultRecord {
    const stores = {} as Record<ObjectKind, ObjectStore<never>>;
    for (const kind of OBJECT_KIND_LIST) stores[kind] = new ObjectStore(this.ref, header.name, kind);
    return { ...DEFAULT_VAULT_SETTINGS, ...header, objects: stores as unknown as ObjectStores };
  }
}
