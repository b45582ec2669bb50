/**
 * Vaults on the management plane: create (every name rule, global uniqueness including soft-deleted
 * names), get, list, update (purge protection only turns on, retention fixed), soft delete (a move of
 * the whole record, with its secrets and keys, into state.deletedVaults), name availability.
 */
import { errors, KeyVaultError } from '../domain/errors.js';
import { isValidVaultName, objectKey } from '../domain/names.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type NameAvailability, type Sku, type Vault, type VaultCreateInput, type VaultUpdateInput } from '../domain/vault.js';
import { DAY_MS } from './clock.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { DirectoryPart } from './directory.js';
import { assertNotLocked } from './locks.js';
import { checkPolicyLimit, normalizePolicy } from './policies.js';
import type { VaultRecord } from './state.js';
import { actorOf, authorizeManagement, findVault, toVault, touch, vaultIdOf, type VaultAddress } from './vault-records.js';
import { vaultResourceId } from '../domain/ids.js';

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

  create(ctx: CallContext, input: VaultCreateInput): Vault {
    const target = vaultResourceId(input.subscriptionId, input.resourceGroup, input.name);
    return this.core.audited(ctx, 'VaultPut', { vaultName: input.name, target }, () => {
      if (!isValidVaultName(input.name)) throw errors.vaultNameNotValid(input.name);
      const sub = this.directory.subscription(input.subscriptionId);
      const group = this.directory.resourceGroup(sub.id, input.resourceGroup);
      authorizeManagement(ctx, sub.tenantId, 'Microsoft.KeyVault/vaults/write', target);
      const key = objectKey(input.name);
      // Global uniqueness: a soft-deleted vault keeps its name until it is purged.
      if (this.core.state.vaults.has(key) || this.core.state.deletedVaults.has(key)) throw errors.vaultAlreadyExists(input.name);
      const retention = input.softDeleteRetentionDays ?? MAX_RETENTION_DAYS;
      if (!Number.isInteger(retention) || retention < MIN_RETENTION_DAYS || retention > MAX_RETENTION_DAYS) {
        throw retentionOutOfRange(retention);
      }
      const sku = input.sku ?? 'standard';
      if (!SKUS.includes(sku)) throw badRequest(`The SKU '${String(sku)}' is invalid. Valid values: standard, premium.`);
      if (!input.location) throw badRequest('The location of the vault is required.');
      const policies = (input.accessPolicies ?? []).map((p) => normalizePolicy(p, sub.tenantId));
      checkPolicyLimit(policies.length);
      const record: VaultRecord = {
        name: input.name,
        subscriptionId: sub.id,
        resourceGroup: group.name,
        location: input.location.toLowerCase(),
        tenantId: sub.tenantId,
        sku,
        tags: { ...(input.tags ?? {}) },
        softDeleteRetentionDays: retention,
        enablePurgeProtection: input.enablePurgeProtection === true,
        enableRbacAuthorization: input.enableRbacAuthorization === true,
        accessPolicies: policies,
        created: this.core.now(),
        createdBy: actorOf(ctx),
        secrets: new Map(),
        deletedSecrets: new Map(),
        keys: new Map(),
        deletedKeys: new Map(),
      };
      this.core.state.vaults.set(key, record);
      this.core.changed();
      return toVault(this.core, record);
    }, 201);
  }

  get(ctx: CallContext, addr: VaultAddress): Vault {
    return this.core.audited(ctx, 'VaultGet', { vaultName: addr.name, target: vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name) }, () => {
      const v = findVault(this.core, addr);
      authorizeManagement(ctx, v.tenantId, 'Microsoft.KeyVault/vaults/read', vaultIdOf(v));
      return toVault(this.core, v);
    });
  }

  /** Every active vault, or those of one subscription (and resource group), sorted by name. */
  list(ctx: CallContext, subscriptionId?: string, resourceGroup?: string): Vault[] {
    const target = subscriptionId ? `/subscriptions/${subscriptionId}${resourceGroup ? `/resourceGroups/${resourceGroup}` : ''}` : '/';
    return this.core.audited(ctx, 'VaultList', { target }, () => {
      if (subscriptionId) this.directory.subscription(subscriptionId);
      if (subscriptionId && resourceGroup) this.directory.resourceGroup(subscriptionId, resourceGroup);
      const out: Vault[] = [];
      for (const v of this.core.state.vaults.values()) {
        if (subscriptionId && v.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) continue;
        if (resourceGroup && v.resourceGroup.toLowerCase() !== resourceGroup.toLowerCase()) continue;
        if (ctx.tenantId && ctx.tenantId.toLowerCase() !== v.tenantId.toLowerCase()) continue;
        out.push(toVault(this.core, v));
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  update(ctx: CallContext, addr: VaultAddress, input: VaultUpdateInput): Vault {
    return this.core.audited(ctx, 'VaultPatch', { vaultName: addr.name, target: vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name) }, () => {
      const v = findVault(this.core, addr);
      authorizeManagement(ctx, v.tenantId, 'Microsoft.KeyVault/vaults/write', vaultIdOf(v));
      assertNotLocked(this.core, v, 'write');
      if (input.enablePurgeProtection === false && v.enablePurgeProtection) throw errors.purgeProtectionCannotBeDisabled();
      if (input.softDeleteRetentionDays !== undefined && input.softDeleteRetentionDays !== v.softDeleteRetentionDays) {
        throw retentionFixed();
      }
      if (input.sku !== undefined && !SKUS.includes(input.sku)) throw badRequest(`The SKU '${String(input.sku)}' is invalid. Valid values: standard, premium.`);
      if (input.sku !== undefined) v.sku = input.sku;
      if (input.tags !== undefined) v.tags = { ...input.tags };
      if (input.enablePurgeProtection === true) v.enablePurgeProtection = true;
      if (input.enableRbacAuthorization !== undefined) v.enableRbacAuthorization = input.enableRbacAuthorization;
      touch(this.core, v, ctx);
      this.core.changed();
      return toVault(this.core, v);
    });
  }

  /** Soft delete: the record (secrets, keys, policies and all) moves to the deleted store. */
  delete(ctx: CallContext, addr: VaultAddress): void {
    const target = vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name);
    this.core.audited(ctx, 'VaultDelete', { vaultName: addr.name, target }, () => {
      const v = findVault(this.core, addr);
      authorizeManagement(ctx, v.tenantId, 'Microsoft.KeyVault/vaults/delete', vaultIdOf(v));
      assertNotLocked(this.core, v, 'delete');
      const key = objectKey(v.name);
      const now = this.core.now();
      this.core.state.vaults.delete(key);
      this.core.state.deletedVaults.set(key, { item: v, deletedOn: now, scheduledPurge: now + v.softDeleteRetentionDays * DAY_MS });
      this.core.changed();
    });
  }

  checkNameAvailability(ctx: CallContext, subscriptionId: string, name: string): NameAvailability {
    return this.core.audited(ctx, 'VaultCheckNameAvailability', { target: `/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/checkNameAvailability` }, () => {
      this.directory.subscription(subscriptionId);
      if (!isValidVaultName(name)) {
        return { nameAvailable: false, reason: 'AccountNameInvalid', message: errors.vaultNameNotValid(name).message };
      }
      const key = objectKey(name);
      if (this.core.state.vaults.has(key) || this.core.state.deletedVaults.has(key)) {
        return { nameAvailable: false, reason: 'AlreadyExists', message: errors.vaultAlreadyExists(name).message };
      }
      return { nameAvailable: true };
    });
  }
}
