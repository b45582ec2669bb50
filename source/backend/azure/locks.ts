/**
 * Management locks through @azure/arm-locks. A vault's locks include those inherited from its
 * resource group and subscription: one list at the subscription (which returns every lock below it,
 * with its scope), kept when the lock's scope is the vault or one of its parents. Callers asking for
 * vaults of the same subscription at the same time (the Vaults pane at start-up asks for all of them)
 * share that one listing: one ARM request per subscription, not one per vault.
 */
import type { ManagementLockObject } from '@azure/arm-locks';
import type { CallOptions, LocksApi } from '../backend.js';
import { KeyVaultError } from '../../domain/errors.js';
import { lockResourceId, parseScope, resourceGroupScope, subscriptionScope, vaultResourceId } from '../../domain/ids.js';
import type { LockCreateInput, LockLevel, ManagementLock } from '../../domain/lock.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';
import { SharedCalls } from './shared-calls.js';

const LOCK_SEGMENT = /\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i;

export function lockFromArm(l: ManagementLockObject): ManagementLock {
  const id = l.id ?? '';
  return {
    id,
    name: l.name ?? '',
    level: l.level as LockLevel,
    scope: id.replace(LOCK_SEGMENT, ''),
    ...(l.notes ? { notes: l.notes } : {}),
    ...(l.owners?.length ? { owners: l.owners.map((o) => ({ applicationId: o.applicationId ?? '' })) } : {}),
  };
}

/** ARM ids compare case-insensitively (`resourcegroups` vs `resourceGroups`). */
const norm = (s: string) => s.toLowerCase().replace(/\/+$/, '');

export class AzureLocks implements LocksApi {
  private readonly perSubscription = new SharedCalls<ManagementLock[]>();

  constructor(private readonly ctx: AzureContext) {}

  async listForVault(vault: VaultRef, o?: CallOptions): Promise<ManagementLock[]> {
    const parents = [
      subscriptionScope(vault.subscriptionId),
      resourceGroupScope(vault.subscriptionId, vault.resourceGroup),
      vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name),
    ].map(norm);
    const scope = subscriptionScope(vault.subscriptionId);
    const all = await this.perSubscription.run(norm(scope), o?.signal, (signal) => this.list(scope, undefined, { signal }));
    return all.filter((l) => parents.includes(norm(l.scope))).map((l) => ({ ...l }));
  }

  listAtScope(scope: string, o?: CallOptions): Promise<ManagementLock[]> {
    return this.list(scope, parseScope(scope).vaultName, o);
  }

  private list(scope: string, vaultName: string | undefined, o?: CallOptions): Promise<ManagementLock[]> {
    return this.ctx.run({ operation: 'LockList', vaultName, target: scope }, o, async (abortSignal) => {
      const client = await this.ctx.locks(this.subscriptionOf(scope));
      const out: ManagementLock[] = [];
      for await (const l of client.managementLocks.listByScope(scope, { abortSignal })) out.push(lockFromArm(l));
      return out;
    });
  }

  /** Writes settle before a listing that began earlier can be trusted: later callers start afresh. */
  create(input: LockCreateInput, o?: CallOptions): Promise<ManagementLock> {
    const target = lockResourceId(input.scope, input.name);
    return this.ctx.run({ operation: 'LockCreate', vaultName: parseScope(input.scope).vaultName, target }, o, async (abortSignal) => {
      const client = await this.ctx.locks(this.subscriptionOf(input.scope));
      const l = await client.managementLocks.createOrUpdateByScope(
        input.scope,
        input.name,
        { level: input.level, notes: input.notes, owners: input.owners },
        { abortSignal },
      );
      return lockFromArm(l);
    }, 201).finally(() => this.perSubscription.forget());
  }

  delete(scope: string, name: string, o?: CallOptions): Promise<void> {
    return this.ctx.run({ operation: 'LockDelete', vaultName: parseScope(scope).vaultName, target: lockResourceId(scope, name) }, o, async (abortSignal) => {
      const client = await this.ctx.locks(this.subscriptionOf(scope));
      await client.managementLocks.deleteByScope(scope, name, { abortSignal });
    }).finally(() => this.perSubscription.forget());
  }

  private subscriptionOf(scope: string): string {
    const sub = parseScope(scope).subscriptionId;
    if (!sub) throw new KeyVaultError(400, 'InvalidScope', `The scope '${scope}' names no subscription.`);
    return sub;
  }
}
