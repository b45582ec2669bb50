/**
 * The lifecycle every versioned object kind shares, written once: list, versions, soft delete, backup,
 * restore, the bin (list/get deleted), recover, purge and the automatic purge — each call authorized,
 * audited (Key Vault's operation names: SecretDelete, KeyRecover, …) and applied through the vault's
 * ObjectStore. SecretsPart, KeysPart and CertificatesPart extend it with only what differs.
 */
import { DATA_OPERATIONS, type DataOperation } from '../../domain/actions.js';
import { certificateErrors, errors } from '../../domain/errors.js';
import { deletedObjectId, objectId } from '../../domain/ids.js';
import { OBJECT_KINDS, type ObjectKind } from '../../domain/object-kind.js';
import type { Page, PageOptions } from '../../domain/page.js';
import { purgeAllowed } from '../../domain/purge.js';
import { authorizeData } from '../authorization.js';
import type { CallContext } from '../call-context.js';
import { DAY_MS } from '../clock.js';
import type { EngineCore } from '../core.js';
import type { ObjectRecord, VaultRecord } from '../state.js';
import type { ObjectStore } from '../store/object-store.js';
import { decodeBackup, encodeBackup, type LinkedRecords } from './backup.js';
import { checkName, nowSeconds } from './input.js';
import { latest, type KindSpec } from './kind.js';

type VersionOf<R extends ObjectRecord> = R['versions'][number];

export abstract class VersionedPart<R extends ObjectRecord, Props, DeletedItem, Restored, Full> {
  constructor(
    protected readonly core: EngineCore,
    protected readonly spec: KindSpec<R, Props, DeletedItem, Restored, Full>,
  ) {}

  /** One version (the latest when none is named), whole: a secret with its value, a key's public JWK, a certificate's DER. */
  get(ctx: CallContext, vaultName: string, name: string, version?: string): Full {
    return this.run(ctx, 'Get', vaultName, name, 'get', (vault) => {
      const { record, v } = this.version(vault, name, version);
      this.spec.readable?.(v);
      return this.spec.full(this.core, vault, record, v, !version);
    }, 200, version);
  }

  listPage(ctx: CallContext, vaultName: string, page?: PageOptions): Page<Props> {
    return this.run(ctx, 'List', vaultName, undefined, 'list', (vault) =>
      // Entries are the latest versions' properties, kept parallel to the store's name index.
      this.store(vault).page(page, this.spec.stamp(this.core, vault), (r) => this.spec.properties(this.core, vault, r, latest(r))),
    );
  }

  /** All names in order, in one call (audited as a List). An engine extra: the console loads names this way. */
  listNames(ctx: CallContext, vaultName: string): string[] {
    return this.run(ctx, 'List', vaultName, undefined, 'list', (vault) => this.store(vault).names());
  }

  listVersions(ctx: CallContext, vaultName: string, name: string): Props[] {
    return this.run(ctx, 'ListVersions', vaultName, name, 'listVersions', (vault) => {
      const r = this.active(vault, name);
      return r.versions.map((v) => this.spec.properties(this.core, vault, r, v));
    });
  }

  /** Soft delete, with the objects this kind owns (a certificate's key and secret) and the same dates. */
  delete(ctx: CallContext, vaultName: string, name: string): DeletedItem {
    return this.run(ctx, 'Delete', vaultName, name, 'delete', (vault) => {
      this.mutable(this.active(vault, name), 'delete');
      const deletedOn = nowSeconds(this.core);
      const purgeOn = deletedOn + vault.softDeleteRetentionDays * DAY_MS;
      const d = this.store(vault).softDelete(name, deletedOn, purgeOn);
      for (const store of this.linkedStores(vault)) if (store.get(name)) store.softDelete(name, deletedOn, purgeOn);
      return this.spec.deleted(this.core, vault, d);
    });
  }

  backup(ctx: CallContext, vaultName: string, name: string): Uint8Array {
    return this.run(ctx, 'Backup', vaultName, name, 'backup', (vault) => {
      const record = this.mutable(this.active(vault, name), 'backup');
      const linked: LinkedRecords = {};
      for (const k of this.spec.info.linked) {
        const r = this.linkedStore(vault, k).get(name);
        if (r) linked[k] = r;
      }
      return encodeBackup(this.spec.info.kind, record, linked);
    });
  }

  restore(ctx: CallContext, vaultName: string, backup: Uint8Array): Restored {
    // A vault-level operation (POST /secrets/restore): authorized at the vault, whatever the backup's name.
    const target = `${this.core.vaultUri(vaultName)}${this.spec.info.area}/restore`;
    return this.audited(ctx, 'Restore', vaultName, target, 'restore', undefined, (vault) => {
      const { item: record, linked } = decodeBackup<R>(backup, this.spec.info.kind, this.spec.backupVersionOk, this.spec.linkedBackupVersionOk);
      checkName(record.name);
      this.refuseIfDeleted(vault, record.name);
      if (this.store(vault).get(record.name)) throw errors.objectAlreadyExists(this.spec.info.label, record.name);
      this.checkLinkedFree(vault, record.name);
      this.store(vault).insert(record);
      for (const [k, r] of Object.entries(linked) as [ObjectKind, ObjectRecord][]) this.linkedStore(vault, k).insert({ ...r, managed: true });
      return this.spec.restored(this.core, vault, record);
    }, 200);
  }

  /** The bin of this kind. The objects a certificate owns are not listed there (they go and come back with it). */
  listDeleted(ctx: CallContext, vaultName: string): DeletedItem[] {
    return this.runDeleted(ctx, 'ListDeleted', vaultName, undefined, 'listDeleted', (vault) => {
      const store = this.store(vault);
      store.purgeExpired(this.core.now());
      return store.deletedSorted().filter((d) => !d.item.managed).map((d) => this.spec.deleted(this.core, vault, d));
    });
  }

  getDeleted(ctx: CallContext, vaultName: string, name: string): DeletedItem {
    return this.runDeleted(ctx, 'GetDeleted', vaultName, name, 'getDeleted', (vault) => this.spec.deleted(this.core, vault, this.deletedOne(vault, name)));
  }

  recover(ctx: CallContext, vaultName: string, name: string): Restored {
    return this.runDeleted(ctx, 'Recover', vaultName, name, 'recover', (vault) => {
      this.mutable(this.deletedOne(vault, name).item, 'recover');
      const r = this.store(vault).recover(name);
      for (const store of this.linkedStores(vault)) if (store.getDeleted(name)) store.recover(name);
      return this.spec.restored(this.core, vault, r);
    });
  }

  purge(ctx: CallContext, vaultName: string, name: string): void {
    this.runDeleted(ctx, 'Purge', vaultName, name, 'purge', (vault) => {
      const d = this.deletedOne(vault, name);
      this.mutable(d.item, 'purge');
      if (!purgeAllowed({ isVault: false, purgeProtection: vault.enablePurgeProtection, scheduledPurge: d.scheduledPurge }, this.core.now())) {
        throw errors.objectPurgeProtected();
      }
      this.store(vault).purge(name);
      for (const store of this.linkedStores(vault)) store.purge(name);
    }, 204);
  }

  /** Purges deleted objects of this kind whose scheduled purge date has passed, in every vault. */
  purgeExpired(now: number): void {
    for (const vault of this.core.state.vaults.values()) this.store(vault).purgeExpired(now);
  }

  // ---- for the kinds' own operations ----

  protected store(vault: VaultRecord): ObjectStore<R> {
    return vault.objects[this.spec.info.kind] as unknown as ObjectStore<R>;
  }

  /**
   * A data-plane call on an object (or the collection when `name` is undefined): audited whatever
   * happens as `{auditPrefix}{operation}`, the vault found, then the caller authorized for the data
   * operation `{area}/{op}` (access policies or role assignments, authorization.ts) before anything else.
   */
  protected run<T>(
    ctx: CallContext, operation: string, vaultName: string, name: string | undefined, op: string,
    fn: (vault: VaultRecord) => T, successCode = 200, version?: string,
  ): T {
    const uri = this.core.vaultUri(vaultName);
    const target = name === undefined ? `${uri}${this.spec.info.area}` : objectId(uri, this.spec.info.kind, name, version);
    return this.audited(ctx, operation, vaultName, target, op, name, fn, successCode);
  }

  /** As run, on the bin (targets are recovery ids). */
  protected runDeleted<T>(
    ctx: CallContext, operation: string, vaultName: string, name: string | undefined, op: string,
    fn: (vault: VaultRecord) => T, successCode = 200,
  ): T {
    const uri = this.core.vaultUri(vaultName);
    const target = name === undefined ? `${uri}${this.spec.info.deletedArea}` : deletedObjectId(uri, this.spec.info.kind, name);
    return this.audited(ctx, operation, vaultName, target, op, name, fn, successCode);
  }

  private audited<T>(
    ctx: CallContext, operation: string, vaultName: string, target: string, op: string, objectName: string | undefined,
    fn: (vault: VaultRecord) => T, successCode: number,
  ): T {
    const dataOperation = this.dataOperation(op);
    return this.core.audited(ctx, `${this.spec.info.auditPrefix}${operation}`, { vaultName, target }, () => {
      const vault = this.core.dataPlaneVault(vaultName);
      authorizeData(this.core, ctx, vault, dataOperation, objectName);
      return fn(vault);
    }, successCode);
  }

  private readonly dataOperations = new Map<string, DataOperation>();

  /** `{area}/{op}`, checked once per operation name (a programming error otherwise) and kept: this is the hot path. */
  private dataOperation(op: string): DataOperation {
    let d = this.dataOperations.get(op);
    if (!d) {
      d = `${this.spec.info.area}/${op}` as DataOperation;
      if (!(d in DATA_OPERATIONS)) throw new Error(`unknown data operation ${d}`);
      this.dataOperations.set(op, d);
    }
    return d;
  }

  /** The active object; not found otherwise. */
  protected active(vault: VaultRecord, name: string): R {
    const r = this.store(vault).get(checkName(name));
    if (!r) throw this.spec.notFound(name);
    return r;
  }

  /** The active object and one version of it (the latest when `version` is empty). */
  protected version(vault: VaultRecord, name: string, version: string | undefined): { record: R; v: VersionOf<R> } {
    const record = this.active(vault, name);
    const v = findVersion(record, version);
    if (!v) throw this.spec.notFound(`${name}/${version}`);
    return { record, v };
  }

  /**
   * Validates a name for a new object or version; a soft-deleted name cannot be reused, an object a
   * certificate owns takes no versions of its own, and the names this kind's owned objects need must be free.
   */
  protected checkNew(vault: VaultRecord, name: string, operation: string): void {
    checkName(name);
    this.refuseIfDeleted(vault, name);
    const existing = this.store(vault).get(name);
    if (existing) this.mutable(existing, operation);
    else this.checkLinkedFree(vault, name);
  }

  /** Refuses a change of its own to an object a certificate owns (its key or secret); returns the record. */
  protected mutable<T extends ObjectRecord>(record: T, operation: string): T {
    if (record.managed) throw certificateErrors.managedByKeyVault(this.spec.info.kind as 'secret' | 'key', operation);
    return record;
  }

  /** The store of a kind this kind owns. */
  protected linkedStore(vault: VaultRecord, kind: ObjectKind): ObjectStore<ObjectRecord> {
    return vault.objects[kind] as unknown as ObjectStore<ObjectRecord>;
  }

  private linkedStores(vault: VaultRecord): ObjectStore<ObjectRecord>[] {
    return this.spec.info.linked.map((k) => this.linkedStore(vault, k));
  }

  /** A new owner needs its owned objects' names: an object of its own there, or one in the bin, refuses it. */
  private checkLinkedFree(vault: VaultRecord, name: string): void {
    for (const k of this.spec.info.linked) {
      const store = this.linkedStore(vault, k);
      store.expire(name, this.core.now());
      if (store.getDeleted(name)) throw errors.objectDeletedButRecoverable(OBJECT_KINDS[k].label, name);
      if (store.get(name)) throw certificateErrors.nameTaken(k as 'secret' | 'key', name);
    }
  }

  private refuseIfDeleted(vault: VaultRecord, name: string): void {
    const store = this.store(vault);
    store.expire(name, this.core.now());
    if (store.getDeleted(name)) throw errors.objectDeletedButRecoverable(this.spec.info.label, name);
  }

  /** A deleted object, expiring it first when its purge date has passed (whether or not the sweep ran). */
  private deletedOne(vault: VaultRecord, name: string) {
    checkName(name);
    const store = this.store(vault);
    store.expire(name, this.core.now());
    const d = store.getDeleted(name);
    if (!d) throw this.spec.deletedNotFound(name);
    return d;
  }
}

/** The latest version, or the named one; unknown → undefined (reported by the caller's kind). */
export function findVersion<R extends ObjectRecord>(record: R, version: string | undefined): VersionOf<R> | undefined {
  if (version === undefined || version === '') return latest(record);
  const v = version.toLowerCase();
  for (let i = record.versions.length - 1; i >= 0; i--) if (record.versions[i].version === v) return record.versions[i];
  return undefined;
}
