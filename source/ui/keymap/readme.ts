/**
 * The README's key tables, made from the one table (commands.ts): the words are written here, the
 * keys always come from the defaults. test/ui/readme-keys.test.ts fails when the README's Keys section
 * differs from this text or when a command is missing from it; `node --import tsx
 * scripts/readme-keys.ts` rewrites the section.
 *
 * Row text may name commands: `{id}` shows its keys (`c` (or `Ctrl-Y`)), `{id:1}` its first key,
 * `{id:ctrl}` the keys that still work while typing (not letters).
 */
import { COMMANDS, type CommandId } from './commands.js';
import { displayKey, isTextKey } from './keys.js';

interface Row {
  /** The key cell: groups joined by ", ", commands of a group by " / ". */
  keys: readonly (readonly CommandId[])[];
  text: string;
}

const CONSOLE: readonly Row[] = [
  { keys: [['pane.1', 'pane.2', 'pane.3', 'pane.4', 'pane.5', 'pane.6', 'pane.7'], ['pane.next', 'pane.prev']], text: 'switch pane: 1 Vaults · 2 Secrets · 3 Keys · 4 Access policies · 5 Locks · 6 Deleted · 7 Audit' },
  { keys: [['up', 'down'], ['pageUp', 'pageDown'], ['top', 'bottom']], text: 'move' },
  { keys: [['open', 'back']], text: 'open / back, close, clear the filter' },
  { keys: [['filter']], text: 'filter the list as you type (fuzzy, matched characters highlighted); {filter.keep} keeps it, {filter.clear} clears it' },
  { keys: [['palette']], text: 'command palette: `:vaults` `:secrets` `:keys` `:policies` `:locks` `:bin` `:audit` `:sub <name>` `:theme <name>` `:q`' },
  { keys: [['lookup']], text: 'quick lookup: any secret or certificate in any vault you can read, recently opened vaults first; {open} opens it, {down:1} then {copy} copies the value of a secret' },
  { keys: [['reveal']], text: 'reveal the value (hidden again after 30 s or when you leave)' },
  { keys: [['copy']], text: 'copy the value (OSC 52 — works over SSH and in tmux — and a local clipboard tool when there is one)' },
  { keys: [['new', 'edit']], text: 'new / edit' },
  { keys: [['delete']], text: 'delete (asks first)' },
  { keys: [['recover', 'purge']], text: 'recover / purge (purge asks you to type the name)' },
  { keys: [['refresh']], text: 'refresh' },
  { keys: [['help']], text: 'help: every binding of the pane, and the keys of the dialogs below' },
  { keys: [['quit']], text: 'quit' },
];

const PANE_SPECIFIC = 'Pane-specific: Secrets {secrets.backup} backup to a file, {secrets.restore} restore from one; Keys {keys.try} try it, '
  + '{keys.rotate} rotate; Audit {audit.result} cycles all/refused/succeeded, {audit.filters} filters by vault/caller/operation, '
  + '{audit.clearFilters} clears the filters.';

const DIALOGS: readonly Row[] = [
  { keys: [['text.deleteChar'], ['text.clear']], text: 'in any text being typed (filter, form field, palette, quick lookup): delete a character, clear it' },
  { keys: [['confirm.yes', 'confirm.no']], text: 'confirm / cancel; where you type the name, only {confirm.yes:ctrl} / {confirm.no:ctrl} apply, letters are the name' },
  { keys: [['form.next', 'form.prev']], text: 'form: next / previous field' },
  { keys: [['form.advance']], text: 'form: next field, saves on the last (a new line in a multi-line field)' },
  { keys: [['form.save', 'form.cancel']], text: 'form: save from any field / cancel' },
  { keys: [['form.toggle'], ['form.optionPrev', 'form.optionNext']], text: 'form: tick a checkbox, change a choice' },
  { keys: [['vaults.recoverDeleted']], text: 'new-vault form: recover the soft-deleted vault of that name' },
  { keys: [['palette.run', 'palette.complete', 'palette.close']], text: 'command palette: run / complete / close' },
  { keys: [['lookup.results', 'lookup.query']], text: 'quick lookup: to the results / back to the query (and the list keys above)' },
  { keys: [['policies.nextArea', 'policies.prevArea'], ['policies.left', 'policies.right']], text: 'permission picker (pane 4): next / previous area, previous / next permission ({up:1} {down:1} move by rows)' },
  { keys: [['policies.toggle', 'policies.toggleAll'], ['policies.save', 'policies.cancel']], text: 'permission picker: tick / tick all or none, save / cancel' },
  { keys: [['close']], text: 'close the help or a result' },
  { keys: [['boot.retry']], text: 'start-up screen: connect again after a failure' },
];

const code = (k: string) => `\`${displayKey(k)}\``;

type Mode = '' | ':1' | ':ctrl';

/** `c` (or `Ctrl-Y`) */
function keysOf(id: CommandId, mode: Mode = ''): string {
  const keys: readonly string[] = mode === ':ctrl' ? COMMANDS[id].keys.filter((k) => !isTextKey(k)) : COMMANDS[id].keys;
  const [head, ...rest] = keys;
  return mode === ':1' || rest.length === 0 ? code(head) : `${code(head)} (or ${rest.map(code).join(', ')})`;
}

function keyCell(groups: Row['keys']): string {
  return groups.map((g) => {
    const firsts = g.map((id) => COMMANDS[id].keys[0]);
    // `1` … `7`: consecutive digits, shown as a range.
    if (g.length > 2 && firsts.every((k, i) => /^\d$/.test(k) && (i === 0 || Number(k) === Number(firsts[i - 1]) + 1)) && g.every((id) => COMMANDS[id].keys.length === 1)) {
      return `${code(firsts[0])} … ${code(firsts[firsts.length - 1])}`;
    }
    return g.map((id) => keysOf(id)).join(' / ');
  }).join(', ');
}

const PLACEHOLDER = /\{([\w.]+)(:1|:ctrl)?\}/g;
const fill = (text: string) => text.replace(PLACEHOLDER, (_, id: CommandId, mode?: Mode) => keysOf(id, mode ?? ''));

const table = (rows: readonly Row[]) => ['| key | command |', '| --- | --- |', ...rows.map((r) => `| ${keyCell(r.keys)} | ${fill(r.text)} |`)].join('\n');

/** The README's Keys section between its markers. */
export function readmeKeys(): string {
  return [
    table(CONSOLE),
    '',
    fill(PANE_SPECIFIC),
    '',
    'In dialogs, forms and quick lookup:',
    '',
    table(DIALOGS),
  ].join('\n');
}

/** Every command the README names (key cells and `{id}` in the words). */
export function readmeCommands(): Set<CommandId> {
  const out = new Set<CommandId>();
  for (const r of [...CONSOLE, ...DIALOGS]) {
    for (const g of r.keys) for (const id of g) out.add(id);
    for (const m of r.text.matchAll(PLACEHOLDER)) out.add(m[1] as CommandId);
  }
  for (const m of PANE_SPECIFIC.matchAll(PLACEHOLDER)) out.add(m[1] as CommandId);
  return out;
}

export const README_KEYS_BEGIN = '<!-- keys: made from source/ui/keymap/readme.ts (node --import tsx scripts/readme-keys.ts) -->';
export const README_KEYS_END = '<!-- /keys -->';
