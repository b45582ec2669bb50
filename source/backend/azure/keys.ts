/** Keys through @azure/keyvault-keys (data plane); the cryptographic operations live in key-crypto.ts. */
import type { KeyClient } from '@azure/keyvault-keys';
import type { CallOptions, KeysApi } from '../backend.js';
import type {
  DeletedKey, KeyCreateInput, KeyImportInput, KeyOperation, KeyProperties, KeyType, KeyUpdateInput, KeyVaultKey,
} from '../../domain/key.js';
import type { VaultRef } from '../../domain/vault.js';
import { mapLimit, type AzureContext } from './context.js';
import { AzureLifecycle, firstStepResult, type SdkLifecycle } from './lifecycle.js';
import { AzureKeyCrypto } from './key-crypto.js';
import { deletedKeyFromSdk, importJwkToSdk, keyFromSdk, keyPropertiesFromSdk } from './key-mapper.js';
import { mapItems, mapPages } from './paging.js';
import { dateOpt } from './secrets.js';
import type { KeyRotationPolicy } from '../../domain/rotation-policy.js';
import { rotationPolicyFromSdk } from './key-mapper.js';

/** How @azure/keyvault-keys spells the shared lifecycle. */
const KEYS_SDK: SdkLifecycle<KeyClient, KeyProperties, DeletedKey, KeyVaultKey> = {
  kind: 'key',
  client: (ctx, vaultUri) => ctx.keys(vaultUri),
  pages: (client, vault, size, abortSignal) => mapPages(client.listPropertiesOfKeys({ abortSignal }).byPage({ maxPageSize: size }), (p) => keyPropertiesFromSdk(vault.name, p)),
  // Key Vault's list items carry no kty or key_ops; the pane shows them, so each key of the page is
  // read (bounded fan-out). A caller allowed to list but not get still gets the names.
  complete: (ctx, client, vault, items, abortSignal) => mapLimit(items, ctx.concurrency, async (item) => {
    try {
      const { keyType, keySize, curve, keyOps } = keyFromSdk(vault.name, await client.getKey(item.name, { abortSignal })).properties;
      return { ...item, keyType, keyOps, ...(keySize ? { keySize } : {}), ...(curve ? { curve } : {}) };
    } catch {
      return item;
    }
  }),
  versions: (client, vault, name, abortSignal) => mapItems(client.listPropertiesOfKeyVersions(name, { abortSignal }), (p) => keyPropertiesFromSdk(vault.name, p)),
  createdOn: (p) => p.createdOn,
  delete: async (client, vault, name, abortSignal) => deletedKeyFromSdk(vault.name, firstStepResult(await client.beginDeleteKey(name, { abortSignal }))),
  backup: (client, name, abortSignal) => client.backupKey(name, { abortSignal }),
  restore: async (client, vault, blob, abortSignal) => keyFromSdk(vault.name, await client.restoreKeyBackup(blob, { abortSignal })),
  deleted: (client, vault, abortSignal) => mapItems(client.listDeletedKeys({ abortSignal }), (d) => deletedKeyFromSdk(vault.name, d)),
  getDeleted: async (client, vault, name, abortSignal) => deletedKeyFromSdk(vault.name, await client.getDeletedKey(name, { abortSignal })),
  recover: async (client, vault, name, abortSignal) => keyFromSdk(vault.name, firstStepResult(await client.beginRecoverDeletedKey(name, { abortSignal }))),
  purge: async (client, name, abortSignal) => {
    await client.purgeDeletedKey(name, { abortSignal });
  },
};

export class AzureKeys extends AzureLifecycle<KeyClient, KeyProperties, DeletedKey, KeyVaultKey> implements KeysApi {
  private readonly crypto: AzureKeyCrypto;

  constructor(ctx: AzureContext) {
    super(ctx, KEYS_SDK);
    this.crypto = new AzureKeyCrypto(ctx);
  }

  get(vault: VaultRef, name: string, version?: string, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'Get', name, version), o, async (abortSignal) =>
      keyFromSdk(vault.name, await (await this.client(vault)).getKey(name, { version, abortSignal })),
    );
  }

  create(vault: VaultRef, name: string, input: KeyCreateInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'Create', name), o, async (abortSignal) => {
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
    return this.ctx.run(this.meta(vault, 'Import', name), o, async (abortSignal) => {
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
    return this.ctx.run(this.meta(vault, 'Update', name, version), o, async (abortSignal) => {
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
    return this.ctx.run(this.meta(vault, 'Rotate', name), o, async (abortSignal) =>
      keyFromSdk(vault.name, await (await this.client(vault)).rotateKey(name, { abortSignal })),
    );
  }

  getRotationPolicy(vault: VaultRef, name: string, o?: CallOptions): Promise<KeyRotationPolicy> {
    return this.ctx.run({ ...this.meta(vault, 'GetRotationPolicy', name) }, o, async (abortSignal) =>
      rotationPolicyFromSdk(await (await this.client(vault)).getKeyRotationPolicy(name, { abortSignal })),
    );
  }

  updateRotationPolicy(vault: VaultRef, name: string, policy: Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'>, o?: CallOptions): Promise<KeyRotationPolicy> {
    return this.ctx.run({ ...this.meta(vault, 'SetRotationPolicy', name) }, o, async (abortSignal) =>
      rotationPolicyFromSdk(await (await this.client(vault)).updateKeyRotationPolicy(name, { lifetimeActions: policy.lifetimeActions, expiresIn: policy.expiresIn }, { abortSignal })),
    );
  }

  // The cryptographic operations, always done by the vault (key-crypto.ts).
  sign: KeysApi['sign'] = (...a) => this.crypto.sign(...a);
  verify: KeysApi['verify'] = (...a) => this.crypto.verify(...a);
  encrypt: KeysApi['encrypt'] = (...a) => this.crypto.encrypt(...a);
  decrypt: KeysApi['decrypt'] = (...a) => this.crypto.decrypt(...a);
  wrapKey: KeysApi['wrapKey'] = (...a) => this.crypto.wrapKey(...a);
  unwrapKey: KeysApi['unwrapKey'] = (...a) => this.crypto.unwrapKey(...a);
}
