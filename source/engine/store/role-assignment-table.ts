/**
 * Azure RBAC role assignments, at any scope; the only writer of role assignments. Ids, scopes and
 * principal ids compare case-insensitively (ARM ids do). Every change goes to the state sink, one
 * assignment at a time (removing a vault's assignments reports each one).
 */
import { scopeContains, scopeKey } from '../../domain/access-scope.js';
import type { RoleAssignment } from '../../domain/role-assignment.js';
import type { SinkRef } from './sink.js';

const key = (id: string) => id.toLowerCase();

/** An assignment with its scope's comparable key, made once. */
export interface IndexedAssignment {
  assignment: RoleAssignment;
  scopeKey: string;
}

export class RoleAssignmentTable {
  private readonly byId = new Map<string, RoleAssignment>();
  /** By lower-cased principal id: every data-plane call in an RBAC vault asks for one principal's. */
  private readonly byPrincipal = new Map<string, Map<string, IndexedAssignment>>();

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

  /** One principal's assignments, with their scope keys. */
  ofPrincipal(principalId: string): Iterable<IndexedAssignment> {
    return this.byPrincipal.get(principalId.toLowerCase())?.values() ?? [];
  }

  /** Adds an assignment (assignments are never changed in place: ARM refuses updates). */
  put(a: RoleAssignment): void {
    this.byId.set(key(a.id), a);
    const p = a.principalId.toLowerCase();
    if (!this.byPrincipal.has(p)) this.byPrincipal.set(p, new Map());
    this.byPrincipal.get(p)!.set(key(a.id), { assignment: a, scopeKey: scopeKey(a.scope) });
    this.ref.sink.roleAssignment(a);
  }

  /** False when there was no such assignment. */
  remove(id: string): boolean {
    const a = this.byId.get(key(id));
    if (!a) return false;
    this.byId.delete(key(id));
    this.byPrincipal.get(a.principalId.toLowerCase())?.delete(key(id));
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
