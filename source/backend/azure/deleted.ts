/**
 * The bin of vaults (ARM: list, get, recover by createMode "recover", purge). Deleted secrets and keys
 * are part of each kind's lifecycle (lifecycle.ts).
 */
import type { CallOptions, DeletedApi } from '../backend.js';
import { deletedVaultResourceId, subscriptionScope } from '../../domain/ids.js';
import type { DeletedVault, Vault } from '../../domain/vault.js';
import { mapLimit, type AzureContext } from './context.js';
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
}
