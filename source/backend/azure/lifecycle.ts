/**
 * The shared lifecycle of any object kind on Azure, written once: paging with live cursors, versions,
 * soft delete (the poller's first step), backup/restore, and the bin (list/get deleted, recover, purge).
 * Each kind gives an SdkLifecycle: how its SDK client spells those calls and how results map to the domain.
 * Every call goes through ctx.run (timeout, cancellation, error mapping, session audit) with Key Vault's
 * operation names (SecretDelete, KeyRecover, …).
 */
import type { CallOptions, ObjectLifecycleApi } from '../backend.js';
import { deletedObjectId, objectId } from '../../domain/ids.js';
import { OBJECT_KINDS, type ObjectKind } from '../../domain/object-kind.js';
import type { Page, PageOptions } from '../../domain/page.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';
import { PageCursors } from './paging.js';

/** A poller after its first step: deleting and recovering are done then (no waiting for completion). */
export interface StartedPoller<T> {
  getResult(): T | undefined;
  getOperationState(): { result?: T };
}
export const firstStepResult = <T>(p: StartedPoller<T>): T => p.getResult() ?? p.getOperationState().result!;

export interface SdkLifecycle<C, P, D, X, F> {
  kind: ObjectKind;
  client(ctx: AzureContext, vaultUri: string): Promise<C>;
  /** One version, whole; the latest when `version` is undefined. */
  get(client: C, vault: VaultRef, name: string, version: string | undefined, signal: AbortSignal): Promise<F>;
  /** The listing's pages of latest-version properties (Key Vault caps a page at 25). */
  pages(client: C, vault: VaultRef, size: number, signal: AbortSignal): AsyncIterator<P[]>;
  /** Fills in what list items lack (keys: type and operations), per page; optional. */
  complete?(ctx: AzureContext, client: C, vault: VaultRef, items: P[], signal: AbortSignal): Promise<P[]>;
  versions(client: C, vault: VaultRef, name: string, signal: AbortSignal): AsyncIterable<P>;
  createdOn(p: P): Date;
  delete(client: C, vault: VaultRef, name: string, signal: AbortSignal): Promise<D>;
  backup(client: C, name: string, signal: AbortSignal): Promise<Uint8Array | undefined>;
  restore(client: C, vault: VaultRef, blob: Uint8Array, signal: AbortSignal): Promise<X>;
  deleted(client: C, vault: VaultRef, signal: AbortSignal): AsyncIterable<D>;
  getDeleted(client: C, vault: VaultRef, name: string, signal: AbortSignal): Promise<D>;
  recover(client: C, vault: VaultRef, name: string, signal: AbortSignal): Promise<X>;
  purge(client: C, name: string, signal: AbortSignal): Promise<void>;
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
      const p = await this.cursors.page(`${vault.vaultUri}|${this.sdk.kind}|${size}`, page.continuationToken, () => this.sdk.pages(client, vault, size, signal));
      return this.sdk.complete ? { ...p, items: await this.sdk.complete(this.ctx, client, vault, p.items, signal) } : p;
    });
  }

  listVersions(vault: VaultRef, name: string, o?: CallOptions): Promise<P[]> {
    return this.ctx.run(this.meta(vault, 'ListVersions', name), o, async (signal) => {
      const out = await collect(this.sdk.versions(await this.client(vault), vault, name, signal));
      return out.sort((a, b) => this.sdk.createdOn(b).getTime() - this.sdk.createdOn(a).getTime());
    });
  }

  delete(vault: VaultRef, name: string, o?: CallOptions): Promise<D> {
    return this.ctx.run(this.meta(vault, 'Delete', name), o, async (signal) => this.sdk.delete(await this.client(vault), vault, name, signal));
  }

  backup(vault: VaultRef, name: string, o?: CallOptions): Promise<Uint8Array> {
    return this.ctx.run(this.meta(vault, 'Backup', name), o, async (signal) => {
      const blob = await this.sdk.backup(await this.client(vault), name, signal);
      if (!blob) throw new Error('The service returned an empty backup.');
      return blob;
    });
  }

  restore(vault: VaultRef, backup: Uint8Array, o?: CallOptions): Promise<X> {
    return this.ctx.run(this.meta(vault, 'Restore'), o, async (signal) => this.sdk.restore(await this.client(vault), vault, backup, signal));
  }

  listDeleted(vault: VaultRef, o?: CallOptions): Promise<D[]> {
    return this.ctx.run({ ...this.meta(vault, 'ListDeleted'), target: vault.vaultUri }, o, async (signal) =>
      collect(this.sdk.deleted(await this.client(vault), vault, signal)),
    );
  }

  getDeleted(vault: VaultRef, name: string, o?: CallOptions): Promise<D> {
    return this.ctx.run(this.deletedMeta(vault, 'GetDeleted', name), o, async (signal) => this.sdk.getDeleted(await this.client(vault), vault, name, signal));
  }

  recover(vault: VaultRef, name: string, o?: CallOptions): Promise<X> {
    return this.ctx.run(this.deletedMeta(vault, 'Recover', name), o, async (signal) => this.sdk.recover(await this.client(vault), vault, name, signal));
  }

  purge(vault: VaultRef, name: string, o?: CallOptions): Promise<void> {
    return this.ctx.run(this.deletedMeta(vault, 'Purge', name), o, async (signal) => this.sdk.purge(await this.client(vault), name, signal), 204);
  }
}
