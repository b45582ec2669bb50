/**
 * The Engine facade: one EngineCore (state, clock, audit) and every part over it. The memory backend
 * and the emulator call the parts; `objects` is the same parts as a table by kind, for the layers that
 * dispatch on ObjectKind (the bin, the lifecycle routes).
 */
import type { ObjectKind } from '../domain/object-kind.js';
import { AuditQueryPart } from './audit-query.js';
import { CertificateSettingsPart } from './certificate-settings.js';
import { CertificatesPart } from './certificates.js';
import { EngineCore, type EngineOptions } from './core.js';
import { DeletedVaultsPart } from './deleted-vaults.js';
import { DirectoryPart } from './directory.js';
import { KeysPart } from './keys.js';
import { LocksPart } from './locks.js';
import { PoliciesPart } from './policies.js';
import { RoleAssignmentsPart } from './role-assignments.js';
import { SecretsPart } from './secrets.js';
import { VaultsPart } from './vaults.js';

/** The part of each object kind. */
export interface ObjectParts {
  secret: SecretsPart;
  key: KeysPart;
  certificate: CertificatesPart;
}

export class Engine {
  readonly core: EngineCore;
  readonly directory: DirectoryPart;
  readonly vaults: VaultsPart;
  readonly deletedVaults: DeletedVaultsPart;
  readonly policies: PoliciesPart;
  readonly locks: LocksPart;
  /** Azure RBAC: role definitions, role assignments, the caller's permissions. */
  readonly access: RoleAssignmentsPart;
  readonly audit: AuditQueryPart;
  readonly secrets: SecretsPart;
  readonly keys: KeysPart;
  readonly certificates: CertificatesPart;
  /** Certificate contacts and issuers (vault-level settings). */
  readonly certificateSettings: CertificateSettingsPart;
  readonly objects: ObjectParts;
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
    this.access = new RoleAssignmentsPart(this.core);
    this.audit = new AuditQueryPart(this.core);
    this.secrets = new SecretsPart(this.core);
    this.keys = new KeysPart(this.core);
    this.certificates = new CertificatesPart(this.core);
    this.certificateSettings = new CertificateSettingsPart(this.core);
    this.objects = { secret: this.secrets, key: this.keys, certificate: this.certificates };
    this.core.beforeOperation = () => this.sweep();
  }

  /** The part of one object kind (the bin and the lifecycle routes dispatch on the kind). */
  part<K extends ObjectKind>(kind: K): ObjectParts[K] {
    return this.objects[kind];
  }

  /**
   * Purges soft-deleted vaults and objects whose scheduled purge date the clock has passed, and renews
   * the certificates whose AutoRenew trigger it has passed.
   * Throttled to once per clock-second because it runs at the start of every operation.
   */
  sweep(force = false): void {
    const now = this.core.now();
    const second = Math.floor(now / 1000);
    if ((!force && second === this.lastSweepSecond) || this.sweeping) return;
    this.lastSweepSecond = second;
    this.sweeping = true;
    try {
      this.deletedVaults.purgeExpired(now);
      for (const part of Object.values(this.objects)) part.purgeExpired(now);
      this.keys.autoRotate(now);
      this.certificates.renewDue(now);
    } finally {
      this.sweeping = false;
    }
  }
}
