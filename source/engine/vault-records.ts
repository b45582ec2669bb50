/** Shared by the management parts: finding a vault by its ARM address (authorized), record → domain. */
import { copyAccessPolicy } from '../domain/access-policy.js';
import { copyNetworkAcls } from '../domain/network.js';
import { errors } from '../domain/errors.js';
import { vaultResourceId } from '../domain/ids.js';
import type { ChangeActor, Vault, VaultRef } from '../domain/vault.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { authorizeManagement } from './authorization.js';
import { subscriptionNotFound } from './directory.js';
import type { VaultRecord } from './state.js';

/** How management calls address a vault: the ARM triple (the data-plane URI is not needed). */
export type VaultAddress = Pick<VaultRef, 'subscriptionId' | 'resourceGroup' | 'name'>;

export const vaultIdOf = (v: VaultRecord) => vaultResourceId(v.subscriptionId, v.resourceGroup, v.name);

/** The active vault at an ARM address; 404 ResourceNotFound when the name exists elsewhere or not at all. */
export function findVault(core: EngineCore, addr: VaultAddress): VaultRecord {
  const v = core.state.vaults.get(addr.name);
  if (
    !v ||
    v.subscriptionId.toLowerCase() !== addr.subscriptionId.toLowerCase() ||
    v.resourceGroup.toLowerCase() !== addr.resourceGroup.toLowerCase()
  ) {
    throw errors.vaultNotFound(addr.name, addr.resourceGroup);
  }
  return v;
}

/** The tenant a subscription belongs to (404 SubscriptionNotFound): what a management token must be from. */
export function tenantOfSubscription(core: EngineCore, subscriptionId: string): string {
  const s = core.state.subscriptions.find((x) => x.id.toLowerCase() === subscriptionId.toLowerCase());
  if (!s) throw subscriptionNotFound(subscriptionId);
  return s.tenantId;
}

/**
 * The active vault at an ARM address, once the caller is authorized for `action` on it. As ARM does,
 * the check comes first, on the address asked for: a caller without access learns nothing about
 * whether the vault exists (403, not 404).
 */
export function authorizedVault(core: EngineCore, ctx: CallContext, addr: VaultAddress, action: string): VaultRecord {
  const tenantId = tenantOfSubscription(core, addr.subscriptionId);
  authorizeManagement(core, ctx, action, vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name), { tenantId });
  return findVault(core, addr);
}

export function toVault(core: EngineCore, v: VaultRecord): Vault {
  return {
    id: vaultIdOf(v),
    subscriptionId: v.subscriptionId,
    resourceGroup: v.resourceGroup,
    name: v.name,
    vaultUri: core.vaultUri(v.name),
    location: v.location,
    tenantId: v.tenantId,
    sku: v.sku,
    tags: { ...v.tags },
    softDeleteRetentionDays: v.softDeleteRetentionDays,
    enablePurgeProtection: v.enablePurgeProtection,
    enableRbacAuthorization: v.enableRbacAuthorization,
    accessPolicies: v.accessPolicies.map(copyAccessPolicy),
    publicNetworkAccess: v.publicNetworkAccess,
    ...(v.networkAcls ? { networkAcls: copyNetworkAcls(v.networkAcls) } : {}),
    enabledForDeployment: v.enabledForDeployment,
    enabledForDiskEncryption: v.enabledForDiskEncryption,
    enabledForTemplateDeployment: v.enabledForTemplateDeployment,
    createdOn: new Date(v.created),
    ...(v.createdBy ? { createdBy: { ...v.createdBy } } : {}),
    ...(v.modified !== undefined ? { lastModifiedOn: new Date(v.modified) } : {}),
    ...(v.lastModifiedBy ? { lastModifiedBy: { ...v.lastModifiedBy } } : {}),
  };
}

/** The caller as a change's author. */
export const actorOf = (ctx: CallContext): ChangeActor => ({ objectId: ctx.objectId, ...(ctx.appId ? { appId: ctx.appId } : {}) });

/** The part of a vault update that records who changed it and when (ARM's lastModifiedBy/At). */
export const touched = (core: EngineCore, ctx: CallContext) => ({ modified: core.now(), lastModifiedBy: actorOf(ctx) });
