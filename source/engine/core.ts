/**
 * What every part of the engine shares: the state (store/: every write goes through its tables),
 * the clock, how vault URIs are spelled, the audit wrapper, and the change signal a whole-state writer
 * listens to. Who may do what is decided in authorization.ts.
 * Parts (vaults, secrets, keys, policies, locks, deleted, audit) are small classes over one EngineCore.
 */
import { randomBytes } from 'node:crypto';
import { errors, KeyVaultError } from '../domain/errors.js';
import { vaultUriFor } from '../domain/ids.js';
import { networkRefusal, plainAddress } from '../domain/network.js';
import type { RecoveryLevel } from '../domain/secret.js';
import type { CallContext } from './call-context.js';
import { systemClock, type Clock } from './clock.js';
import type { VaultRecord } from './state.js';
import { Store } from './store/store.js';

export { AUDIT_CAPACITY } from './store/audit-log.js';

export interface EngineOptions {
  clock?: Clock;
  /** Data-plane base URI of a vault (trailing slash). Default: public Azure's https://{name}.vault.azure.net/ */
  vaultUri?: (name: string) => string;
}

export interface AuditTarget {
  vaultName?: string;
  target: string;
}

export class EngineCore {
  state: Store = new Store();
  readonly clock: Clock;
  readonly vaultUri: (name: string) => string;
  private readonly changeListeners = new Set<() => void>();
  /** Errors audited() already recorded, so a wire layer does not record the same refusal twice. */
  private readonly auditedErrors = new WeakSet<object>();
  /**
   * Runs at the start of every audited operation. The Engine sets it to its throttled sweep, so
   * automatic purges of expired soft-deleted items happen whichever part (or emulator) is called.
   */
  beforeOperation?: () => void;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.vaultUri = options.vaultUri ?? ((name) => vaultUriFor(name));
  }

  now(): number {
    return this.clock.now();
  }

  /** Called on every state change when a whole-state writer is attached (changeSignalSink). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  changed(): void {
    for (const l of this.changeListeners) l();
  }

  /** A new object version id: 32 lowercase hex characters. */
  newVersion(): string {
    return randomBytes(16).toString('hex');
  }

  /** The active vault a data-plane call addresses (vault names are global). */
  dataPlaneVault(vaultName: string): VaultRecord {
    const v = this.state.vaults.get(vaultName);
    if (!v) throw new KeyVaultError(404, 'VaultNotFound', `The vault '${vaultName}' was not found.`);
    return v;
  }

  recoveryLevel(vault: VaultRecord): RecoveryLevel {
    const custom = vault.softDeleteRetentionDays < 90 ? 'CustomizedRecoverable' : 'Recoverable';
    return vault.enablePurgeProtection ? custom : `${custom}+Purgeable`;
  }

  /**
   * The vault's network rules, before any permission (Key Vault's firewall answers first): public
   * access disabled refuses everyone (no private links here); a Deny firewall refuses addresses no
   * IP rule names. The management plane never calls this.
   */
  admitNetwork(ctx: CallContext, vault: VaultRecord): void {
    const address = ctx.clientAddress ?? '';
    const refusal = networkRefusal(vault, address);
    if (!refusal) return;
    const caller = { objectId: ctx.objectId, appId: ctx.appId, tenantId: ctx.tenantId ?? vault.tenantId };
    if (refusal === 'connection') throw errors.forbiddenByConnection(caller, vault.name, vault.location);
    throw errors.forbiddenByFirewall(caller, plainAddress(address), vault.name, vault.location);
  }

  /** Runs an operation and records it in the audit log, allowed or refused. Never records values. */
  audited<T>(ctx: CallContext, operation: string, target: AuditTarget, fn: () => T, successCode = 200): T {
    this.beforeOperation?.();
    const started = performance.now();
    try {
      const result = fn();
      this.record(ctx, operation, target, successCode, undefined, started);
      return result;
    } catch (e) {
      const status = e instanceof KeyVaultError ? e.status : 500;
      const code = e instanceof KeyVaultError ? e.code : 'InternalError';
      this.record(ctx, operation, target, status, code, started);
      if (e !== null && typeof e === 'object') this.auditedErrors.add(e);
      throw e;
    }
  }

  /** Whether audited() recorded this error (the operation reached the engine). */
  wasAudited(error: unknown): boolean {
    return error !== null && typeof error === 'object' && this.auditedErrors.has(error);
  }

  /**
   * Records a request refused before it reached the engine (the emulator's 401s, unknown routes, bad
   * api-versions, oversized bodies, injected faults, throttling). `ctx.objectId` is 'anonymous' when
   * no token was read. The operation is a name or `METHOD /path`: never a body, query or token.
   */
  recordRefusal(ctx: CallContext, operation: string, target: AuditTarget, resultCode: number, errorCode: string | undefined, startedAt = performance.now()): void {
    this.record(ctx, operation, target, resultCode, errorCode, startedAt);
  }

  private record(ctx: CallContext, operation: string, target: AuditTarget, resultCode: number, errorCode: string | undefined, started: number): void {
    const principal = this.state.principals.find((p) => p.objectId === ctx.objectId);
    this.state.audit.append({
      time: new Date(this.now()),
      caller: { objectId: ctx.objectId, displayName: principal?.displayName, upn: principal?.upn, appId: ctx.appId ?? principal?.appId },
      clientAddress: ctx.clientAddress,
      operation,
      vaultName: target.vaultName,
      target: target.target,
      resultCode,
      errorCode,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  }
}
