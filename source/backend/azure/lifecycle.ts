/**
 * The shared lifecycle of any object kind on Azure, written once: paging with live cursors, versions,
 * soft delete (the poller's first step), backup/restore, and the bin (list/get deleted, recover, purge).
 * Each kind gives an SdkLifecycle: its client, its mappers, and what really differs; the calls are derived.
 * Every call goes through ctx.run (timeout, cancellation, error mapping, session audit) with Key Vault's
 * operation names (SecretDelete, KeyRecover, …).
 */
import type { CallOptions, ObjectLifecycleApi } from '../backend.js';
import { deletedObjectId, objectId } from '../../domain/ids.js';
import { OBJECT_KINDS, type ObjectKind } from '../../domain/object-kind.js';
import type { Page, PageOptions } from '../../domain/page.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';
import { mapItems, PageCursors } from './paging.js';

/** A poller after its first step: deleting and recovering are done then (no waiting for completion). */
export interface StartedPoller<T> {
  getResult(): T | undefined;
  getOperationState(): { result?: T };
}
export const firstStepResult = <T>(p: StartedPoller<T>): T => p.getResult() ?? p.getOperationState().result!;

/**
 * What a kind tells the shared lifecycle about its SDK: its client, how the SDK's objects map to the
 * domain, and what really differs (get, completing list items, list options). The lifecycle calls
 * themselves need no row per kind: every SDK client names them after the kind (sdkCalls below).
 */
export interface SdkLifecycle<C, P, D, X, F> {
  kind: ObjectKind;
  client(ctx: AzureContext, vaultUri: string): Promise<C>;
  /** One version, whole; the latest when `version` is undefined. */
  get(client: C, vault: VaultRef, name: string, version: string | undefined, signal: AbortSignal): Promise<F>;
  /** An SDK properties item → the domain's (listings and version listings). */
  // `any`: each kind's mapper types its own SDK model; the derived calls cannot.
  props(vaultName: string, item: any): P;
  /** An SDK deleted object → the domain's (the bin). */
  deleted(vaultName: string, item: any): D;
  /** What recover and restore answer, as the domain has it. */
  restored(vaultName: string, item: any): X;
  /** Options of the listing call (certificates: includePending). */
  listOptions?: Record<string, unknown>;
  /** Fills in what list items lack (keys: type and operations), per page; optional. */
  complete?(ctx: AzureContext, client: C, vault: VaultRef, items: P[], signal: AbortSignal): Promise<P[]>;
  createdOn(p: P): Date;
}

type SdkMethod = (...args: unknown[]) => any;

/**
 * The SDK's lifecycle calls of a kind, by the names every Key Vault client uses: listPropertiesOfSecrets,
 * listPropertiesOfKeyVersions, beginDeleteCertificate, backupSecret, restoreKeyBackup, listDeletedCertificates,
 * getDeletedSecret, beginRecoverDeletedKey, purgeDeletedCertificate.
 */
function sdkCalls(client: object, label: string) {
  const call = (name: string): SdkMethod => {
    const f = (client as Record<string, SdkMethod | undefined>)[name];
    if (typeof f !== 'function') throw new Error(`The ${label} client has no ${name}.`);
    return f.bind(client);
  };
  return {
    list: call(`listPropertiesOf${label}s`),
    versions: call(`listPropertiesOf${label}Versions`),
    beginDelete: call(`beginDelete${label}`),
    backup: call(`backup${label}`),
    restore: call(`restore${label}Backup`),
    listDeleted: call(`listDeleted${label}s`),
    getDeleted: call(`getDeleted${label}`),
    beginRecover: call(`beginRecoverDeleted${label}`),
    purge: call(`purgeDeleted${label}`),
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

export class AzureLifecycle<C, P, D, X, F> implements ObjectLifecycleApi<P, D, X, F> {
  private readonly cursors = new PageCursors();

  constructor(protected readonly ctx: AzureContext, protected readonly sdk: SdkLifecycle<C, P, D, X, F>) {}

  protected client(vault: VaultRef): Promise<C> {
    return this.sdk.client(this.ctx, vault.vaultUri);
  }

  private async calls(vault: VaultRef) {
    return sdkCalls((await this.client(vault)) as object, OBJECT_KINDS[this.sdk.kind].label);
  }

  /** The audit record of a call: `{prefix}{operation}` on the object's id (or the vault). */
  protected meta(vault: VaultRef, operation: string, name?: string, version?: string) {
    const info = OBJECT_KINDS[this.sdk.kind];
    return { operation: `${info.auditPrefix}${operation}`, vaultName: vault.name, target: name ? objectId(vault.vaultUri, this.sdk.kind, name, version) : vault.vaultUri };
  }

  private deletedMeta(vault: VaultRef, operation: string, name: string) {
    return { ...this.meta(vault, operation), target: deletedObjectId(vault.vaultUri, this.sdk.kind, name) };
  }

  get(vault: VaultRef, name: string, version?: string, o?: CallOptions): Promise<F> {
    return this.ctx.run(this.meta(vault, 'Get', name, version), o, async (signal) => this.sdk.get(await this.client(vault), vault, name, version, signal));
  }

  listPage(vault: VaultRef, page: PageOptions = {}, o?: CallOptions): Promise<Page<P>> {
    return this.ctx.run(this.meta(vault, 'List'), o, async (signal) => {
      const client = await this.client(vault);
      // Key Vault refuses maxresults outside 1..25; larger asks get full pages of 25.
      const size = Math.min(25, Math.max(1, page.maxPageSize ?? 25));
      const list = sdkCalls(client as object, OBJECT_KINDS[this.sdk.kind].label).list;
      const pages = (list({ ...this.sdk.listOptions, abortSignal: signal }) as { byPage(o: object): AsyncIterable<unknown[]> }).byPage({ maxPageSize: size });
      const p = await this.cursors.page(`${vault.vaultUri}|${this.sdk.kind}|${size}`, page.continuationToken, () =>
        mapItems(pages, (items) => items.map((item) => this.sdk.props(vault.name, item))));
      return this.sdk.complete && !page.bare ? { ...p, items: await this.sdk.complete(this.ctx, client, vault, p.items, signal) } : p;
    });
  }

  listVersions(vault: VaultRef, name: string, o?: CallOptions): Promise<P[]> {
    return this.ctx.run(this.meta(vault, 'ListVersions', name), o, async (signal) => {
      const out = await collect(mapItems((await this.calls(vault)).versions(name, { abortSignal: signal }), (p) => this.sdk.props(vault.name, p)));
      return out.sort((a, b) => this.sdk.createdOn(b).getTime() - this.sdk.createdOn(a).getTime());
    });
  }

  delete(vault: VaultRef, name: string, o?: CallOptions): Promise<D> {
    return this.ctx.run(this.meta(vault, 'Delete', name), o, async (signal) =>
      this.sdk.deleted(vault.name, firstStepResult(await (await this.calls(vault)).beginDelete(name, { abortSignal: signal }))));
  }

  backup(vault: VaultRef, name: string, o?: CallOptions): Promise<Uint8Array> {
    return this.ctx.run(this.meta(vault, 'Backup', name), o, async (signal) => {
      const blob = (await (await this.calls(vault)).backup(name, { abortSignal: signal })) as Uint8Array | undefined;
      if (!blob) throw new Error('The service returned an empty backup.');
      return blob;
    });
  }

  restore(vault: VaultRef, backup: Uint8Array, o?: CallOptions): Promise<X> {
    return this.ctx.run(this.meta(vault, 'Restore'), o, async (signal) =>
      this.sdk.restored(vault.name, await (await this.calls(vault)).restore(backup, { abortSignal: signal })));
  }

  listDeleted(vault: VaultRef, o?: CallOptions): Promise<D[]> {
    return this.ctx.run({ ...this.meta(vault, 'ListDeleted'), target: vault.vaultUri }, o, async (signal) =>
      collect(mapItems((await this.calls(vault)).listDeleted({ abortSignal: signal }), (d) => this.sdk.deleted(vault.name, d))),
    );
  }

  getDeleted(vault: VaultRef, name: string, o?: CallOptions): Promise<D> {
    return this.ctx.run(this.deletedMeta(vault, 'GetDeleted', name), o, async (signal) =>
      this.sdk.deleted(vault.name, await (await this.calls(vault)).getDeleted(name, { abortSignal: signal })));
  }

  recover(vault: VaultRef, name: string, o?: CallOptions): Promise<X> {
    return this.ctx.run(this.deletedMeta(vault, 'Recover', name), o, async (signal) =>
      this.sdk.restored(vault.name, firstStepResult(await (await this.calls(vault)).beginRecover(name, { abortSignal: signal }))));
  }

  purge(vault: VaultRef, name: string, o?: CallOptions): Promise<void> {
    return this.ctx.run(this.deletedMeta(vault, 'Purge', name), o, async (signal) => {
      await (await this.calls(vault)).purge(name, { abortSignal: signal });
    }, 204);
  }
}
