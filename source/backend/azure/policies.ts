/** Access policies through @azure/arm-keyvault: read from the vault, changed with updateAccessPolicy (add | replace | remove). */
import type { CallOptions, PoliciesApi } from '../backend.js';
import type { AccessPolicy, AccessPolicyUpdateKind } from '../../domain/access-policy.js';
import { vaultResourceId } from '../../domain/ids.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';
import type { AzureDirectory } from './directory.js';
import { policyFromArm, policyToArm } from './vault-mapper.js';

export class AzurePolicies implements PoliciesApi {
  constructor(
    private readonly ctx: AzureContext,
    private readonly directory: AzureDirectory,
  ) {}

  list(vault: VaultRef, o?: CallOptions): Promise<AccessPolicy[]> {
    const target = vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name);
    return this.ctx.run({ operation: 'VaultGet', vaultName: vault.name, target }, o, async (abortSignal) => {
      const client = await this.ctx.management(vault.subscriptionId);
      const v = await client.vaults.get(vault.resourceGroup, vault.name, { abortSignal });
      return this.seen((v.properties.accessPolicies ?? []).map(policyFromArm));
    });
  }

  async update(vault: VaultRef, kind: AccessPolicyUpdateKind, policies: AccessPolicy[], o?: CallOptions): Promise<AccessPolicy[]> {
    const target = vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name);
    await this.ctx.run({ operation: 'VaultAccessPolicyChange', vaultName: vault.name, target }, o, async (abortSignal) => {
      const client = await this.ctx.management(vault.subscriptionId);
      await client.vaults.updateAccessPolicy(vault.resourceGroup, vault.name, kind, { properties: { accessPolicies: policies.map(policyToArm) } }, { abortSignal });
    });
    // The answer echoes only the entries sent; the console wants the vault's policies afterwards.
    return this.list(vault, o);
  }

  private seen(list: AccessPolicy[]): AccessPolicy[] {
    for (const p of list) this.directory.remember(p.objectId, p.applicationId);
    return list;
  }
}
