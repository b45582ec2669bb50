/**
 * Turns any backend's KeyVaultError (engine, emulator or Azure — they all carry Azure's codes and
 * texts) into one sentence a person can act on. Never a stack trace, never a value.
 */
import { isKeyVaultError } from '../domain/errors.js';
import { parseScope } from '../domain/ids.js';
import { LOCK_LEVEL_LABEL, type ManagementLock } from '../domain/lock.js';

export interface ErrorContext {
  /** Locks known to cover the target, so a ScopeLocked refusal can name them. */
  locks?: ManagementLock[];
  /** The scheduled purge date of the item a purge was refused for. */
  scheduledPurgeDate?: Date;
  /** What the user was doing, e.g. "delete vault ase-edge01-kv". */
  action?: string;
}

export const formatDate = (d: Date) => d.toISOString().slice(0, 10);

function scopeWords(scope: string): string {
  const p = parseScope(scope);
  if (p.vaultName) return `vault ${p.vaultName}`;
  if (p.resourceGroup) return `resource group ${p.resourceGroup}`;
  if (p.subscriptionId) return `subscription ${p.subscriptionId}`;
  return scope;
}

const sameScope = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

function explainLocked(message: string, ctx: ErrorContext): string {
  const m = /scope '([^']+)' cannot perform (\w+) operation because following scope\(s\) are locked: (.*?)\. Please/.exec(message);
  const target = m ? scopeWords(m[1]) : 'This resource';
  const op = m?.[2] === 'write' ? 'be changed' : 'be deleted';
  const lockedScopes = m ? [...m[3].matchAll(/'([^']+)'/g)].map((x) => x[1]) : [];
  const locks = (ctx.locks ?? []).filter((l) => lockedScopes.length === 0 || lockedScopes.some((s) => sameScope(s, l.scope)));
  if (locks.length > 0) {
    const named = locks.map((l) => `${l.name} (${LOCK_LEVEL_LABEL[l.level]}, on ${scopeWords(l.scope)})`).join(' and ');
    return `${cap(target)} cannot ${op}: the lock ${named} blocks it. Remove the lock in pane 5 (Locks, d), then try again.`;
  }
  const where = lockedScopes.map(scopeWords).join(', ') || 'its scope';
  return `${cap(target)} cannot ${op}: a lock on ${where} blocks it. Remove the lock in pane 5 (Locks, d), then try again.`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The first sentence of a service message, without links. */
function firstSentence(message: string): string {
  const noLinks = message.replace(/\s*(For help resolving this issue, please see|Follow this link for more information:|For more details please go to)\s*https?:\S+/g, '');
  const m = /^(.*?[.!?])(\s|$)/.exec(noLinks.trim());
  return (m ? m[1] : noLinks.trim()).slice(0, 300);
}

export function explainError(e: unknown, ctx: ErrorContext = {}): string {
  if (!isKeyVaultError(e)) {
    const err = e as { name?: string; message?: string; code?: string } | undefined;
    if (err?.name === 'AbortError') return 'Cancelled.';
    if (err?.code === 'ENOENT') return `File not found: ${err.message?.match(/'([^']+)'/)?.[1] ?? 'the path given'}.`;
    if (err?.code === 'EACCES') return 'Permission denied reading or writing that file.';
    if (err?.code === 'ECONNREFUSED') return 'Cannot reach the service (connection refused). Is the emulator running?';
    const msg = err?.message ? firstSentence(err.message.split('\n')[0]) : 'Something went wrong.';
    return ctx.action ? `Could not ${ctx.action}: ${msg}` : msg;
  }
  const inner = e.innerCode;
  const msg = e.message;
  if (inner === 'AccessDenied' || /does not have \w+ \w+ permission/.test(msg)) {
    const m = /does not have (\w+) (\w+) permission on key vault '([^;']+)/.exec(msg);
    if (m) return `You lack the ${m[1]}/${m[2]} permission on vault ${m[3]}. An access policy can grant it (pane 4).`;
    return 'You lack the permission for this on the vault. An access policy can grant it (pane 4).';
  }
  if (e.code === 'ScopeLocked') return explainLocked(msg, ctx);
  if (inner === 'ObjectIsDeletedButRecoverable') {
    const m = /^(Secret|Key) (\S+) is currently/.exec(msg);
    const kind = m?.[1].toLowerCase() ?? 'item';
    return `A deleted ${kind} named ${m?.[2] ?? 'like this'} is in the bin, so the name cannot be reused yet. Recover it (pane 6, r) or purge it (P) first.`;
  }
  if (e.code === 'ConflictError' && /deleted state/.test(msg)) {
    return 'A soft-deleted vault of yours has this name. Recover it from pane 6 (Deleted, r), or purge it (P) to free the name.';
  }
  if (e.code === 'VaultAlreadyExists') {
    const name = /vault name '([^']+)'/.exec(msg)?.[1] ?? 'this name';
    return `The vault name ${name} is taken, possibly by a soft-deleted vault. If it is yours, recover it from pane 6 (Deleted, r); otherwise pick another name.`;
  }
  if (inner === 'PurgeProtected' || (e.code === 'MethodNotAllowed' && /Purge/.test(msg))) {
    const when = ctx.scheduledPurgeDate ? ` Key Vault purges it automatically on ${formatDate(ctx.scheduledPurgeDate)}.` : ' Key Vault purges it automatically when the retention period ends.';
    return `Purge protection is on, so this cannot be purged before its date.${when} You can still recover it (r).`;
  }
  if (inner === 'SecretDisabled') return 'This secret version is disabled, so its value cannot be read. Enable it (e) to read it.';
  if (inner === 'KeyDisabled') return 'This key is disabled. Enable it (e) to use it.';
  if (inner === 'KeyOperationForbidden') {
    const op = /Operation (\w+)/.exec(msg)?.[1] ?? 'this operation';
    return `This key does not permit ${op}. Allow it in the key's permitted operations (e).`;
  }
  if (e.status === 429 || e.code === 'Throttled') {
    const wait = e.retryAfterSeconds ? `${e.retryAfterSeconds} s` : 'a few seconds';
    return `Key Vault is throttling requests (too many in a short time). Wait ${wait}, then press R.`;
  }
  if (e.code === 'VaultNameNotValid') return 'Vault names are 3–24 letters, digits and hyphens, start with a letter, end with a letter or digit, with no "--".';
  if (e.code === 'BadRequest' && /enablePurgeProtection/.test(msg)) return 'Purge protection cannot be turned off once it is on.';
  if (e.status === 404) {
    const m = /(?:name\/id\)|not found:|vault) '?([\w-]+)'?/i.exec(msg);
    const what = m?.[1];
    return `${what ? `${what} was` : 'It was'} not found: it may have been deleted or renamed. Press R to refresh.`;
  }
  if (e.status === 401) return 'Not signed in, or the sign-in expired. Sign in again (see kvdeck --help: --auth).';
  if (e.status >= 500) return `The service failed (${e.code}). Try again in a moment (R).`;
  return firstSentence(msg);
}
