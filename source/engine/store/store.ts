/**
 * The engine's whole state: the directory (tenants, subscriptions, resource groups, principals), the
 * vaults with their objects, the locks, the role assignments and the audit log. Reads are plain; every write is a method
 * of a table, and every table reports its writes to `sink` (persistence attaches its own).
 */
import type { Principal, ResourceGroup, Subscription, Tenant } from '../../domain/directory.js';
import { AuditLog } from './audit-log.js';
import { LockTable } from './lock-table.js';
import { RoleAssignmentTable } from './role-assignment-table.js';
import { NULL_SINK, type SinkRef, type StateSink } from './sink.js';
import { VaultTable } from './vault-table.js';

export class Store implements SinkRef {
  sink: StateSink = NULL_SINK;
  readonly vaults = new VaultTable(this);
  readonly locks = new LockTable(this);
  readonly roleAssignments = new RoleAssignmentTable(this);
  readonly audit = new AuditLog(this);
  private readonly _tenants: Tenant[] = [];
  private readonly _subscriptions: Subscription[] = [];
  private readonly _resourceGroups: ResourceGroup[] = [];
  private readonly _principals: Principal[] = [];

  get tenants(): readonly Tenant[] {
    return this._tenants;
  }
  get subscriptions(): readonly Subscription[] {
    return this._subscriptions;
  }
  get resourceGroups(): readonly ResourceGroup[] {
    return this._resourceGroups;
  }
  get principals(): readonly Principal[] {
    return this._principals;
  }

  addTenant(t: Tenant): void {
    this._tenants.push({ ...t });
    this.sink.directory({ kind: 'tenant', entry: t });
  }
  addSubscription(s: Subscription): void {
    this._subscriptions.push({ ...s });
    this.sink.directory({ kind: 'subscription', entry: s });
  }
  addResourceGroup(g: ResourceGroup): void {
    this._resourceGroups.push({ ...g });
    this.sink.directory({ kind: 'resourceGroup', entry: g });
  }
  addPrincipal(p: Principal): void {
    this._principals.push({ ...p });
    this.sink.directory({ kind: 'principal', entry: p });
  }
}
