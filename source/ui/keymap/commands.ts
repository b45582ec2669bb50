/**
 * The one table of commands: every key the console reacts to means one of these. Each entry has its
 * default keys, a description (the `?` help, the README's key table) and where it is heard. The table
 * is total by construction: `CommandId` is its key set, `Binding.command` and every dialog take a
 * `CommandId`, so a command without keys or words, or a key handled outside the table, does not compile.
 * Users rebind commands in the settings file ("keymap"); keymap.ts checks those overrides.
 */
import { PANE_TABLE, paneNumber, type PaneId } from '../panes/ids.js';

/**
 * Where a command is heard. Commands of the same place must not share a key (keymap.ts refuses an
 * override that would). The pane view hears `global`, `list` and `pane` together.
 */
export type Place =
  /** The app's own keys, after the focused pane's bindings. */
  | 'global'
  /** Movement, open/back and the filter of a list (every pane). */
  | 'list'
  /** The actions of a pane (every pane, or those named by `panes`). */
  | 'pane'
  /** While the filter is being typed. */
  | 'filter'
  /** Editing keys of every text being typed: the filter, form fields, the palette, quick lookup, type-the-name. */
  | 'text'
  /** A yes/no confirmation, and the type-the-name one (there only its control keys). */
  | 'confirm'
  | 'form'
  /** A choice or a checkbox of a form (in a text field the same keys move the cursor and type). */
  | 'choice'
  | 'palette'
  /** Quick lookup (Ctrl-P). */
  | 'lookup'
  /** The `?` screen. */
  | 'help'
  /** The permission picker of the Access pane. */
  | 'picker'
  /** A read-only result (the try-it result). */
  | 'result'
  /** The viewer of a revealed value, whole. */
  | 'viewer'
  /** The start-up screen (connecting, device-code sign-in, failure). */
  | 'boot';

/**
 * Places where printable keys are text: there only a command's control keys (Enter, Esc, arrows,
 * Ctrl-…) count, so `c` in quick lookup's query is a letter, not copy.
 */
export const TYPING_PLACES: ReadonlySet<Place> = new Set(['filter', 'text', 'palette']);

export interface CommandSpec {
  /** Key names as keys.ts spells them: "j", "G", "ctrl+p", "shift+tab", "pagedown", "enter", " ". At least one: a command without a default key does not compile. */
  keys: readonly [string, ...string[]];
  /** What it does, for the help screen and the README. */
  description: string;
  /** Where it is heard. */
  in: readonly Place[];
  /**
   * For `pane` commands: the panes that bind it (absent: every pane). A key may then mean something
   * else in the other panes (x clears Audit's filters; rebinding delete to x is fine).
   */
  panes?: readonly PaneId[];
}

type PaneNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** `pane.N`: the key N opens pane N of the pane table (ids.ts); its title comes from there too. */
const paneSwitch = (n: PaneNumber) => ({ keys: [String(n)] as [string], description: `pane ${n}: ${PANE_TABLE[n - 1].title}`, in: ['global'] as const });

export const COMMANDS = {
  // Everywhere: handled by the app when the focused pane did not take the key.
  'pane.1': paneSwitch(1),
  'pane.2': paneSwitch(2),
  'pane.3': paneSwitch(3),
  'pane.4': paneSwitch(4),
  'pane.5': paneSwitch(5),
  'pane.6': paneSwitch(6),
  'pane.7': paneSwitch(7),
  'pane.8': paneSwitch(8),
  'pane.next': { keys: ['tab'], description: 'next pane', in: ['global'] },
  'pane.prev': { keys: ['shift+tab'], description: 'previous pane', in: ['global'] },
  palette: { keys: [':'], description: 'command palette', in: ['global'] },
  lookup: { keys: ['ctrl+p', 'ctrl+f'], description: 'quick lookup: any secret or certificate in any vault', in: ['global'] },
  help: { keys: ['?'], description: 'help: every key of the pane', in: ['global'] },
  quit: { keys: ['q', 'ctrl+c'], description: 'quit', in: ['global', 'boot'] },
  // After a refusal the signed-in identity could lift itself (it may assign roles or change access policies there).
  'access.grant': { keys: ['ctrl+g'], description: 'grant yourself what was just refused (asks first)', in: ['global'] },

  // Lists (and the lists inside quick lookup, help and the permission picker).
  up: { keys: ['up', 'k'], description: 'up', in: ['list', 'lookup', 'help', 'picker', 'viewer'] },
  down: { keys: ['down', 'j'], description: 'down', in: ['list', 'lookup', 'help', 'picker', 'viewer'] },
  pageUp: { keys: ['pageup'], description: 'page up', in: ['list', 'lookup', 'help', 'viewer'] },
  pageDown: { keys: ['pagedown'], description: 'page down', in: ['list', 'lookup', 'help', 'viewer'] },
  top: { keys: ['g', 'home'], description: 'first row', in: ['list', 'viewer'] },
  bottom: { keys: ['G', 'end'], description: 'last row', in: ['list', 'viewer'] },
  open: { keys: ['enter'], description: 'open', in: ['list', 'lookup'] },
  back: { keys: ['esc'], description: 'back, close, clear the filter', in: ['list', 'lookup'] },
  filter: { keys: ['/'], description: 'filter the list as you type', in: ['list'] },

  // Actions of the panes.
  reveal: { keys: ['v'], description: 'reveal the value', in: ['pane'], panes: ['secrets'] },
  copy: { keys: ['c', 'ctrl+y'], description: 'copy the value', in: ['pane', 'lookup', 'boot', 'viewer'], panes: ['secrets'] },
  new: { keys: ['n'], description: 'new', in: ['pane'], panes: ['vaults', 'secrets', 'keys', 'certificates', 'access', 'locks'] },
  edit: { keys: ['e'], description: 'edit', in: ['pane'], panes: ['secrets', 'keys', 'certificates', 'access'] },
  delete: { keys: ['d'], description: 'delete', in: ['pane'], panes: ['vaults', 'secrets', 'keys', 'certificates', 'access', 'locks'] },
  recover: { keys: ['r'], description: 'recover', in: ['pane'], panes: ['deleted'] },
  purge: { keys: ['P'], description: 'purge', in: ['pane'], panes: ['deleted'] },
  refresh: { keys: ['R', 'ctrl+r'], description: 'refresh', in: ['pane', 'lookup'] },
  'secrets.view': { keys: ['V'], description: 'view the whole value: wrapped, scrollable', in: ['pane'], panes: ['secrets'] },
  'secrets.backup': { keys: ['b'], description: 'back a secret up to a file', in: ['pane'], panes: ['secrets'] },
  'secrets.restore': { keys: ['u'], description: 'restore a secret from a backup file', in: ['pane'], panes: ['secrets'] },
  'keys.try': { keys: ['t'], description: 'try a key: sign and verify, or encrypt and decrypt', in: ['pane'], panes: ['keys'] },
  'keys.rotate': { keys: ['o'], description: 'rotate a key', in: ['pane'], panes: ['keys'] },
  'access.migrate': { keys: ['m'], description: 'switch the vault from access policies to Azure RBAC (shows the role assignments first)', in: ['pane'], panes: ['access'] },
  'access.whoCanRead': { keys: ['w'], description: 'who can read this secret or key', in: ['pane'], panes: ['secrets', 'keys'] },
  'keys.rotationPolicy': { keys: ['p'], description: 'edit a key\'s rotation policy (when it rotates, when you are told, when new versions expire)', in: ['pane'], panes: ['keys'] },
  'certs.import': { keys: ['i'], description: 'import a certificate from a .pfx or .pem file', in: ['pane'], panes: ['certificates'] },
  'certs.download': { keys: ['w'], description: 'download a certificate to a file: the public .cer/.pem, or the PFX/PEM with its private key', in: ['pane'], panes: ['certificates'] },
  'network.allowAddress': { keys: ['a'], description: 'allow your address through the vault\'s firewall (an IP rule, after you confirm)', in: ['pane'], panes: ['secrets', 'keys', 'certificates'] },
  'vaults.removeAddedRule': { keys: ['u'], description: 'remove the IP rule kvdeck added for your address', in: ['pane'], panes: ['vaults'] },
  'audit.result': { keys: ['f'], description: 'cycle all / refused / succeeded', in: ['pane'], panes: ['audit'] },
  'audit.filters': { keys: ['F'], description: 'filter by vault, caller, operation', in: ['pane'], panes: ['audit'] },
  'audit.clearFilters': { keys: ['x'], description: 'clear the filters', in: ['pane'], panes: ['audit'] },

  // Typing: the filter, and the editing keys of every text field.
  'filter.keep': { keys: ['enter'], description: 'keep the filter, back to the list', in: ['filter'] },
  'filter.clear': { keys: ['esc'], description: 'clear the filter', in: ['filter'] },
  'text.left': { keys: ['left'], description: 'cursor left (in a form field, the palette, type-the-name)', in: ['text'] },
  'text.right': { keys: ['right'], description: 'cursor right', in: ['text'] },
  'text.home': { keys: ['home', 'ctrl+a'], description: 'cursor to the start of the line', in: ['text'] },
  'text.end': { keys: ['end', 'ctrl+e'], description: 'cursor to the end of the line', in: ['text'] },
  'text.deleteChar': { keys: ['backspace'], description: 'delete the character before the cursor', in: ['text'] },
  'text.deleteForward': { keys: ['delete', 'ctrl+d'], description: 'delete the character at the cursor', in: ['text'] },
  'text.deleteWord': { keys: ['ctrl+w', 'alt+backspace'], description: 'delete the word before the cursor', in: ['text'] },
  'text.clear': { keys: ['ctrl+u'], description: 'delete from the start of the line to the cursor', in: ['text'] },
  'text.deleteToEnd': { keys: ['ctrl+k'], description: 'delete from the cursor to the end of the line', in: ['text'] },

  // Confirmations (the type-the-name one hears only Enter and Esc: letters are the name).
  'confirm.yes': { keys: ['y', 'Y', 'enter'], description: 'confirm', in: ['confirm'] },
  'confirm.no': { keys: ['n', 'N', 'esc', 'q', 'ctrl+c'], description: 'cancel', in: ['confirm'] },

  // Forms (in a text field, letters are text: only the control keys are commands).
  'form.next': { keys: ['tab', 'down'], description: 'next field', in: ['form'] },
  'form.prev': { keys: ['shift+tab', 'up'], description: 'previous field', in: ['form'] },
  'form.advance': { keys: ['enter'], description: 'next field; saves on the last (a new line in a multi-line field)', in: ['form'] },
  'form.save': { keys: ['ctrl+s'], description: 'save from any field', in: ['form'] },
  'form.cancel': { keys: ['esc', 'ctrl+c'], description: 'cancel the form (asks first when something was typed)', in: ['form'] },
  'form.toggle': { keys: [' '], description: 'tick a checkbox, next option of a choice', in: ['choice'] },
  'form.optionNext': { keys: ['right'], description: 'next option of a choice', in: ['choice'] },
  'form.optionPrev': { keys: ['left'], description: 'previous option of a choice', in: ['choice'] },
  'vaults.recoverDeleted': { keys: ['ctrl+r'], description: 'new vault form: recover the deleted vault of that name', in: ['form'] },

  // The command palette.
  'palette.run': { keys: ['enter'], description: 'run the command', in: ['palette'] },
  'palette.complete': { keys: ['tab'], description: 'complete the command', in: ['palette'] },
  'palette.close': { keys: ['esc', 'ctrl+c'], description: 'close the palette', in: ['palette'] },

  // Quick lookup: the list's own commands (movement, open, copy, refresh, back), plus these.
  'lookup.results': { keys: ['tab'], description: 'from the query to the results', in: ['lookup'] },
  'lookup.query': { keys: ['shift+tab'], description: 'from the results back to the query', in: ['lookup'] },
  'lookup.close': { keys: ['ctrl+c'], description: 'close quick lookup', in: ['lookup'] },

  // Overlays that only show something.
  close: { keys: ['esc', 'enter', 'q', 'ctrl+c'], description: 'close', in: ['help', 'result', 'viewer'] },

  // The permission picker (Access pane): a grid of checkboxes per area; up/down are the list's.
  'policies.nextArea': { keys: ['tab'], description: 'next area (keys, secrets, certificates)', in: ['picker'] },
  'policies.prevArea': { keys: ['shift+tab'], description: 'previous area', in: ['picker'] },
  'policies.left': { keys: ['left', 'h'], description: 'previous permission', in: ['picker'] },
  'policies.right': { keys: ['right', 'l'], description: 'next permission', in: ['picker'] },
  'policies.toggle': { keys: [' ', 'x'], description: 'tick or untick the permission', in: ['picker'] },
  'policies.toggleAll': { keys: ['a'], description: 'tick all or none of the area', in: ['picker'] },
  'policies.save': { keys: ['enter', 'ctrl+s'], description: 'save the permissions', in: ['picker'] },
  'policies.cancel': { keys: ['esc', 'ctrl+c'], description: 'cancel', in: ['picker'] },

  // The start-up screen (quit and copy are the ones above).
  'boot.retry': { keys: ['r'], description: 'connect again after a failure', in: ['boot'] },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export function isCommandId(id: string): id is CommandId {
  return Object.hasOwn(COMMANDS, id);
}

export const commandSpec = (id: CommandId): CommandSpec => COMMANDS[id];

/** The command that opens a pane (`pane.4` for Certificates): tests and hints press panes by name. */
export const paneCommand = (id: PaneId): CommandId => `pane.${paneNumber(id) as PaneNumber}`;

/** Whether a pane may bind this command (list and pane commands; the rest are never a pane's). */
export function boundInPane(id: CommandId, pane: PaneId): boolean {
  const c: CommandSpec = COMMANDS[id];
  return c.in.some((p) => p === 'list' || p === 'pane') && (!c.panes || c.panes.includes(pane));
}

/** The commands heard in a place, in table order. */
export function commandsIn(place: Place): CommandId[] {
  return COMMAND_IDS.filter((id) => (COMMANDS[id].in as readonly Place[]).includes(place));
}

/** Commands the app handles itself, after the focused pane had its chance (in table order). */
export const GLOBAL_COMMANDS: readonly CommandId[] = commandsIn('global');
