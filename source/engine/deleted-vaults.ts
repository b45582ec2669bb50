/**
 * Soft-deleted vaults: list, get, recover (createMode "recover": everything comes back, access
 * policies included) and purge (refused under purge protection before the scheduled purge date).
 * Automatic purges happen in purgeExpired(), which the Engine's sweep calls.
 */
import { errors } from '../domain/errors.js';
import { deletedVaultResourceId, vaultResourceId } from '../domain/ids.js';
import { purgeAllowed } from '../domain/purge.js';
import type { DeletedVault, Vault } from '../domain/vault.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { DirectoryPart } from './directory.js';
import type { Deleted, VaultRecord } from './state.js';
import { authorizeManagement, toVault } from './vault-records.js';

export function toDeletedVault(d: Deleted<VaultRecord>): DeletedVault {
  const v = d.item;
  return {
    name: v.name,
    id: deletedVaultResourceId(v.subscriptionId, v.location, v.name),
    vaultId: vaultResourceId(v.subscriptionId, v.resourceGroup, v.name),
    subscriptionId: v.subscriptionId,
    resourceGroup: v.resourceGroup,
    location: v.location,
    deletionDate: new Date(d.deletedOn),
    scheduledPurgeDate: new Date(d.scheduledPurge),
    tags: { ...v.tags },
    purgeProtectionEnabled: v.enablePurgeProtection,
  };
}

export class DeletedVaultsPart {
  private readonly directory: DirectoryPart;
  constructor(private readonly core: EngineCore) {
    this.directory = new DirectoryPart(core);
  }

  list(ctx: CallContext, subscriptionId?: string): DeletedVault[] {
    const target = subscriptionId ? `/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/deletedVaults` : '/';
    return this.core.audited(ctx, 'DeletedVaultList', { target }, () => {
      if (subscriptionId) this.directory.subscription(subscriptionId);
      const out: DeletedVault[] = [];
      for (const d of this.core.state.vaults.deletedValues()) {
        if (subscriptionId && d.item.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) continue;
        if (ctx.tenantId && ctx.tenantId.toLowerCase() !== d.item.tenantId.toLowerCase()) continue;
        out.push(toDeletedVault(d));
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  get(ctx: CallContext, subscriptionId: string, location: string, name: string): DeletedVault {
    return this.core.audited(ctx, 'DeletedVaultGet', { vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, () => {
      const d = this.find(subscriptionId, location, name);
      authorizeManagement(ctx, d.item.tenantId, 'Microsoft.KeyVault/locations/deletedVaults/read', deletedVaultResourceId(subscriptionId, location, name));
      return toDeletedVault(d);
    });
  }

  /** createMode "recover": the vault returns to its resource group with secrets, keys and access policies. */
  recover(ctx: CallContext, subscriptionId: string, location: string, name: string): Vault {
    return this.core.audited(ctx, 'VaultRecover', { vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, () => {
      const d = this.find(subscriptionId, location, name);
      const v = d.item;
      authorizeManagement(ctx, v.tenantId, 'Microsoft.KeyVault/vaults/write', vaultResourceId(v.subscriptionId, v.resourceGroup, v.name));
      this.directory.resourceGroup(v.subscriptionId, v.resourceGroup);
      return toVault(this.core, this.core.state.vaults.recover(v.name));
    });
  }

  purge(ctx: CallContext, subscriptionId: string, location: string, name: string): void {
    this.core.audited(ctx, 'VaultPurge', { vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, () => {
      const d = this.find(subscriptionId, location, name);
      authorizeManagement(ctx, d.item.tenantId, 'Microsoft.KeyVault/locations/deletedVaults/purge/action', deletedVaultResourceId(subscriptionId, location, name));
      if (!purgeAllowed({ isVault: true, purgeProtection: d.item.enablePurgeProtection, scheduledPurge: d.scheduledPurge }, this.core.now())) {
        throw errors.deletedVaultPurgeNotAllowed();
      }
      this.core.state.vaults.purge(d.item.name);
    });
  }

  /** Purges every deleted vault whose scheduled purge date has passed; returns how many. */
  purgeExpired(now: number): number {
    return this.core.state.vaults.purgeExpired(now);
  }

  private find(subscriptionId: string, location: string, name: string): Deleted<VaultRecord> {
    const d = this.core.state.vaults.getDeleted(name);
    if (
      !d ||
      d.item.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase() ||
      d.item.location.toLowerCase() !== location.toLowerCase()
    ) {
      throw errors.deletedVaultNotFound(name);
    }
    return d;
  }
}
