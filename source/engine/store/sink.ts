/**
 * Where every change to the engine's state goes, at the grain it happens: a vault's properties, an
 * object's state, one version, a lock, a directory entry, an audit row. The store's tables are the only
 * writers, so nobody has to remember to report a change: persistence implements this interface and
 * writes exactly what changed (a sink never throws into the engine; it reports failure at commit).
 */
import type { AuditEntry } from '../../domain/audit.js';
import type { Principal, ResourceGroup, Subscription, Tenant } from '../../domain/directory.js';
import type { ManagementLock } from '../../domain/lock.js';
import type { ObjectKind } from '../../domain/object-kind.js';
import type { RoleAssignment } from '../../domain/role-assignment.js';
import type { DeletedDates, ObjectRecord, VaultRecord, VersionRecord } from '../state.js';

export type DirectoryEntry =
  | { kind: 'tenant'; entry: Tenant }
  | { kind: 'subscription'; entry: Subscription }
  | { kind: 'resourceGroup'; entry: ResourceGroup }
  | { kind: 'principal'; entry: Principal };

export interface StateSink {
  /** A vault's properties (not its objects); `deleted` when it is soft-deleted. */
  vault(v: VaultRecord, deleted?: DeletedDates): void;
  /** A vault and everything in it are gone for good. */
  vaultPurged(vaultName: string): void;
  /** An object's own state (name, object-level fields; not its versions); `deleted` when soft-deleted. */
  object(vaultName: string, kind: ObjectKind, record: ObjectRecord, deleted?: DeletedDates): void;
  /** An object and all its versions are gone for good. */
  objectPurged(vaultName: string, kind: ObjectKind, objectName: string): void;
  /** One version, new or changed; `index` is its place in the object's versions (oldest first, never reused). */
  version(vaultName: string, kind: ObjectKind, objectName: string, index: number, v: VersionRecord): void;
  /** A whole generated store handed over at once (perf seeding): written in bulk, if at all. */
  objectsAdopted(vaultName: string, kind: ObjectKind, records: ReadonlyMap<string, ObjectRecord>): void;
  lock(l: ManagementLock): void;
  lockRemoved(lockId: string): void;
  /** A new Azure RBAC role assignment (assignments are never updated, only added and removed). */
  roleAssignment(a: RoleAssignment): void;
  /** A role assignment is gone (revoked, or removed with its vault); `id` as the assignment had it. */
  roleAssignmentRemoved(id: string): void;
  directory(d: DirectoryEntry): void;
  audit(entry: AuditEntry): void;
}

/** Every state change but audit rows signals `onChange` (for a whole-state writer); audit rows are ignored. */
export function changeSignalSink(onChange: () => void): StateSink {
  const changed = () => onChange();
  return {
    vault: changed, vaultPurged: changed, object: changed, objectPurged: changed, version: changed,
    objectsAdopted: changed, lock: changed, lockRemoved: changed, roleAssignment: changed, roleAssignmentRemoved: changed,
    directory: changed,
    audit: () => {},
  };
}

/** No persistence: an in-memory engine. */
export const NULL_SINK: StateSink = changeSignalSink(() => {});

/** What the tables hold on to: the store's current sink (persistence attaches after loading). */
export interface SinkRef {
  sink: StateSink;
}
