/**
 * What went wrong, in one sentence a person can act on — written once for every surface. Any
 * backend's KeyVaultError (engine, emulator or Azure: they all carry Azure's codes and texts) and the
 * usual Node errors become a `sentence`, plus a `remedy`: what the person can do, named but not worded.
 * Each surface words the remedies its own way — the console with its panes and keys
 * (source/ui/explain-error.ts), the one-shot commands without them (source/commands/error-text.ts) —
 * and the compiler makes each surface word every remedy. Never a stack trace, never a value.
 */
import { smallestRoleFor } from './access-advice.js';
import { parseAccessScope } from './access-scope.js';
import { isKeyVaultError } from './errors.js';
import { parseScope } from './ids.js';
import { LOCK_LEVEL_LABEL, type ManagementLock } from './lock.js';
import { refusalOf, type Refusal } from './refusal.js';
import { networkRefusalOf } from './network.js';

export interface ErrorContext {
  /** Locks known to cover the target, so a ScopeLocked refusal can name them. */
  locks?: ManagementLock[];
  /** The scheduled purge date of the item a purge was refused for. */
  scheduledPurgeDate?: Date;
  /** What the user was doing, e.g. "delete vault ase-edge01-kv". */
  action?: string;
  /** What was asked for by name (a one-shot command knows): a "not found" then says which part is missing. */
  target?: { vault: string; secret?: string; version?: string };
}

/** What the person can do about it; each surface has its words for each kind. */
export type Remedy =
  /** An access policy of the vault can grant the missing permission. */
  | { kind: 'grantPermission' }
  /**
   * A role assignment can grant the missing action: `role` is the smallest built-in role that allows
   * it, `scope` where it was refused (an ARM id) and `where` the same in words ("vault contoso-shared-kv").
   */
  | { kind: 'assignRole'; role: string; scope: string; where: string }
  | { kind: 'removeLock' }
  | { kind: 'recoverOrPurge' }
  | { kind: 'recoverVaultOrRename' }
  | { kind: 'stillRecoverable' }
  | { kind: 'enableSecret' }
  | { kind: 'enableKey' }
  | { kind: 'allowOperation' }
  | { kind: 'allowAddress' }
  | { kind: 'waitThenRetry'; wait: string }
  | { kind: 'refresh' }
  | { kind: 'signIn' }
  | { kind: 'retryLater' };

export type RemedyKind = Remedy['kind'];

/** A surface's words for every remedy (undefined: nothing to add there). */
export type RemedyWords = { [K in RemedyKind]: (r: Extract<Remedy, { kind: K }>) => string | undefined };

export interface Described {
  sentence: string;
  remedy?: Remedy;
}

export const formatDate = (d: Date) => d.toISOString().slice(0, 10);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A scope in words: "vault contoso-app-kv", "secret smtp-password in vault contoso-shared-kv", … */
export function scopeWords(scope: string): string {
  const s = parseAccessScope(scope);
  if (s?.kind === 'object') return `${s.objectArea!.replace(/s$/, '')} ${s.objectName} in vault ${s.vaultName}`;
  const p = parseScope(scope);
  if (p.vaultName) return `vault ${p.vaultName}`;
  if (p.resourceGroup) return `resource group ${p.resourceGroup}`;
  if (p.subscriptionId) return `subscription ${p.subscriptionId}`;
  return scope;
}

const sameScope = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

const LOCKED = /scope '([^']+)' cannot perform (\w+) operation because following scope\(s\) are locked: (.*?)\. Please/;

/** The scopes a ScopeLocked refusal names as locked (ARM names the scopes, not the locks). */
export function lockedScopesOf(message: string): string[] {
  const m = LOCKED.exec(message);
  return m ? [...m[3].matchAll(/'([^']+)'/g)].map((x) => x[1]) : [];
}

function locked(message: string, ctx: ErrorContext): string {
  const m = LOCKED.exec(message);
  const target = m ? scopeWords(m[1]) : 'This resource';
  const op = m?.[2] === 'write' ? 'be changed' : 'be deleted';
  const lockedScopes = lockedScopesOf(message);
  const locks = (ctx.locks ?? []).filter((l) => lockedScopes.length === 0 || lockedScopes.some((s) => sameScope(s, l.scope)));
  if (locks.length > 0) {
    const named = locks.map((l) => `${l.name} (${LOCK_LEVEL_LABEL[l.level]}, on ${scopeWords(l.scope)})`).join(' and ');
    return `${cap(target)} cannot ${op}: the lock ${named} blocks it.`;
  }
  const where = lockedScopes.map(scopeWords).join(', ') || 'its scope';
  return `${cap(target)} cannot ${op}: a lock on ${where} blocks it.`;
}

/** The first sentence of a service message, without links. */
export function firstSentence(message: string): string {
  const noLinks = message.replace(/\s*(For help resolving this issue, please see|Follow this link for more information:|For more details please go to)\s*https?:\S+/g, '');
  const m = /^(.*?[.!?])(\s|$)/.exec(noLinks.trim());
  return (m ? m[1] : noLinks.trim()).slice(0, 300);
}

/** A "not found" for what was asked by name: the vault, the secret in it, or the secret's version. */
function missing(status: number, code: string, message: string, t: NonNullable<ErrorContext['target']>): string | undefined {
  const badVersion = t.version && (code === 'SecretNotFound' || (status === 400 && /invalid version/i.test(message)));
  if (badVersion) return `Secret ${t.secret} in vault ${t.vault} has no version ${t.version}.`;
  if (code === 'SecretNotFound' && t.secret) return `Secret ${t.secret} was not found in vault ${t.vault}.`;
  if (code === 'VaultNotFound' || code === 'ResourceNotFound' || (status === 404 && !t.secret)) return `Vault ${t.vault} was not found.`;
  return undefined;
}

/**
 * A refusal by Azure RBAC, in words: what was missing where, and the smallest built-in role that
 * allows it ("needs Key Vault Secrets Officer"), read back from Azure's own message (refusal.ts).
 */
function rbacRefusal(r: Extract<Refusal, { model: 'rbac' }>): Described {
  const where = scopeWords(r.scope);
  const what = r.kind === 'dataAction' ? 'the data action' : 'the action';
  if (r.kind === 'action' && r.conditionFailed) {
    const role = smallestRoleFor(r.action, 'action');
    return {
      sentence: `Your role lets you assign only the Key Vault data roles on ${where}, and this role assignment is outside that condition.`,
      ...(role ? { remedy: { kind: 'assignRole', role: role.roleName, scope: r.scope, where } } : {}),
    };
  }
  const role = smallestRoleFor(r.action, r.kind);
  if (!role) return { sentence: `You lack ${what} ${r.action} on ${where}, and no built-in role allows it.` };
  return {
    sentence: `You lack ${what} ${r.action} on ${where}: it needs ${role.roleName}, the smallest built-in role that allows it.`,
    remedy: { kind: 'assignRole', role: role.roleName, scope: r.scope, where },
  };
}

export function describeError(e: unknown, ctx: ErrorContext = {}): Described {
  if (!isKeyVaultError(e)) {
    const err = e as { name?: string; message?: string; code?: string; hostname?: string } | undefined;
    if (err?.name === 'AbortError') return { sentence: 'Cancelled.' };
    if (err?.code === 'ENOENT') return { sentence: `File not found: ${err.message?.match(/'([^']+)'/)?.[1] ?? 'the path given'}.` };
    if (err?.code === 'EACCES') return { sentence: 'Permission denied reading or writing that file.' };
    if (err?.code === 'ECONNREFUSED') return { sentence: 'Cannot reach the service (connection refused). Is the emulator running?' };
    // A vault's own host name that does not resolve: on Azure, the vault does not exist.
    if (err?.code === 'ENOTFOUND' && ctx.target) return { sentence: `Vault ${ctx.target.vault} was not found (its address${err.hostname ? ` ${err.hostname}` : ''} does not resolve).` };
    const msg = err?.message ? firstSentence(err.message.split('\n')[0]) : 'Something went wrong.';
    return { sentence: ctx.action ? `Could not ${ctx.action}: ${msg}` : msg };
  }
  const inner = e.innerCode;
  const msg = e.message;
  if (ctx.target && (e.status === 404 || e.status === 400)) {
    const sentence = missing(e.status, e.code, msg, ctx.target);
    if (sentence) return { sentence };
  }
  const refusal = refusalOf(e);
  if (refusal?.model === 'rbac') return rbacRefusal(refusal);
  if (refusal?.model === 'policy') return { sentence: `You lack the ${refusal.area}/${refusal.permission} permission on vault ${refusal.vaultName}.`, remedy: { kind: 'grantPermission' } };
  if (inner === 'AccessDenied' || inner === 'ForbiddenByPolicy' || /does not have \w+ \w+ permission/.test(msg)) {
    return { sentence: 'You lack the permission for this on the vault.', remedy: { kind: 'grantPermission' } };
  }
  if (e.code === 'ScopeLocked') return { sentence: locked(msg, ctx), remedy: { kind: 'removeLock' } };
  if (inner === 'ObjectIsDeletedButRecoverable') {
    const m = /^(Secret|Key|Certificate) (\S+) is currently/.exec(msg);
    const kind = m?.[1].toLowerCase() ?? 'item';
    return { sentence: `A deleted ${kind} named ${m?.[2] ?? 'like this'} is in the bin, so the name cannot be reused yet.`, remedy: { kind: 'recoverOrPurge' } };
  }
  if (e.code === 'ConflictError' && /deleted state/.test(msg)) {
    return { sentence: 'A soft-deleted vault of this subscription has this name, so it cannot be reused yet.', remedy: { kind: 'recoverVaultOrRename' } };
  }
  const network = networkRefusalOf(e);
  if (network?.kind === 'firewall') {
    const { address, vault } = network;
    return { sentence: `The firewall of vault ${vault ?? 'this vault'} does not let ${address ? `your address ${address}` : 'your address'} in.`, remedy: { kind: 'allowAddress' } };
  }
  if (network?.kind === 'connection') {
    return { sentence: `Vault ${network.vault ?? 'this vault'} takes no calls from public networks (public network access is disabled); only its private endpoints reach it.`, remedy: { kind: 'allowAddress' } };
  }
  if (e.code === 'VaultAlreadyExists') {
    const name = /vault name '([^']+)'/.exec(msg)?.[1] ?? 'this name';
    return { sentence: `The vault name ${name} is taken, possibly by a soft-deleted vault.`, remedy: { kind: 'recoverVaultOrRename' } };
  }
  if (inner === 'PurgeProtected' || (e.code === 'MethodNotAllowed' && /Purge/.test(msg))) {
    const when = ctx.scheduledPurgeDate ? ` Key Vault purges it automatically on ${formatDate(ctx.scheduledPurgeDate)}.` : ' Key Vault purges it automatically when the retention period ends.';
    return { sentence: `Purge protection is on, so this cannot be purged before its date.${when}`, remedy: { kind: 'stillRecoverable' } };
  }
  if (inner === 'SecretDisabled') return { sentence: 'This secret version is disabled, so its value cannot be read.', remedy: { kind: 'enableSecret' } };
  if (inner === 'KeyDisabled') return { sentence: 'This key is disabled.', remedy: { kind: 'enableKey' } };
  if (inner === 'KeyOperationForbidden') {
    const op = /Operation (\w+)/.exec(msg)?.[1] ?? 'this operation';
    return { sentence: `This key does not permit ${op}.`, remedy: { kind: 'allowOperation' } };
  }
  if (e.status === 429 || e.code === 'Throttled') {
    const wait = e.retryAfterSeconds ? `${e.retryAfterSeconds} s` : 'a few seconds';
    return { sentence: 'Key Vault is throttling requests (too many in a short time).', remedy: { kind: 'waitThenRetry', wait } };
  }
  if (e.code === 'VaultNameNotValid') return { sentence: 'Vault names are 3–24 letters, digits and hyphens, start with a letter, end with a letter or digit, with no "--".' };
  if (e.code === 'BadRequest' && /enablePurgeProtection/.test(msg)) return { sentence: 'Purge protection cannot be turned off once it is on.' };
  if (e.status === 404) {
    const m = /(?:name\/id\)|not found:|vault) '?([\w-]+)'?/i.exec(msg);
    const what = m?.[1];
    return { sentence: `${what ? `${what} was` : 'It was'} not found: it may have been deleted or renamed.`, remedy: { kind: 'refresh' } };
  }
  if (e.status === 401) return { sentence: 'Not signed in, or the sign-in expired.', remedy: { kind: 'signIn' } };
  if (e.status >= 500) return { sentence: `The service failed (${e.code}).`, remedy: { kind: 'retryLater' } };
  return { sentence: firstSentence(msg) };
}

/** The sentence, then the surface's words for its remedy. */
export function wordError(d: Described, words: RemedyWords): string {
  if (!d.remedy) return d.sentence;
  const extra = (words[d.remedy.kind] as (r: Remedy) => string | undefined)(d.remedy);
  return extra ? `${d.sentence} ${extra}` : d.sentence;
}
