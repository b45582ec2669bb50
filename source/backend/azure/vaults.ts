/** Vaults through @azure/arm-keyvault: list across subscriptions (bounded fan-out), get, create, update, delete, name check. */
import type { CallOptions, PartsOptions, VaultsApi } from '../backend.js';
import { errors } from '../../domain/errors.js';
import { vaultResourceId } from '../../domain/ids.js';
import type { NameAvailability, Vault, VaultCreateInput, VaultRef, VaultUpdateInput } from '../../domain/vault.js';
import { mapLimit, type AzureContext } from './context.js';
import type { AzureDirectory } from './directory.js';
import { policyToArm, settingsToArm, skuToArm, vaultFromArm } from './vault-mapper.js';

export class AzureVaults implements VaultsApi {
  constructor(
    private readonly ctx: AzureContext,
    private readonly directory: AzureDirectory,
  ) {}

  /** The subscriptions a cross-subscription listing covers. */
  async subscriptionIds(subscriptionId: string | undefined, o?: CallOptions): Promise<string[]> {
    if (subscriptionId) return [subscriptionId];
    return (await this.directory.listSubscriptions(o)).filter((s) => s.state !== 'Disabled').map((s) => s.id);
  }

  async list(subscriptionId?: string, o?: PartsOptions<Vault>): Promise<Vault[]> {
    const subs = await this.subscriptionIds(subscriptionId, o);
    const perSub = await mapLimit(subs, this.ctx.concurrency, (sub) =>
      this.ctx.run({ operation: 'VaultList', target: `/subscriptions/${sub}` }, o, async (abortSignal) => {
        const client = await this.ctx.management(sub);
        const out: Vault[] = [];
        for await (const v of client.vaults.listBySubscription({ abortSignal })) out.push(this.seen(vaultFromArm(v)));
        // Each subscription's vaults as it answers: the console shows them without waiting for the slowest.
        if (!abortSignal.aborted) o?.onPart?.(out);
        return out;
      }),
    );
    return perSub.flat().sort((a, b) => a.name.localeCompare(b.name));
  }

  get(subscriptionId: string, resourceGroup: string, name: string, o?: CallOptions): Promise<Vault> {
    return this.ctx.run({ operation: 'VaultGet', vaultName: name, target: vaultResourceId(subscriptionId, resourceGroup, name) }, o, async (abortSignal) => {
      const client = await this.ctx.management(subscriptionId);
      return this.seen(vaultFromArm(await client.vaults.get(resourceGroup, name, { abortSignal })));
    });
  }

  async create(input: VaultCreateInput, o?: CallOptions): Promise<Vault> {
    const tenantId = await this.tenantOf(input.subscriptionId, o);
    const features = this.ctx.cloud.features;
    const target = vaultResourceId(input.subscriptionId, input.resourceGroup, input.name);
    return this.ctx.run({ operation: 'VaultPut', vaultName: input.name, target }, o, async (abortSignal) => {
      const client = await this.ctx.management(input.subscriptionId);
      // ARM's PUT is create-OR-UPDATE: without this check a second "create" would silently
      // overwrite an existing vault's properties and policies. The portal checks the same way.
      const free = await client.vaults.checkNameAvailability({ name: input.name, type: 'Microsoft.KeyVault/vaults' }, { abortSignal });
      if (!free.nameAvailable && free.reason === 'AlreadyExists') {
        // As the service words it: a name soft-deleted in this same subscription is a ConflictError.
        const deletedHere = await client.vaults.getDeleted(input.name, input.location, { abortSignal }).then(() => true, () => false);
        throw deletedHere ? errors.vaultNameSoftDeleted() : errors.vaultAlreadyExists(input.name);
      }
      const v = await client.vaults.createOrUpdate(
        input.resourceGroup,
        input.name,
        {
          location: input.location,
          tags: input.tags ?? {},
          properties: {
            tenantId,
            sku: skuToArm(input.sku ?? 'standard'),
            accessPolicies: (input.accessPolicies ?? []).map(policyToArm),
            enableSoftDelete: true,
            ...(features.softDeleteRetentionDays && input.softDeleteRetentionDays !== undefined ? { softDeleteRetentionInDays: input.softDeleteRetentionDays } : {}),
            // Azure refuses an explicit `false`: purge protection is only ever switched on.
            ...(input.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
            ...(features.rbacAuthorization && input.enableRbacAuthorization !== undefined ? { enableRbacAuthorization: input.enableRbacAuthorization } : {}),
            ...(features.networkRules ? settingsToArm(input) : {}),
          },
        },
        { abortSignal, updateIntervalInMs: 500 },
      );
      return this.seen(vaultFromArm(v));
    }, 201);
  }

  update(vault: VaultRef, input: VaultUpdateInput, o?: CallOptions): Promise<Vault> {
    const features = this.ctx.cloud.features;
    const target = vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name);
    return this.ctx.run({ operation: 'VaultPatch', vaultName: vault.name, target }, o, async (abortSignal) => {
      const client = await this.ctx.management(vault.subscriptionId);
      const v = await client.vaults.update(
        vault.resourceGroup,
        vault.name,
        {
          ...(input.tags ? { tags: input.tags } : {}),
          properties: {
            ...(input.sku ? { sku: skuToArm(input.sku) } : {}),
            ...(input.enablePurgeProtection !== undefined ? { enablePurgeProtection: input.enablePurgeProtection } : {}),
            ...(features.rbacAuthorization && input.enableRbacAuthorization !== undefined ? { enableRbacAuthorization: input.enableRbacAuthorization } : {}),
            ...(features.softDeleteRetentionDays && input.softDeleteRetentionDays !== undefined ? { softDeleteRetentionInDays: input.softDeleteRetentionDays } : {}),
            ...(features.networkRules ? settingsToArm(input) : {}),
          },
        },
        { abortSignal },
      );
      return this.seen(vaultFromArm(v));
    });
  }

  delete(vault: VaultRef, o?: CallOptions): Promise<void> {
    const target = vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name);
    return this.ctx.run({ operation: 'VaultDelete', vaultName: vault.name, target }, o, async (abortSignal) => {
      const client = await this.ctx.management(vault.subscriptionId);
      await client.vaults.delete(vault.resourceGroup, vault.name, { abortSignal });
    });
  }

  checkNameAvailability(subscriptionId: string, name: string, o?: CallOptions): Promise<NameAvailability> {
    return this.ctx.run({ operation: 'VaultCheckNameAvailability', target: `/subscriptions/${subscriptionId}` }, o, async (abortSignal) => {
      const client = await this.ctx.management(subscriptionId);
      const r = await client.vaults.checkNameAvailability({ name, type: 'Microsoft.KeyVault/vaults' }, { abortSignal });
      return {
        nameAvailable: r.nameAvailable ?? false,
        ...(r.reason ? { reason: r.reason as NameAvailability['reason'] } : {}),
        ...(r.message ? { message: r.message } : {}),
      };
    });
  }

  /** A vault's tenant is its subscription's tenant (the signed-in tenant when ARM does not say). */
  async tenantOf(subscriptionId: string, o?: CallOptions): Promise<string> {
    try {
      const subs = await this.directory.listSubscriptions(o);
      const s = subs.find((x) => x.id.toLowerCase() === subscriptionId.toLowerCase());
      if (s?.tenantId) return s.tenantId;
    } catch {
      // A principal allowed on one subscription may not list them; fall back to its own tenant.
    }
    return this.ctx.identity.tenantId;
  }

  private seen(v: Vault): Vault {
    for (const p of v.accessPolicies) this.directory.remember(p.objectId, p.applicationId);
    return v;
  }
}
