/**
 * Soft-deleted vaults: list, get, recover (createMode "recover": everything comes back, access
 * policies included, but not the role assignments the deletion removed) and purge (refused under purge protection before the scheduled purge date).
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
import { MANAGEMENT_ACTIONS as A } from '../domain/actions.js';
import { subscriptionScope } from '../domain/ids.js';
import { allowedAt, authorizeManagement } from './authorization.js';
import { tenantOfSubscription, toVault } from './vault-records.js';

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
      // Deleted vaults live under their subscription: reading them needs the action there.
      if (subscriptionId) {
        const sub = this.directory.subscription(subscriptionId);
        authorizeManagement(this.core, ctx, A.deletedVaultsList, subscriptionScope(sub.id), { tenantId: sub.tenantId });
      }
      const out: DeletedVault[] = [];
      for (const d of this.core.state.vaults.deletedValues()) {
        if (subscriptionId && d.item.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) continue;
        if (ctx.tenantId && ctx.tenantId.toLowerCase() !== d.item.tenantId.toLowerCase()) continue;
        if (!allowedAt(this.core, ctx.objectId, subscriptionScope(d.item.subscriptionId), A.deletedVaultsList, 'action')) continue;
        out.push(toDeletedVault(d));
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  get(ctx: CallContext, subscriptionId: string, location: string, name: string): DeletedVault {
    return this.core.audited(ctx, 'DeletedVaultGet', { vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, () => {
      const id = deletedVaultResourceId(subscriptionId, location, name);
      authorizeManagement(this.core, ctx, A.deletedVaultRead, id, { tenantId: tenantOfSubscription(this.core, subscriptionId) });
      return toDeletedVault(this.find(subscriptionId, location, name));
    });
  }

  /**
   * createMode "recover": the vault returns to its resource group with secrets, keys and access
   * policies. Its role assignments were removed when it was deleted and stay gone (Azure documents this).
   */
  recover(ctx: CallContext, subscriptionId: string, location: string, name: string): Vault {
    return this.core.audited(ctx, 'VaultRecover', { vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, () => {
      const d = this.find(subscriptionId, location, name);
      const v = d.item;
      authorizeManagement(this.core, ctx, A.vaultWrite, vaultResourceId(v.subscriptionId, v.resourceGroup, v.name), { tenantId: v.tenantId });
      this.directory.resourceGroup(v.subscriptionId, v.resourceGroup);
      return toVault(this.core, this.core.state.vaults.recover(v.name));
    });
  }

  purge(ctx: CallContext, subscriptionId: string, location: string, name: string): void {
    this.core.audited(ctx, 'VaultPurge', { vaultName: name, target: deletedVaultResourceId(subscriptionId, location, name) }, () => {
      const id = deletedVaultResourceId(subscriptionId, location, name);
      authorizeManagement(this.core, ctx, A.deletedVaultPurge, id, { tenantId: tenantOfSubscription(this.core, subscriptionId) });
      const d = this.find(subscriptionId, location, name);
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
