/**
 * Azure RBAC role assignments, at any scope; the only writer of role assignments. Ids, scopes and
 * principal ids compare case-insensitively (ARM ids do). Every change goes to the state sink, one
 * assignment at a time (removing a vault's assignments reports each one).
 */
import { scopeContains } from '../../domain/access-scope.js';
import type { RoleAssignment } from '../../domain/role-assignment.js';
import type { SinkRef } from './sink.js';

const key = (id: string) => id.toLowerCase();

export class RoleAssignmentTable {
  private readonly byId = new Map<string, RoleAssignment>();

  constructor(private readonly ref: SinkRef) {}

  all(): IterableIterator<RoleAssignment> {
    return this.byId.values();
  }

  get(id: string): RoleAssignment | undefined {
    return this.byId.get(key(id));
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds an assignment (assignments are never changed in place: ARM refuses updates). */
  put(a: RoleAssignment): void {
    this.byId.set(key(a.id), a);
    this.ref.sink.roleAssignment(a);
  }

  /** False when there was no such assignment. */
  remove(id: string): boolean {
    const a = this.byId.get(key(id));
    if (!a) return false;
    this.byId.delete(key(id));
    this.ref.sink.roleAssignmentRemoved(a.id);
    return true;
  }

  /** Removes every assignment at `scope` or below it (a vault's, when it is deleted); how many went. */
  removeAtAndBelow(scope: string): number {
    const gone = [...this.byId.values()].filter((a) => scopeContains(scope, a.scope));
    for (const a of gone) this.remove(a.id);
    return gone.length;
  }
}
