/** Management locks, at any scope; the only writer of locks. Scopes and names compare case-insensitively. */
import type { ManagementLock } from '../../domain/lock.js';
import type { SinkRef } from './sink.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class LockTable {
  private readonly locks: ManagementLock[] = [];

  constructor(private readonly ref: SinkRef) {}

  all(): readonly ManagementLock[] {
    return this.locks;
  }

  find(scope: string, name: string): ManagementLock | undefined {
    return this.locks.find((l) => same(l.scope, scope) && same(l.name, name));
  }

  /** Create or replace (PUT semantics: same scope and name). */
  put(lock: ManagementLock): void {
    const i = this.locks.findIndex((l) => same(l.scope, lock.scope) && same(l.name, lock.name));
    if (i >= 0) this.locks[i] = lock;
    else this.locks.push(lock);
    this.ref.sink.lock(lock);
  }

  /** False when there was no such lock. */
  remove(scope: string, name: string): boolean {
    const i = this.locks.findIndex((l) => same(l.scope, scope) && same(l.name, name));
    if (i < 0) return false;
    const [gone] = this.locks.splice(i, 1);
    this.ref.sink.lockRemoved(gone.id);
    return true;
  }
}
