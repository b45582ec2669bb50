/** Keys through @azure/keyvault-keys (data plane); the cryptographic operations live in key-crypto.ts. */
import type { KeyClient } from '@azure/keyvault-keys';
import type { CallOptions, KeysApi } from '../backend.js';
import { keyId } from '../../domain/ids.js';
import type {
  DeletedKey, KeyCreateInput, KeyImportInput, KeyOperation, KeyProperties, KeyType, KeyUpdateInput, KeyVaultKey,
} from '../../domain/key.js';
import type { Page, PageOptions } from '../../domain/page.js';
import type { VaultRef } from '../../domain/vault.js';
import { mapLimit, type AzureContext } from './context.js';
import { AzureKeyCrypto } from './key-crypto.js';
import { deletedKeyFromSdk, importJwkToSdk, keyFromSdk, keyPropertiesFromSdk } from './key-mapper.js';
import { PageCursors } from './paging.js';

const dateOpt = (d: Date | null | undefined) => (d === null ? (null as unknown as Date) : d);

export class AzureKeys extends AzureKeyCrypto implements KeysApi {
  private readonly cursors = new PageCursors();

  constructor(ctx: AzureContext) {
    super(ctx);
  }

  private meta(vault: VaultRef, operation: string, name?: string, version?: string) {
    return { operation, vaultName: vault.name, target: name ? keyId(vault.vaultUri, name, version) : vault.vaultUri };
  }

  private client(vault: VaultRef): Promise<KeyClient> {
    return this.ctx.keys(vault.vaultUri);
  }

  listPage(vault: VaultRef, page: PageOptions = {}, o?: CallOptions): Promise<Page<KeyProperties>> {
    return this.ctx.run(this.meta(vault, 'KeyList'), o, async (abortSignal) => {
      const client = await this.client(vault);
      // Key Vault refuses maxresults outside 1..25; larger asks get full pages of 25.
      const size = Math.min(25, Math.max(1, page.maxPageSize ?? 25));
      const p = await this.cursors.page(`${vault.vaultUri}|keys|${size}`, page.continuationToken, () =>
        client.listPropertiesOfKeys({ abortSignal }).byPage({ maxPageSize: size })[Symbol.asyncIterator](),
      );
      // Key Vault's list items carry no kty or key_ops; the pane shows them, so each key of the page
      // is read (bounded fan-out). A caller allowed to list but not get still gets the names.
      const items = await mapLimit(p.items, this.ctx.concurrency, async (item) => {
        try {
          const k = await client.getKey(item.name, { abortSignal });
          return keyPropertiesFromSdk(vault.name, item, { keyType: k.keyType as KeyType, keyOps: k.keyOperations as KeyOperation[], jwk: k.key });
        } catch {
          return keyPropertiesFromSdk(vault.name, item);
        }
      });
      return { ...p, items };
    });
  }

  listVersions(vault: VaultRef, name: string, o?: CallOptions): Promise<KeyProperties[]> {
    return this.ctx.run(this.meta(vault, 'KeyListVersions', name), o, async (abortSignal) => {
      const client = await this.client(vault);
      const out: KeyProperties[] = [];
      for await (const p of client.listPropertiesOfKeyVersions(name, { abortSignal })) out.push(keyPropertiesFromSdk(vault.name, p));
      return out.sort((a, b) => b.createdOn.getTime() - a.createdOn.getTime());
    });
  }

  get(vault: VaultRef, name: string, version?: string, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'KeyGet', name, version), o, async (abortSignal) =>
      keyFromSdk(vault.name, await (await this.client(vault)).getKey(name, { version, abortSignal })),
    );
  }

  create(vault: VaultRef, name: string, input: KeyCreateInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'KeyCreate', name), o, async (abortSignal) => {
      const k = await (await this.client(vault)).createKey(name, input.keyType, {
        abortSignal,
        keySize: input.keySize,
        curve: input.curve,
        keyOps: input.keyOps,
        enabled: input.enabled,
        notBefore: input.notBefore,
        expiresOn: input.expiresOn,
        tags: input.tags,
      });
      return keyFromSdk(vault.name, k);
    });
  }

  import(vault: VaultRef, name: string, input: KeyImportInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'KeyImport', name), o, async (abortSignal) => {
      const k = await (await this.client(vault)).importKey(name, importJwkToSdk(input.key), {
        abortSignal,
        enabled: input.enabled,
        notBefore: input.notBefore,
        expiresOn: input.expiresOn,
        tags: input.tags,
      });
      return keyFromSdk(vault.name, k);
    });
  }

  update(vault: VaultRef, name: string, version: string | undefined, input: KeyUpdateInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'KeyUpdate', name, version), o, async (abortSignal) => {
      const k = await (await this.client(vault)).updateKeyProperties(name, version ?? '', {
        abortSignal,
        keyOps: input.keyOps,
        enabled: input.enabled,
        notBefore: dateOpt(input.notBefore),
        expiresOn: dateOpt(input.expiresOn),
        tags: input.tags,
      });
      return keyFromSdk(vault.name, k);
    });
  }

  rotate(vault: VaultRef, name: string, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'KeyRotate', name), o, async (abortSignal) =>
      keyFromSdk(vault.name, await (await this.client(vault)).rotateKey(name, { abortSignal })),
    );
  }

  delete(vault: VaultRef, name: string, o?: CallOptions): Promise<DeletedKey> {
    return this.ctx.run(this.meta(vault, 'KeyDelete', name), o, async (abortSignal) => {
      const poller = await (await this.client(vault)).beginDeleteKey(name, { abortSignal });
      return deletedKeyFromSdk(vault.name, poller.getResult() ?? poller.getOperationState().result!);
    });
  }

  backup(vault: VaultRef, name: string, o?: CallOptions): Promise<Uint8Array> {
    return this.ctx.run(this.meta(vault, 'KeyBackup', name), o, async (abortSignal) => {
      const blob = await (await this.client(vault)).backupKey(name, { abortSignal });
      if (!blob) throw new Error('The service returned an empty backup.');
      return blob;
    });
  }

  restore(vault: VaultRef, backup: Uint8Array, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'KeyRestore'), o, async (abortSignal) =>
      keyFromSdk(vault.name, await (await this.client(vault)).restoreKeyBackup(backup, { abortSignal })),
    );
  }
}
