/**
 * A refusal by a lock (409 ScopeLocked) names the locked scopes, not the locks. Where the console did
 * not already know the locks (a vault's delete does), it looks up those scopes' locks, so the sentence
 * names the lock, its level and where it is: "Vault x cannot be changed: the lock y (Read-only, on
 * resource group z) blocks it." Every refusal shown — a flash, a form's error — goes through here.
 */
import type { Backend } from '../backend/backend.js';
import { lockedScopesOf } from '../domain/error-text.js';
import { isKeyVaultError } from '../domain/errors.js';
import type { ManagementLock } from '../domain/lock.js';
import { explainError, type ErrorContext, type KeyNamer } from './explain-error.js';

const sameScope = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/** True when naming the locks would need a look-up. */
export const needsLockNames = (e: unknown, ctx: ErrorContext = {}): boolean =>
  !ctx.locks && isKeyVaultError(e) && e.code === 'ScopeLocked' && lockedScopesOf(e.message).length > 0;

/** The sentence for an error, with the blocking locks named when it is a lock's refusal. */
export async function explainNamingLocks(backend: Backend, e: unknown, ctx: ErrorContext = {}, key?: KeyNamer): Promise<string> {
  if (!needsLockNames(e, ctx)) return explainError(e, ctx, key);
  const scopes = lockedScopesOf((e as Error).message);
  const lists = await Promise.all(scopes.map((s) => backend.locks.listAtScope(s).catch(() => [] as ManagementLock[])));
  const locks = lists.flat().filter((l) => scopes.some((s) => sameScope(s, l.scope)));
  return explainError(e, locks.length ? { ...ctx, locks } : ctx, key);
}
