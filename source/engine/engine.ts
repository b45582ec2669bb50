/**
 * The Engine facade: one EngineCore (state, clock, audit) and every part over it. The memory backend
 * and the emulator call the parts; persistence listens to core.onChange.
 */
import { AuditQueryPart } from './audit-query.js';
import { EngineCore, type EngineOptions } from './core.js';
import { DeletedVaultsPart } from './deleted-vaults.js';
import { DirectoryPart } from './directory.js';
import { KeysPart } from './keys.js';
import { LocksPart } from './locks.js';
import { PoliciesPart } from './policies.js';
import { SecretsPart } from './secrets.js';
import { VaultsPart } from './vaults.js';

export class Engine {
  readonly core: EngineCore;
  readonly directory: DirectoryPart;
  readonly vaults: VaultsPart;
  readonly deletedVaults: DeletedVaultsPart;
  readonly policies: PoliciesPart;
  readonly locks: LocksPart;
  readonly audit: AuditQueryPart;
  readonly secrets: SecretsPart;
  readonly keys: KeysPart;
  private lastSweepSecond = Number.NaN;
  private sweeping = false;
  /** Set by persistence: resolves once every change so far is on disk. */
  flush: () => Promise<void> = async () => {};
  /** Set by persistence: flushes and stops saving. */
  close: () => Promise<void> = async () => {};

  constructor(options: EngineOptions = {}) {
    this.core = new EngineCore(options);
    this.directory = new DirectoryPart(this.core);
    this.vaults = new VaultsPart(this.core);
    this.deletedVaults = new DeletedVaultsPart(this.core);
    this.policies = new PoliciesPart(this.core);
    this.locks = new LocksPart(this.core);
    this.audit = new AuditQueryPart(this.core);
    this.secrets = new SecretsPart(this.core);
    this.keys = new KeysPart(this.core);
    this.core.beforeOperation = () => this.sweep();
  }

  /**
   * Purges soft-deleted vaults, secrets and keys whose scheduled purge date the clock has passed.
   * Throttled to once per clock-second because it runs at the start of every operation.
   */
  sweep(force = false): void {
    const now = this.core.now();
    const second = Math.floor(now / 1000);
    if ((!force && second === this.lastSweepSecond) || this.sweeping) return;
    this.lastSweepSecond = second;
    this.sweeping = true;
    try {
      const before = this.deletedCount();
      this.deletedVaults.purgeExpired(now);
      this.secrets.purgeExpired(now);
      this.keys.purgeExpired(now);
      if (this.deletedCount() !== before) this.core.changed();
    } finally {
      this.sweeping = false;
    }
  }

  private deletedCount(): number {
    let n = this.core.state.deletedVaults.size;
    for (const v of this.core.state.vaults.values()) n += v.deletedSecrets.size + v.deletedKeys.size;
    return n;
  }
}
