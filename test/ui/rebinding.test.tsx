/**
 * Every key the console reacts to is a command of the one table, so rebinding it in settings moves
 * it everywhere: the pane's footer and help, confirmations, forms, the palette, the filter and quick
 * lookup (which reuses the list's movement and copy). Overrides that conflict are reported, not applied.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { DEMO, createEngine } from '../../source/engine/index.js';
import { memorySettings } from '../../source/ui/settings.js';
import { KEYS, decodeOsc52, renderApp } from './helpers.js';

after(() => cleanup());

const withKeys = (keymap: Record<string, unknown>, o: Parameters<typeof renderApp>[0] = {}) => renderApp({ ...o, settings: memorySettings({ keymap }) });
const CTRL = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);

/** Pane 2 on contoso-app-kv with the filter on `secret` (kept). */
async function onSecret(app: ReturnType<typeof renderApp>, secret: string) {
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j');
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets');
  await app.press('/');
  await app.type(secret);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Esc clears'), 'filter kept');
}

test('{"delete": ["q"]} is reported at start and not applied: q still quits, d still deletes', async () => {
  const app = withKeys({ delete: ['q'] });
  const f = await app.waitFor((f) => f.includes('was not applied') && f.includes('contoso-app-kv'), 'the report');
  assert.match(f.replace(/\s+/g, ' '), /Keymap: "delete": \["q"\] was not applied: "q" already means "quit"/);
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete vault'), 'd asks to delete');
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('Cancelled.'), 'cancelled');
  await app.press('q');
  assert.equal(app.quits(), 1);
  app.unmount();
});

test('a rebound help key shows in the footer, and ? help lists the dialogs\' keys as rebound', async () => {
  const app = withKeys({ help: ['h'], 'form.save': ['ctrl+g'] });
  const f = await app.waitFor((f) => f.includes('contoso-app-kv'));
  assert.match(f.split('\n').find((l) => l.includes('quit'))!, /h help\s+q quit$/);
  await app.press('h');
  await app.waitFor((f) => f.includes('Help —'), 'help');
  // Scroll down to the forms' section.
  for (let i = 0; i < 40 && !/Ctrl-G\s+save from any field/.test(app.frame()); i++) await app.press(KEYS.down);
  assert.match(app.frame(), /Ctrl-G\s+save from any field/);
  app.unmount();
});

test('confirmations answer to their commands: rebound yes and no, and y no longer confirms', async () => {
  const app = withKeys({ 'confirm.yes': ['o'], 'confirm.no': ['x'] });
  await onSecret(app, 'legacy-token');
  await app.press('d');
  const f = await app.waitFor((f) => f.includes('Delete secret legacy-token?'), 'confirmation');
  assert.match(f, /o delete · x cancel/);
  await app.press('y', 'x');
  await app.waitFor((f) => f.includes('Cancelled.'), 'y did nothing, x cancelled');
  assert.ok((await app.backend.secrets.listPage(await vault(app))).items.some((s) => s.name === 'legacy-token'), 'still there');
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete secret legacy-token?'), 'confirmation again');
  await app.press('o');
  await app.waitFor((f) => f.includes('Secret legacy-token deleted'), 'deleted');
  app.unmount();
});

const vault = async (app: ReturnType<typeof renderApp>) => (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;

test('the type-the-name confirmation hears only control keys: a rebound yes, and letters are the name', async () => {
  const app = withKeys({ 'confirm.yes': ['ctrl+o'] }, { pane: 'deleted' });
  await app.waitFor((f) => f.includes('billing-old-kv'), 'bin');
  await app.press('/');
  await app.type('billing');
  await app.press(KEYS.enter, 'P');
  const f = await app.waitFor((f) => f.includes('Purge vault billing-old-kv for good?'), 'type-the-name');
  assert.match(f, /then Ctrl-O to purge/);
  await app.type('billing-old-kv');
  await app.press(KEYS.enter, 'x');
  // Enter is not "yes" any more: the dialog is still there and took the x as part of the name.
  await app.waitFor((f) => f.includes('does not match'), 'Enter did not confirm');
  await app.press(KEYS.backspace, CTRL('o'));
  await app.waitFor((f) => f.includes('Vault billing-old-kv purged'), 'purged');
  app.unmount();
});

test('forms: rebound next field and save, while letters typed in a text field stay text', async () => {
  // j moves between fields of a form — except in a text field, where it is the letter j.
  const app = withKeys({ 'form.next': ['j', 'ctrl+n'], 'form.save': ['ctrl+g'] });
  await onSecret(app, 'sql');
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret'), 'form');
  await app.type('jojo');
  await app.press(CTRL('n'));
  await app.waitFor((f) => f.includes('› Value from'), 'on the "value from" choice');
  await app.press('j'); // not a text field: j is "next field"
  await app.waitFor((f) => /› Value\s/.test(f), 'on the value');
  await app.type('v4lue-j');
  await app.press(CTRL('g'));
  await app.waitFor((f) => f.includes('Secret jojo created'), 'saved with Ctrl-G');
  assert.equal((await app.backend.secrets.get(await vault(app), 'jojo')).value, 'v4lue-j');
  app.unmount();
});

test('quick lookup reuses the list\'s commands: a rebound down and copy work there too', async () => {
  const app = withKeys({ down: ['ctrl+n', 'down'], copy: ['y'] });
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'), 'lookup');
  await app.type('chan');
  await app.waitFor((f) => f.includes('channel-integrity-key'), 'match');
  await app.press(CTRL('n'), 'y');
  await app.waitFor((f) => f.includes('Copied the value of channel-integrity-key'), 'copied with y');
  assert.deepEqual(decodeOsc52(app.clipboardWrites), ['cik-demo-value']);
  app.unmount();
});

test('while the query is typed, a letter bound to a list command is a letter', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'), 'lookup');
  await app.type('jkcR');
  await app.waitFor((f) => f.includes('Find a secret or certificate › jkcR'), 'the query holds every letter');
  app.unmount();
});

test('the palette and the filter answer to their own commands', async () => {
  const app = withKeys({ 'palette.run': ['ctrl+g'], 'filter.keep': ['tab'] });
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('/');
  await app.type('edge');
  await app.press(KEYS.tab);
  await app.waitFor((f) => f.includes('Esc clears'), 'Tab kept the filter');
  assert.match(app.frame().split('\n')[2], /^Vaults ›/, 'and did not switch pane');
  await app.press(':');
  await app.type('audit');
  await app.press(KEYS.enter, 'x');
  await app.waitFor((f) => f.includes(':auditx'), 'Enter does not run the palette any more');
  await app.press(KEYS.backspace, CTRL('g'));
  await app.waitFor((f) => f.split('\n')[2]?.startsWith('Audit'), 'Ctrl-G ran :audit');
  app.unmount();
});

test('the boot screen quits with the rebound quit key', async () => {
  const { render } = await import('ink-testing-library');
  const { Boot } = await import('../../source/ui/boot.js');
  const { createClipboard } = await import('../../source/ui/clipboard.js');
  let quits = 0;
  let release!: () => void;
  const r = render(
    <Boot createBackend={() => new Promise((res) => (release = () => res(createMemoryBackend(createEngine({ seed: 'demo' })))))} target="AzureCloud"
      settings={memorySettings({ keymap: { quit: ['Q'], dlete: ['x'] } })} size={{ columns: 100, rows: 30 }} onQuit={() => quits++}
      clipboard={createClipboard({ write: () => {}, env: {}, findTool: false, clearAfterMs: 0 })} />,
  );
  for (let i = 0; i < 200 && !(r.lastFrame() ?? '').includes('"dlete" is not a command'); i++) await new Promise((res) => setTimeout(res, 15));
  assert.match(r.lastFrame() ?? '', /Connecting to AzureCloud/);
  r.stdin.write('Q');
  for (let i = 0; i < 200 && quits === 0; i++) await new Promise((res) => setTimeout(res, 15));
  assert.equal(quits, 1);
  release();
  r.unmount();
});
