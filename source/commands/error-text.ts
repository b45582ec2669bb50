/**
 * The one-shot commands' words for an error: the same sentence as the console (source/domain/
 * error-text.ts), then what to do about it from a script — no panes, no keys, no "press R".
 */
import { describeError, wordError, type ErrorContext, type RemedyWords } from '../domain/error-text.js';

const ONESHOT_REMEDIES: RemedyWords = {
  grantPermission: () => 'An access policy on the vault can grant it (or, for an RBAC vault, a Key Vault role).',
  assignRole: (r) => `Someone who may assign roles there can grant it: az role assignment create --role "${r.role}" --scope ${r.scope} --assignee <object id>.`,
  removeLock: () => 'Remove the lock, then try again.',
  recoverOrPurge: () => 'Recover or purge the deleted one first.',
  recoverVaultOrRename: () => 'If it is yours, recover it; otherwise pick another name.',
  stillRecoverable: () => 'It can still be recovered.',
  enableSecret: () => 'Enable that version to read it.',
  enableKey: () => 'Enable it to use it.',
  allowOperation: () => 'Allow the operation in the key\'s permitted operations.',
  allowAddress: () => 'Call from an address the vault\'s network rules allow, or have them changed (an IP rule for your address).',
  waitThenRetry: (r) => `Wait ${r.wait}, then try again.`,
  refresh: () => undefined,
  signIn: () => 'Sign in again (see kvdeck --help: --auth).',
  retryLater: () => 'Try again in a moment.',
};

/** One line for stderr, without console hints. `target`: what the command asked for by name. */
export function oneshotError(e: unknown, ctx: ErrorContext = {}): string {
  return wordError(describeError(e, ctx), ONESHOT_REMEDIES);
}
