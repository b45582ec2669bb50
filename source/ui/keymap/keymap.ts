/**
 * The effective keymap: the table's defaults (commands.ts) plus the user's overrides from the settings
 * file. An override is keyed by command id ("delete": ["x"]) or, for one pane only, by
 * "<pane>.<command>" ("secrets.copy": ["y"]).
 *
 * Overrides are checked, not trusted: one that names no command, is not a list of keys, names a key no
 * terminal sends, would take a letter from a text field, or gives a key a second meaning where both
 * are heard (`{"delete": ["q"]}` would make q delete instead of quit) is left out, and `problems` says
 * so in a sentence — the console flashes them at start and prints them on stderr at exit.
 */
import { PANE_IDS, type PaneId } from '../panes/ids.js';
import { boundInPane, COMMAND_IDS, COMMANDS, commandsIn, isCommandId, TYPING_PLACES, type CommandId, type Place } from './commands.js';
import { displayKey, isKeyName, isTextKey, normalizeKeyName } from './keys.js';

/** As read from the settings file: anything, until checked. */
export type KeymapOverrides = Record<string, unknown>;

export interface Keymap {
  /** The keys of a command (in `pane` when given: a pane-only override applies there). */
  keysFor(command: CommandId, pane?: PaneId): readonly string[];
  /**
   * The first of `commands` that `key` means. While `typing`, keys that type a character are text, so
   * only control keys (Enter, Esc, arrows, Ctrl-…) can be commands.
   */
  commandFor<C extends CommandId>(key: string, commands: readonly C[], options?: { pane?: PaneId; typing?: boolean }): C | undefined;
  /** True when some command is bound to this key (an Alt key the user bound stays an Alt key). */
  isBound(key: string): boolean;
  /** One sentence per override left out, and why. */
  readonly problems: readonly string[];
}

interface Override {
  /** As written in the settings file. */
  name: string;
  command: CommandId;
  pane?: PaneId;
  keys: string[];
}


/** Places heard at the same time: a key may mean only one command in each. */
function groups(): { places: Place[]; pane?: PaneId }[] {
  return [
    ...PANE_IDS.map((pane) => ({ places: ['global', 'list', 'pane'] as Place[], pane })),
    ...(['filter', 'confirm', 'form', 'palette', 'lookup'] as const).map((p) => ({ places: [p, 'text'] as Place[] })),
    // A form hears the text keys in a text field and the choice keys in a choice, never both at once.
    { places: ['form', 'choice'] as Place[] },
    ...(['help', 'picker', 'result', 'viewer', 'boot'] as const).map((p) => ({ places: [p] as Place[] })),
  ];
}

/** In a pane's group: the global commands, and the list and pane commands that pane binds. */
const heardIn = (id: CommandId, pane: PaneId | undefined) => !pane || (COMMANDS[id].in as readonly Place[]).includes('global') || boundInPane(id, pane);

const typingOnly = (id: CommandId) => COMMANDS[id].in.every((p) => TYPING_PLACES.has(p));

const quoteKeys = (keys: readonly string[]) => `[${keys.map((k) => JSON.stringify(k)).join(', ')}]`;

/** Reads one settings entry; a problem sentence when it cannot be used at all. */
function parseOverride(name: string, value: unknown): Override | string {
  let command: CommandId | undefined;
  let pane: PaneId | undefined;
  if (isCommandId(name)) command = name;
  else {
    const dot = name.indexOf('.');
    const p = name.slice(0, dot) as PaneId;
    const c = name.slice(dot + 1);
    // "secrets.copy": a command that pane binds, for that pane only.
    if (dot > 0 && PANE_IDS.includes(p) && isCommandId(c) && boundInPane(c, p)) { command = c; pane = p; }
  }
  if (!command) return `Keymap: "${name}" is not a command, so it was ignored (the README's Keys section lists them).`;
  if (!Array.isArray(value) || !value.every((k) => typeof k === 'string')) {
    return `Keymap: "${name}" must be a list of keys such as ["x"], so it was ignored.`;
  }
  const keys = value.map(normalizeKeyName);
  const bad = value.find((_, i) => !isKeyName(keys[i]));
  if (bad !== undefined) return `Keymap: "${name}": ${JSON.stringify(bad)} is not a key kvdeck can read, so the override was ignored.`;
  const letter = keys.find(isTextKey);
  if (letter !== undefined && typingOnly(command)) {
    return `Keymap: "${name}": ${JSON.stringify(letter)} types a character in the text being typed there, so the override was ignored.`;
  }
  return { name, command, pane, keys };
}

function build(overrides: readonly Override[]) {
  const global = new Map<CommandId, readonly string[]>();
  const perPane = new Map<string, readonly string[]>();
  for (const o of overrides) {
    if (o.pane) perPane.set(`${o.pane}.${o.command}`, o.keys);
    else global.set(o.command, o.keys);
  }
  return (command: CommandId, pane?: PaneId): readonly string[] =>
    (pane && perPane.get(`${pane}.${command}`)) || global.get(command) || COMMANDS[command].keys;
}

/** The first key that means two commands somewhere, blamed on the latest override that brought it in. */
function firstConflict(overrides: readonly Override[], keysFor: ReturnType<typeof build>) {
  for (const g of groups()) {
    const heard = [...new Set(g.places.flatMap(commandsIn))].filter((id) => heardIn(id, g.pane));
    const meaning = new Map<string, CommandId[]>();
    for (const id of heard) for (const k of keysFor(id, g.pane)) meaning.set(k, [...(meaning.get(k) ?? []), id]);
    for (const [key, ids] of meaning) {
      if (ids.length < 2) continue;
      const culprits = overrides.filter((o) => ids.includes(o.command) && (!o.pane || o.pane === g.pane) && o.keys.includes(key));
      const blamed = culprits[culprits.length - 1];
      if (!blamed) continue; // two defaults: the table's own test keeps this from happening
      const other = ids.find((id) => id !== blamed.command)!;
      return { blamed, key, other };
    }
  }
  return undefined;
}

export function createKeymap(raw: KeymapOverrides | null | undefined = {}): Keymap {
  const problems: string[] = [];
  let accepted: Override[] = [];
  const isRecord = !!raw && typeof raw === 'object' && !Array.isArray(raw);
  if (raw !== undefined && raw !== null && !isRecord) problems.push('Keymap: the "keymap" setting must be an object such as {"delete": ["x"]}, so it was ignored.');
  const entries = isRecord ? Object.entries(raw) : [];
  for (const [name, value] of entries) {
    const o = parseOverride(name, value);
    if (typeof o === 'string') problems.push(o);
    else accepted.push(o);
  }
  // Leave out conflicting overrides one at a time (the latest first), until no key means two things.
  let keysFor = build(accepted);
  for (let c = firstConflict(accepted, keysFor); c; c = firstConflict(accepted, keysFor)) {
    const { blamed, key, other } = c;
    problems.push(`Keymap: "${blamed.name}": ${quoteKeys(blamed.keys)} was not applied: ${JSON.stringify(key)} already means "${COMMANDS[other].description}" (${other}).`);
    accepted = accepted.filter((o) => o !== blamed);
    keysFor = build(accepted);
  }
  const bound = new Set(COMMAND_IDS.flatMap((id) => [...keysFor(id), ...PANE_IDS.flatMap((p) => keysFor(id, p))]));
  return {
    keysFor,
    commandFor(key, commands, options = {}) {
      if (options.typing && isTextKey(key)) return undefined;
      return commands.find((id) => keysFor(id, options.pane).includes(key));
    },
    isBound: (key) => bound.has(key),
    problems,
  };
}

/**
 * A command's keys as hints show them: "y / Enter" (a capital twin of a letter shown is left out).
 * `typing`: only the keys that work while typing (Ctrl-Y, not c). `first`: the first key only.
 */
export function keysText(keymap: Keymap, command: CommandId, options: { pane?: PaneId; typing?: boolean; first?: boolean } = {}): string {
  let keys = keymap.keysFor(command, options.pane).filter((k) => !(options.typing && isTextKey(k)));
  keys = keys.filter((k) => !(k.length === 1 && k !== k.toLowerCase() && keys.includes(k.toLowerCase())));
  // Ctrl-C cancels every dialog and form (the help says so): hints name the command's other keys.
  if (keys.length > 1) keys = keys.filter((k) => k !== 'ctrl+c');
  if (options.first) keys = keys.slice(0, 1);
  return keys.map(displayKey).join(' / ');
}

/** "y / Enter delete · n / Esc cancel": the hint line of a dialog, from the keymap (a command without keys is left out). */
export function hintLine(keymap: Keymap, entries: readonly (readonly [CommandId, string])[], options: { typing?: boolean } = {}): string {
  return entries
    .map(([command, label]) => [keysText(keymap, command, options), label] as const)
    .filter(([keys]) => keys !== '')
    .map(([keys, label]) => `${keys} ${label}`)
    .join(' · ');
}
