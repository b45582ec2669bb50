/**
 * Named commands and their default keys (issue 3's list). Keys map to commands, never to code:
 * panes bind commands, settings may rebind keys (`keymap` in the settings file).
 */
export const DEFAULT_KEYS = {
  // Global: handled by the app whatever pane has focus.
  'pane.1': ['1'], 'pane.2': ['2'], 'pane.3': ['3'], 'pane.4': ['4'], 'pane.5': ['5'], 'pane.6': ['6'], 'pane.7': ['7'],
  'pane.next': ['tab'],
  'pane.prev': ['shift+tab'],
  palette: [':'],
  lookup: ['ctrl+p', 'ctrl+f'],
  help: ['?'],
  quit: ['q'],
  // Lists.
  up: ['up', 'k'],
  down: ['down', 'j'],
  pageUp: ['pageup'],
  pageDown: ['pagedown'],
  top: ['g', 'home'],
  bottom: ['G', 'end'],
  open: ['enter'],
  back: ['esc'],
  filter: ['/'],
  // Actions.
  reveal: ['v'],
  copy: ['c'],
  new: ['n'],
  edit: ['e'],
  delete: ['d'],
  recover: ['r'],
  purge: ['P'],
  refresh: ['R'],
} as const satisfies Record<string, readonly string[]>;

export type CommandId = keyof typeof DEFAULT_KEYS;

/** Commands the app handles itself, after the focused pane had its chance. */
export const GLOBAL_COMMANDS: readonly { command: CommandId; label: string }[] = [
  { command: 'pane.1', label: 'Vaults' },
  { command: 'pane.2', label: 'Secrets' },
  { command: 'pane.3', label: 'Keys' },
  { command: 'pane.4', label: 'Access policies' },
  { command: 'pane.5', label: 'Locks' },
  { command: 'pane.6', label: 'Deleted' },
  { command: 'pane.7', label: 'Audit' },
  { command: 'pane.next', label: 'next pane' },
  { command: 'pane.prev', label: 'previous pane' },
  { command: 'palette', label: 'command palette' },
  { command: 'lookup', label: 'quick lookup (any secret, any vault)' },
  { command: 'help', label: 'help' },
  { command: 'quit', label: 'quit' },
];
