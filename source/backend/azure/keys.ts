/** Keys through @azure/keyvault-keys (data plane); the cryptographic operations live in key-crypto.ts. */
import type { KeyClient } from '@azure/keyvault-keys';
import type { CallOptions, KeysApi } from '../backend.js';
import type {
  DeletedKey, KeyCreateInput, KeyImportInput, KeyOperation, KeyProperties, KeyType, KeyUpdateInput, KeyVaultKey,
} from '../../domain/key.js';
import type { VaultRef } from '../../domain/vault.js';
import { mapLimit, type AzureContext } from './context.js';
import { AzureLifecycle, type SdkLifecycle } from './lifecycle.js';
import { AzureKeyCrypto } from './key-crypto.js';
import { deletedKeyFromSdk, importJwkToSdk, keyFromSdk, keyPropertiesFromSdk } from './key-mapper.js';
import { sdkAttributes } from './secrets.js';
import type { KeyRotationPolicy } from '../../domain/rotation-policy.js';
import { rotationPolicyFromSdk } from './key-mapper.js';

/** What @azure/keyvault-keys adds to the shared lifecycle: its client, its mappers, get, and list items completed. */
const KEYS_SDK: SdkLifecycle<KeyClient, KeyProperties, DeletedKey, KeyVaultKey, KeyVaultKey> = {
  kind: 'key',
  client: (ctx, vaultUri) => ctx.keys(vaultUri),
  get: async (client, vault, name, version, abortSignal) => keyFromSdk(vault.name, await client.getKey(name, { version, abortSignal })),
  props: (vaultName, p) => keyPropertiesFromSdk(vaultName, p),
  deleted: deletedKeyFromSdk,
  restored: keyFromSdk,
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
  createdOn: (p) => p.createdOn,
};

export class AzureKeys extends AzureLifecycle<KeyClient, KeyProperties, DeletedKey, KeyVaultKey, KeyVaultKey> implements KeysApi {
  private readonly crypto: AzureKeyCrypto;

  constructor(ctx: AzureContext) {
    super(ctx, KEYS_SDK);
    this.crypto = new AzureKeyCrypto(ctx);
  }

  create(vault: VaultRef, name: string, input: KeyCreateInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'Create', name), o, async (abortSignal) => {
      const k = await (await this.client(vault)).createKey(name, input.keyType, {
        abortSignal, keySize: input.keySize, curve: input.curve, keyOps: input.keyOps, ...sdkAttributes(input),
      });
      return keyFromSdk(vault.name, k);
    });
  }

  import(vault: VaultRef, name: string, input: KeyImportInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'Import', name), o, async (abortSignal) => {
      const k = await (await this.client(vault)).importKey(name, importJwkToSdk(input.key), { abortSignal, ...sdkAttributes(input) });
      return keyFromSdk(vault.name, k);
    });
  }

  update(vault: VaultRef, name: string, version: string | undefined, input: KeyUpdateInput, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run(this.meta(vault, 'Update', name, version), o, async (abortSignal) => {
      const k = await (await this.client(vault)).updateKeyProperties(name, version ?? '', { abortSignal, keyOps: input.keyOps, ...sdkAttributes(input) });
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
