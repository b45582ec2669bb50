/**
 * The console's words for an error: the one sentence from the domain (source/domain/error-text.ts),
 * then what to do about it here — which pane, which key (as the user has it bound). The one-shot
 * commands word the same remedies without panes or keys (source/commands/error-text.ts).
 */
import { describeError, wordError, type ErrorContext, type RemedyWords } from '../domain/error-text.js';
import type { CommandId } from './keymap/commands.js';
import { COMMANDS } from './keymap/commands.js';
import { displayKey } from './keymap/keys.js';
import { paneNumber, paneRef, type PaneId } from './panes/ids.js';

export { formatDate, type ErrorContext } from '../domain/error-text.js';

/** The key that runs a command, for a hint; the App passes the user's keymap (app.key). */
export type KeyNamer = (command: CommandId) => string;

const defaultKey: KeyNamer = (c) => displayKey(COMMANDS[c].keys[0]);

/** The pane where access is seen and granted (access policies or role assignments). */
export const ACCESS_PANE: PaneId = 'access';

export { paneNumber };

export function consoleRemedies(key: KeyNamer = defaultKey): RemedyWords {
  return {
    // Pane numbers come from the pane table (panes/ids.ts), never written here.
    grantPermission: () => `An access policy can grant it (pane ${paneNumber(ACCESS_PANE)}).`,
    assignRole: (r) => `Someone who may assign roles on ${r.where} (an Owner or User Access Administrator) can grant it (pane ${paneNumber(ACCESS_PANE)}).`,
    removeLock: () => `Remove the lock in ${paneRef('locks', `, ${key('delete')}`)}, then try again.`,
    recoverOrPurge: () => `Recover it (pane ${paneNumber('deleted')}, ${key('recover')}) or purge it (${key('purge')}) first.`,
    recoverVaultOrRename: () => `If it is yours, recover it from ${paneRef('deleted', `, ${key('recover')}`)}; otherwise pick another name.`,
    stillRecoverable: () => `You can still recover it (${key('recover')}).`,
    enableSecret: () => `Enable it (${key('edit')}) to read it.`,
    enableKey: () => `Enable it (${key('edit')}) to use it.`,
    allowOperation: () => `Allow it in the key's permitted operations (${key('edit')}).`,
    allowAddress: () => `The vault's network rules (pane ${paneNumber('vaults')}, the vault's detail) decide which addresses may call it.`,
    waitThenRetry: (r) => `Wait ${r.wait}, then press ${key('refresh')}.`,
    refresh: () => `Press ${key('refresh')} to refresh.`,
    signIn: () => 'Sign in again (see kvdeck --help: --auth).',
    retryLater: () => `Try again in a moment (${key('refresh')}).`,
  };
}

/** One sentence a person can act on in the console. `key` names keys as the user has them bound. */
export function explainError(e: unknown, ctx: ErrorContext = {}, key?: KeyNamer): string {
  return wordError(describeError(e, ctx), consoleRemedies(key));
}
