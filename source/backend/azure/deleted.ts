/**
 * The recycle bin: soft-deleted vaults (ARM: list, get, recover by createMode "recover", purge) and
 * soft-deleted secrets and keys (data plane: list, get, recover, purge).
 */
import type { CallOptions, DeletedApi } from '../backend.js';
import { deletedKeyId, deletedSecretId, deletedVaultResourceId, subscriptionScope } from '../../domain/ids.js';
import type { DeletedKey, KeyVaultKey } from '../../domain/key.js';
import type { DeletedSecret, SecretProperties } from '../../domain/secret.js';
import type { DeletedVault, Vault, VaultRef } from '../../domain/vault.js';
import { mapLimit, type AzureContext } from './context.js';
import { deletedKeyFromSdk, keyFromSdk } from './key-mapper.js';
import { deletedSecretFromSdk, secretPropertiesFromSdk } from './secrets.js';
import { deletedVaultFromArm, skuToArm, vaultFromArm } from './vault-mapper.js';
import type { AzureVaults } from './vaults.js';

export class AzureDeleted implements DeletedApi {
  constructor(
    private readonly ctx: AzureContext,
    private readonly vaults: AzureVaults,
  ) {}

  async listVaults(subscriptionId?: string, o?: CallOptions): Promise<DeletedVault[]> {
    const subs = await this.vaults.subscriptionIds(subscriptionId, o);
    const perSub = await mapLimit(subs, this.ctx.concurrency, (sub) =>
      this.ctx.run({ operation: 'DeletedVaultList', target: subscriptionScope(sub) }, o, async (abortSignal) => {
        const client = await this.ctx.management(sub);
        const out: DeletedVault[] = [];
        for await (const d of client.vaults.listDeleted({ abortSignal })) out.push(deletedVaultFromArm(d, sub));
        return out;
      }),
    );
    return perSub.flat().sort((a, b) => b.deletionDate.getTime() - a.deletionDate.getTime());
  }

  getVault(subscriptionId: string, location: string, name: string, o?: CallOptions): Promise<DeletedVault> {
    return this.ctx.run({ operation: 'DeletedVaultGet', vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, o, async (abortSignal) => {
      const client = await this.ctx.management(subscriptionId);
      return deletedVaultFromArm(await client.vaults.getDeleted(name, location, { abortSignal }), subscriptionId);
    });
  }

  async recoverVault(deleted: DeletedVault, o?: CallOptions): Promise<Vault> {
    const tenantId = await this.vaults.tenantOf(deleted.subscriptionId, o);
    return this.ctx.run({ operation: 'VaultRecover', vaultName: deleted.name, target: deleted.vaultId }, o, async (abortSignal) => {
      const client = await this.ctx.management(deleted.subscriptionId);
      // Azure wants tenantId and sku in the body even for a recovery; the vault keeps its own values.
      const v = await client.vaults.createOrUpdate(
        deleted.resourceGroup,
        deleted.name,
        { location: deleted.location, tags: deleted.tags, properties: { tenantId, sku: skuToArm('standard'), createMode: 'recover' } },
        { abortSignal, updateIntervalInMs: 500 },
      );
      return vaultFromArm(v);
    });
  }

  purgeVault(deleted: DeletedVault, o?: CallOptions): Promise<void> {
    return this.ctx.run({ operation: 'VaultPurge', vaultName: deleted.name, target: deleted.id }, o, async (abortSignal) => {
      const client = await this.ctx.management(deleted.subscriptionId);
      await client.vaults.purgeDeleted(deleted.name, deleted.location, { abortSignal, updateIntervalInMs: 500 });
    });
  }

  listSecrets(vault: VaultRef, o?: CallOptions): Promise<DeletedSecret[]> {
    return this.ctx.run({ operation: 'SecretListDeleted', vaultName: vault.name, target: vault.vaultUri }, o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      const out: DeletedSecret[] = [];
      for await (const d of client.listDeletedSecrets({ abortSignal })) out.push(deletedSecretFromSdk(vault.name, d));
      return out;
    });
  }

  getSecret(vault: VaultRef, name: string, o?: CallOptions): Promise<DeletedSecret> {
    return this.ctx.run({ operation: 'SecretGetDeleted', vaultName: vault.name, target: deletedSecretId(vault.vaultUri, name) }, o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      return deletedSecretFromSdk(vault.name, await client.getDeletedSecret(name, { abortSignal }));
    });
  }

  recoverSecret(vault: VaultRef, name: string, o?: CallOptions): Promise<SecretProperties> {
    return this.ctx.run({ operation: 'SecretRecover', vaultName: vault.name, target: deletedSecretId(vault.vaultUri, name) }, o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      // The poller's first step recovers; its result is the recovered secret — no waiting for completion.
      const poller = await client.beginRecoverDeletedSecret(name, { abortSignal });
      const s = poller.getResult() ?? poller.getOperationState().result!;
      return secretPropertiesFromSdk(vault.name, s);
    });
  }

  purgeSecret(vault: VaultRef, name: string, o?: CallOptions): Promise<void> {
    return this.ctx.run({ operation: 'SecretPurge', vaultName: vault.name, target: deletedSecretId(vault.vaultUri, name) }, o, async (abortSignal) => {
      await (await this.ctx.secrets(vault.vaultUri)).purgeDeletedSecret(name, { abortSignal });
    }, 204);
  }

  listKeys(vault: VaultRef, o?: CallOptions): Promise<DeletedKey[]> {
    return this.ctx.run({ operation: 'KeyListDeleted', vaultName: vault.name, target: vault.vaultUri }, o, async (abortSignal) => {
      const client = await this.ctx.keys(vault.vaultUri);
      const out: DeletedKey[] = [];
      for await (const d of client.listDeletedKeys({ abortSignal })) out.push(deletedKeyFromSdk(vault.name, d));
      return out;
    });
  }

  getKey(vault: VaultRef, name: string, o?: CallOptions): Promise<DeletedKey> {
    return this.ctx.run({ operation: 'KeyGetDeleted', vaultName: vault.name, target: deletedKeyId(vault.vaultUri, name) }, o, async (abortSignal) => {
      const client = await this.ctx.keys(vault.vaultUri);
      return deletedKeyFromSdk(vault.name, await client.getDeletedKey(name, { abortSignal }));
    });
  }

  recoverKey(vault: VaultRef, name: string, o?: CallOptions): Promise<KeyVaultKey> {
    return this.ctx.run({ operation: 'KeyRecover', vaultName: vault.name, target: deletedKeyId(vault.vaultUri, name) }, o, async (abortSignal) => {
      const client = await this.ctx.keys(vault.vaultUri);
      const poller = await client.beginRecoverDeletedKey(name, { abortSignal });
      return keyFromSdk(vault.name, poller.getResult() ?? poller.getOperationState().result!);
    });
  }

  purgeKey(vault: VaultRef, name: string, o?: CallOptions): Promise<void> {
    return this.ctx.run({ operation: 'KeyPurge', vaultName: vault.name, target: deletedKeyId(vault.vaultUri, name) }, o, async (abortSignal) => {
      await (await this.ctx.keys(vault.vaultUri)).purgeDeletedKey(name, { abortSignal });
    }, 204);
  }
}
