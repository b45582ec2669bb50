/**
 * The README's key tables, made from the one table (commands.ts): the words are written here, the
 * keys always come from the defaults. test/ui/readme-keys.test.ts fails when the README's Keys section
 * differs from this text or when a command is missing from it; `node --import tsx
 * scripts/readme-keys.ts` rewrites the section.
 *
 * Row text may name commands: `{id}` shows its keys (`c` (or `Ctrl-Y`)), `{id:1}` its first key,
 * `{id:ctrl}` the keys that still work while typing (not letters).
 */
import { PANE_IDS, paneNumber, paneRef, paneTitle } from '../panes/ids.js';
import { COMMANDS, paneCommand, type CommandId } from './commands.js';
import { displayKey, isTextKey } from './keys.js';

interface Row {
  /** The key cell: groups joined by ", ", commands of a group by " / ". */
  keys: readonly (readonly CommandId[])[];
  text: string;
}

const CONSOLE: readonly Row[] = [
  { keys: [PANE_IDS.map(paneCommand), ['pane.next', 'pane.prev']], text: `switch pane: ${PANE_IDS.map((id) => `${paneNumber(id)} ${paneTitle(id)}`).join(' · ')}` },
  { keys: [['up', 'down'], ['pageUp', 'pageDown'], ['top', 'bottom']], text: 'move' },
  { keys: [['open', 'back']], text: 'open / back, close, clear the filter' },
  { keys: [['filter']], text: 'filter the list as you type (fuzzy, matched characters highlighted); {filter.keep} keeps it, {filter.clear} clears it' },
  { keys: [['palette']], text: 'command palette: `:vaults` `:secrets` `:keys` `:certs` `:access` `:locks` `:bin` `:audit` `:sub <name>` `:theme <name>` `:q`' },
  { keys: [['lookup']], text: 'quick lookup: any secret or certificate in any vault you can read, recently opened vaults first; {open} opens it, {down:1} then {copy} copies the value of a secret' },
  { keys: [['reveal']], text: 'reveal the value (hidden again after 30 s or when you leave)' },
  { keys: [['secrets.view']], text: 'view the whole value: wrapped and scrollable, every line of a PEM (hidden again after 30 s)' },
  { keys: [['copy']], text: 'copy the value (OSC 52 — works over SSH and in tmux — and a local clipboard tool when there is one)' },
  { keys: [['new', 'edit']], text: 'new / edit' },
  { keys: [['delete']], text: 'delete (asks first)' },
  { keys: [['recover', 'purge']], text: 'recover / purge (purge asks you to type the name)' },
  { keys: [['refresh']], text: 'refresh' },
  { keys: [['access.grant']], text: 'after a refusal you may lift yourself (you may assign roles or change access policies there): grant yourself what it needed (asks first)' },
  { keys: [['help']], text: 'help: every binding of the pane, and the keys of the dialogs below' },
  { keys: [['quit']], text: 'quit (Ctrl-C in a form or a dialog cancels it instead)' },
];

const PANE_SPECIFIC = 'Pane-specific: Vaults {vaults.removeAddedRule} removes the IP rule kvdeck added for your address; Secrets {secrets.backup} backup to a file, '
  + '{secrets.restore} restore from one; Keys {keys.try} try it, {keys.rotate} rotate, {keys.rotationPolicy} rotation policy; Certificates {certs.import} import a .pfx/.pem, '
  + '{certs.download} download to a file; Secrets and Keys {access.whoCanRead} who can read it (in its detail); Secrets, Keys and Certificates '
  + '{network.allowAddress} allow your address when the vault\'s firewall refuses it; Access {access.migrate} switches an access-policy vault to Azure RBAC; '
  + 'Audit {audit.result} cycles all/refused/succeeded, {audit.filters} filters by vault/caller/operation, {audit.clearFilters} clears the filters.';

const DIALOGS: readonly Row[] = [
  { keys: [['text.deleteChar'], ['text.deleteWord'], ['text.clear']], text: 'in any text being typed (filter, form field, palette, quick lookup): delete a character, a word, to the start' },
  { keys: [['text.left', 'text.right'], ['text.home', 'text.end']], text: 'in a form field, the palette and type-the-name: move the cursor, to the start / end of the line' },
  { keys: [['text.deleteForward'], ['text.deleteToEnd']], text: 'there too: delete the character at the cursor, to the end of the line' },
  { keys: [['confirm.yes', 'confirm.no']], text: 'confirm / cancel; where you type the name, only {confirm.yes:ctrl} / {confirm.no:ctrl} apply, letters are the name' },
  { keys: [['form.next', 'form.prev']], text: 'form: next / previous field' },
  { keys: [['form.advance']], text: 'form: next field, saves on the last (a new line in a multi-line field)' },
  { keys: [['form.save', 'form.cancel']], text: 'form: save from any field / cancel (asks first when something was typed)' },
  { keys: [['form.toggle'], ['form.optionPrev', 'form.optionNext']], text: 'form: tick a checkbox, change a choice' },
  { keys: [['vaults.recoverDeleted']], text: 'new-vault form: recover the soft-deleted vault of that name' },
  { keys: [['palette.run', 'palette.complete', 'palette.close']], text: 'command palette: run / complete / close' },
  { keys: [['lookup.results', 'lookup.query'], ['lookup.close']], text: 'quick lookup: to the results / back to the query (and the list keys above), close' },
  { keys: [['policies.nextArea', 'policies.prevArea'], ['policies.left', 'policies.right']], text: `permission picker (${paneRef('access')}): next / previous area, previous / next permission ({up:1} {down:1} move by rows)` },
  { keys: [['policies.toggle', 'policies.toggleAll'], ['policies.save', 'policies.cancel']], text: 'permission picker: tick / tick all or none, save / cancel' },
  { keys: [['close']], text: 'close the help, a result or the value viewer (which scrolls with the list keys and copies with {copy:1})' },
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
