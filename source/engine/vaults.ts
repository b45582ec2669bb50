/**
 * Vaults on the management plane: create (every name rule, global uniqueness including soft-deleted
 * names; the access model the caller's API version defaults to), get, list (what the caller may read),
 * update (purge protection only turns on, retention fixed), soft delete (a move of the whole record,
 * with its secrets and keys, into the bin; the role assignments at and below the vault are removed, as
 * Azure does, and do not come back with a recovery), name availability. Every call needs its action.
 */
import { errors, KeyVaultError } from '../domain/errors.js';
import { isValidVaultName } from '../domain/names.js';
import { copyNetworkAcls, networkAclsProblem } from '../domain/network.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type DiagnosticSetting, type NameAvailability, type Sku, type VaultSettings, type Vault, type VaultCreateInput, type VaultDefaults, type VaultUpdateInput } from '../domain/vault.js';
import { MANAGEMENT_ACTIONS as A } from '../domain/actions.js';
import { DAY_MS } from './clock.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { DirectoryPart } from './directory.js';
import { assertNotLocked } from './locks.js';
import { checkPolicyLimit, normalizePolicy } from './policies.js';
import { allowedAt, authorizeManagement, checkManagementTenant, hasAnyRoleWithin } from './authorization.js';
import { actorOf, authorizedVault, tenantOfSubscription, toVault, touched, vaultIdOf, type VaultAddress } from './vault-records.js';
import { subscriptionScope, vaultResourceId } from '../domain/ids.js';

const SKUS: readonly Sku[] = ['standard', 'premium'];

const badRequest = (message: string) => new KeyVaultError(400, 'BadRequest', message);
export const retentionOutOfRange = (days: unknown) =>
  badRequest(`The property "softDeleteRetentionInDays" has an invalid value '${String(days)}'. It must be an integer between ${MIN_RETENTION_DAYS} and ${MAX_RETENTION_DAYS}.`);
export const retentionFixed = () =>
  badRequest('The property "softDeleteRetentionInDays" cannot be changed after the vault is created.');

export class VaultsPart {
  private readonly directory: DirectoryPart;
  constructor(private readonly core: EngineCore) {
    this.directory = new DirectoryPart(core);
  }

  /** `defaults`: what a creation that does not say gets (the management API version decides: vaultDefaultsFor). */
  create(ctx: CallContext, input: VaultCreateInput, defaults: VaultDefaults): Vault {
    const target = vaultResourceId(input.subscriptionId, input.resourceGroup, input.name);
    return this.core.audited(ctx, 'VaultPut', { vaultName: input.name, target }, () => {
      if (!isValidVaultName(input.name)) throw errors.vaultNameNotValid(input.name);
      const sub = this.directory.subscription(input.subscriptionId);
      const group = this.directory.resourceGroup(sub.id, input.resourceGroup);
      authorizeManagement(this.core, ctx, A.vaultWrite, target, { tenantId: sub.tenantId });
      // Global uniqueness: a soft-deleted vault keeps its name until it is purged. Azure words the
      // refusal differently when the deleted vault is in the caller's own subscription.
      const deleted = this.core.state.vaults.getDeleted(input.name);
      if (deleted && deleted.item.subscriptionId.toLowerCase() === sub.id.toLowerCase()) throw errors.vaultNameSoftDeleted();
      if (this.core.state.vaults.isTaken(input.name)) throw errors.vaultAlreadyExists(input.name);
      const retention = input.softDeleteRetentionDays ?? MAX_RETENTION_DAYS;
      if (!Number.isInteger(retention) || retention < MIN_RETENTION_DAYS || retention > MAX_RETENTION_DAYS) {
        throw retentionOutOfRange(retention);
      }
      const sku = input.sku ?? 'standard';
      if (!SKUS.includes(sku)) throw badRequest(`The SKU '${String(sku)}' is invalid. Valid values: standard, premium.`);
      if (!input.location) throw badRequest('The location of the vault is required.');
      const policies = (input.accessPolicies ?? []).map((p) => normalizePolicy(p, sub.tenantId));
      checkPolicyLimit(policies.length);
      const record = this.core.state.vaults.create({
        name: input.name,
        subscriptionId: sub.id,
        resourceGroup: group.name,
        location: input.location.toLowerCase(),
        tenantId: sub.tenantId,
        sku,
        tags: { ...(input.tags ?? {}) },
        softDeleteRetentionDays: retention,
        enablePurgeProtection: input.enablePurgeProtection === true,
        enableRbacAuthorization: input.enableRbacAuthorization ?? defaults.enableRbacAuthorization,
        accessPolicies: policies,
        created: this.core.now(),
        ...checkSettings(input),
        createdBy: actorOf(ctx),
      });
      return toVault(this.core, record);
    }, 201);
  }

  get(ctx: CallContext, addr: VaultAddress): Vault {
    return this.core.audited(ctx, 'VaultGet', { vaultName: addr.name, target: vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name) }, () => {
      return toVault(this.core, authorizedVault(this.core, ctx, addr, A.vaultRead));
    });
  }

  /**
   * The active vaults the caller may read, of every subscription or of one (and a resource group),
   * sorted by name. As ARM filters a listing, vaults the caller may not read are left out; a caller
   * with no role at all in the subscription asked for is refused.
   */
  list(ctx: CallContext, subscriptionId?: string, resourceGroup?: string): Vault[] {
    const target = subscriptionId ? `/subscriptions/${subscriptionId}${resourceGroup ? `/resourceGroups/${resourceGroup}` : ''}` : '/';
    return this.core.audited(ctx, 'VaultList', { target }, () => {
      if (subscriptionId) {
        const tenantId = tenantOfSubscription(this.core, subscriptionId);
        checkManagementTenant(ctx, tenantId);
        if (resourceGroup) this.directory.resourceGroup(subscriptionId, resourceGroup);
        if (!hasAnyRoleWithin(this.core, ctx.objectId, target)) authorizeManagement(this.core, ctx, A.vaultRead, target, { tenantId });
      }
      const out: Vault[] = [];
      for (const v of this.core.state.vaults.values()) {
        if (subscriptionId && v.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) continue;
        if (resourceGroup && v.resourceGroup.toLowerCase() !== resourceGroup.toLowerCase()) continue;
        if (ctx.tenantId && ctx.tenantId.toLowerCase() !== v.tenantId.toLowerCase()) continue;
        if (!allowedAt(this.core, ctx.objectId, vaultIdOf(v), A.vaultRead, 'action')) continue;
        out.push(toVault(this.core, v));
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  update(ctx: CallContext, addr: VaultAddress, input: VaultUpdateInput): Vault {
    return this.core.audited(ctx, 'VaultPatch', { vaultName: addr.name, target: vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name) }, () => {
      const v = authorizedVault(this.core, ctx, addr, A.vaultWrite);
      if (input.enableRbacAuthorization !== undefined && input.enableRbacAuthorization !== v.enableRbacAuthorization) {
        // Switching the access model hands access control over to (or away from) Azure RBAC: Azure asks
        // for the right to write role assignments too (Microsoft's RBAC migration guide).
        authorizeManagement(this.core, ctx, A.roleAssignmentsWrite, vaultIdOf(v), { tenantId: v.tenantId });
      }
      assertNotLocked(this.core, v, 'write');
      if (input.enablePurgeProtection === false && v.enablePurgeProtection) throw errors.purgeProtectionCannotBeDisabled();
      if (input.softDeleteRetentionDays !== undefined && input.softDeleteRetentionDays !== v.softDeleteRetentionDays) {
        throw retentionFixed();
      }
      if (input.sku !== undefined && !SKUS.includes(input.sku)) throw badRequest(`The SKU '${String(input.sku)}' is invalid. Valid values: standard, premium.`);
      const { networkAcls, ...settings } = checkSettings({ ...input, networkAcls: input.networkAcls ?? undefined });
      this.core.state.vaults.update(v, {
        ...settings,
        // null removes the firewall; undefined leaves the rules as they are.
        ...(input.networkAcls === null ? { networkAcls: undefined } : networkAcls ? { networkAcls } : {}),
        ...(input.sku !== undefined ? { sku: input.sku } : {}),
        ...(input.tags !== undefined ? { tags: { ...input.tags } } : {}),
        ...(input.enablePurgeProtection === true ? { enablePurgeProtection: true } : {}),
        ...(input.enableRbacAuthorization !== undefined ? { enableRbacAuthorization: input.enableRbacAuthorization } : {}),
        ...touched(this.core, ctx),
      });
      return toVault(this.core, v);
    });
  }

  /**
   * Soft delete: the record (secrets, keys, policies and all) moves to the deleted store. Role
   * assignments at the vault and below are removed (Azure keeps them with no resource to apply to).
   */
  delete(ctx: CallContext, addr: VaultAddress): void {
    const target = vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name);
    this.core.audited(ctx, 'VaultDelete', { vaultName: addr.name, target }, () => {
      const v = authorizedVault(this.core, ctx, addr, A.vaultDelete);
      assertNotLocked(this.core, v, 'delete');
      const now = this.core.now();
      this.core.state.vaults.softDelete(v, { deletedOn: now, scheduledPurge: now + v.softDeleteRetentionDays * DAY_MS });
      this.core.state.roleAssignments.removeAtAndBelow(vaultIdOf(v));
    });
  }

  /** The vault's diagnostic settings (read through ARM as Microsoft.Insights/diagnosticSettings). */
  diagnosticSettings(ctx: CallContext, addr: VaultAddress): { vaultId: string; settings: DiagnosticSetting[] } {
    const target = `${vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name)}/providers/Microsoft.Insights/diagnosticSettings`;
    return this.core.audited(ctx, 'DiagnosticSettingsList', { vaultName: addr.name, target }, () => {
      const v = authorizedVault(this.core, ctx, addr, A.diagnosticSettingsRead);
      return { vaultId: vaultIdOf(v), settings: (v.diagnostics ?? []).map((d) => ({ ...d, categories: [...d.categories] })) };
    });
  }

  checkNameAvailability(ctx: CallContext, subscriptionId: string, name: string): NameAvailability {
    return this.core.audited(ctx, 'VaultCheckNameAvailability', { target: `/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/checkNameAvailability` }, () => {
      const sub = this.directory.subscription(subscriptionId);
      authorizeManagement(this.core, ctx, A.checkNameAvailability, subscriptionScope(sub.id), { tenantId: sub.tenantId });
      if (!isValidVaultName(name)) {
        return { nameAvailable: false, reason: 'AccountNameInvalid', message: errors.vaultNameNotValid(name).message };
      }
      if (this.core.state.vaults.isTaken(name)) {
        return { nameAvailable: false, reason: 'AlreadyExists', message: errors.vaultAlreadyExists(name).message };
      }
      return { nameAvailable: true };
    });
  }
}

/** The network rules and service flags a request sets, checked and copied (only those it names). */
function checkSettings(input: VaultSettings): VaultSettings {
  const out: VaultSettings = {};
  if (input.publicNetworkAccess !== undefined) {
    if (input.publicNetworkAccess !== 'Enabled' && input.publicNetworkAccess !== 'Disabled') {
      throw badRequest(`The property "publicNetworkAccess" has an invalid value '${String(input.publicNetworkAccess)}'. Use Enabled or Disabled.`);
    }
    out.publicNetworkAccess = input.publicNetworkAccess;
  }
  if (input.networkAcls !== undefined) {
    const problem = networkAclsProblem(input.networkAcls);
    if (problem) throw badRequest(problem);
    out.networkAcls = copyNetworkAcls(input.networkAcls);
  }
  for (const flag of ['enabledForDeployment', 'enabledForDiskEncryption', 'enabledForTemplateDeployment'] as const) {
    if (input[flag] !== undefined) out[flag] = input[flag] === true;
  }
  return out;
}
