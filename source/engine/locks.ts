/**
 * Management locks (Microsoft.Authorization/locks) at subscription, resource group and vault scope.
 * Locks are inherited downwards and cover the management plane only: no data-plane operation looks
 * at them. Creating or deleting a lock is never blocked by a lock (that is how one removes a lock).
 */
import { MANAGEMENT_ACTIONS as A } from '../domain/actions.js';
import { errors, KeyVaultError } from '../domain/errors.js';
import { lockResourceId, parseScope, resourceGroupScope, subscriptionScope, vaultResourceId } from '../domain/ids.js';
import type { LockCreateInput, LockLevel, ManagementLock } from '../domain/lock.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { authorizeManagement } from './authorization.js';
import { resolveScope } from './scopes.js';
import type { VaultRecord } from './state.js';
import { authorizedVault, vaultIdOf, type VaultAddress } from './vault-records.js';

const LOCK_LEVELS: readonly LockLevel[] = ['CanNotDelete', 'ReadOnly'];
const BAD_LOCK_NAME = /[<>%&:\\?/]/;

const sameScope = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const lockNotFound = (name: string) =>
  new KeyVaultError(404, 'LockNotFound', `The lock '${name}' could not be found.`);

/** The scopes whose locks apply to a vault: its subscription, its resource group and itself. */
export function scopesAbove(v: VaultRecord): string[] {
  return [subscriptionScope(v.subscriptionId), resourceGroupScope(v.subscriptionId, v.resourceGroup), vaultIdOf(v)];
}

export function locksCovering(core: EngineCore, v: VaultRecord): ManagementLock[] {
  const scopes = scopesAbove(v);
  return core.state.locks.all().filter((l) => scopes.some((s) => sameScope(s, l.scope)));
}

/**
 * Refuses a management operation on a vault under a lock: any lock blocks delete, ReadOnly also
 * blocks every write (properties, tags, access policies). Azure's 409 ScopeLocked names the locked scopes.
 */
export function assertNotLocked(core: EngineCore, v: VaultRecord, operation: 'delete' | 'write'): void {
  const blocking = locksCovering(core, v).filter((l) => operation === 'delete' || l.level === 'ReadOnly');
  if (blocking.length === 0) return;
  const scopes = [...new Set(blocking.map((l) => l.scope))];
  throw errors.scopeLocked(vaultIdOf(v), operation, scopes);
}

export class LocksPart {
  constructor(private readonly core: EngineCore) {}

  /** Locks at the vault and those it inherits from its resource group and subscription. */
  listForVault(ctx: CallContext, addr: VaultAddress): ManagementLock[] {
    return this.core.audited(ctx, 'LockList', { vaultName: addr.name, target: vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name) }, () => {
      return locksCovering(this.core, authorizedVault(this.core, ctx, addr, A.locksRead)).map(copyLock);
    });
  }

  /** Every lock at the scope and below it. */
  listAtScope(ctx: CallContext, scope: string): ManagementLock[] {
    return this.core.audited(ctx, 'LockList', { target: scope }, () => {
      const canonical = this.authorizedScope(ctx, scope, A.locksRead);
      const prefix = canonical.toLowerCase();
      return this.core.state.locks
        .all()
        .filter((l) => {
          const s = l.scope.toLowerCase();
          return s === prefix || s.startsWith(prefix + '/');
        })
        .map(copyLock);
    });
  }

  /** Create or update (PUT semantics: a lock of the same name at the same scope is replaced). */
  create(ctx: CallContext, input: LockCreateInput): ManagementLock {
    return this.core.audited(ctx, 'LockCreate', { vaultName: parseScope(input.scope).vaultName, target: input.scope }, () => {
      const scope = this.authorizedScope(ctx, input.scope, A.locksWrite, input.name);
      if (!input.name || input.name.length > 90 || BAD_LOCK_NAME.test(input.name)) {
        throw new KeyVaultError(400, 'LockNameInvalid', `The lock name '${input.name}' is invalid. It must be 1-90 characters and cannot contain <, >, %, &, :, \\, ?, /.`);
      }
      if (!LOCK_LEVELS.includes(input.level)) {
        throw new KeyVaultError(400, 'InvalidLockLevel', `The lock level '${String(input.level)}' is invalid. Valid levels: CanNotDelete, ReadOnly.`);
      }
      if (input.notes !== undefined && input.notes.length > 512) {
        throw new KeyVaultError(400, 'LockNotesTooLong', 'The lock notes must be at most 512 characters.');
      }
      const lock: ManagementLock = {
        id: lockResourceId(scope, input.name),
        name: input.name,
        level: input.level,
        scope,
        notes: input.notes,
        owners: input.owners?.map((o) => ({ ...o })),
      };
      this.core.state.locks.put(lock);
      return copyLock(lock);
    }, 201);
  }

  delete(ctx: CallContext, scope: string, name: string): void {
    this.core.audited(ctx, 'LockDelete', { vaultName: parseScope(scope).vaultName, target: lockResourceId(scope, name) }, () => {
      const canonical = this.authorizedScope(ctx, scope, A.locksDelete, name);
      if (!this.core.state.locks.remove(canonical, name)) throw lockNotFound(name);
    });
  }

  /**
   * The canonical ARM spelling of an existing subscription, resource group or vault scope, once the
   * caller is authorized for `action` there (a refusal names the lock, as ARM's does).
   */
  private authorizedScope(ctx: CallContext, raw: string, action: string, lockName?: string): string {
    const { id, tenantId } = resolveScope(this.core, raw.replace(/\/+/g, '/'), { objects: false });
    authorizeManagement(this.core, ctx, action, id, { tenantId, reportedScope: lockName ? lockResourceId(id, lockName) : undefined });
    return id;
  }
}

function copyLock(l: ManagementLock): ManagementLock {
  return { ...l, owners: l.owners?.map((o) => ({ ...o })) };
}
