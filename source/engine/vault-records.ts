/** Shared by the management parts: finding a vault by its ARM address, the management check, record → domain. */
import { copyAccessPolicy } from '../domain/access-policy.js';
import { copyNetworkAcls } from '../domain/network.js';
import { errors, KeyVaultError } from '../domain/errors.js';
import { vaultResourceId } from '../domain/ids.js';
import type { ChangeActor, Vault, VaultRef } from '../domain/vault.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
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

/**
 * Management-plane authorization. The demo has no Azure RBAC at the ARM level: any caller of the
 * vault's tenant may do management operations (a caller whose token names another tenant is refused,
 * as ARM would). Data-plane permissions are enforced separately by access policies (core.authorize).
 */
export function authorizeManagement(ctx: CallContext, tenantId: string, action: string, scope: string): void {
  if (ctx.tenantId && ctx.tenantId.toLowerCase() !== tenantId.toLowerCase()) {
    throw new KeyVaultError(
      403,
      'AuthorizationFailed',
      `The client '${ctx.objectId}' with object id '${ctx.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
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
