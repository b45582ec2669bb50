/**
 * Text fields edit like a shell's line: a cursor that moves and edits in the middle, words deleted,
 * Enter to the next field and save on the last, Ctrl-S from anywhere, Ctrl-C cancels the form (asking
 * when something was typed) instead of quitting, and a multi-line paste never loses its line breaks.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, paste, renderApp } from './helpers.js';

after(() => cleanup());

const K = {
  home: '\u001b[H', end: '\u001b[F', ctrlA: '\u0001', ctrlE: '\u0005', ctrlW: '\u0017', ctrlK: '\u000b', ctrlU: '\u0015', ctrlC: '\u0003',
  delete: '\u001b[3~', altBackspace: '\u001b\u007f',
};

/** Pane 2 on contoso-app-kv with the new-secret form open. */
async function newSecretForm() {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j');
  await app.press('2');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets of contoso-app-kv');
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret in contoso-app-kv'), 'the form');
  return app;
}

const fieldLine = (f: string, label: string) => f.split('\n').find((l) => l.includes(label)) ?? '';
const vaultApp = async (app: ReturnType<typeof renderApp>) => (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;

test('a text field edits in the middle: ← → Home End Ctrl-A Ctrl-E move the cursor, Delete and Backspace delete around it', async () => {
  const app = await newSecretForm();
  await app.type('abd');
  await app.press(KEYS.left);
  await app.type('c'); // ab|d → abcd
  await app.press(K.home);
  await app.type('x'); // xabcd
  await app.press(K.end);
  await app.type('y'); // xabcdy
  await app.press(K.ctrlA, K.delete); // abcdy
  await app.press(K.ctrlE, KEYS.backspace); // abcd
  await app.press(KEYS.left, KEYS.left, K.ctrlK); // ab
  await app.type('-new');
  await app.waitFor((f) => /› Name\s+ab-new/.test(f), 'the name edited in the middle');
  await app.press(KEYS.tab, KEYS.tab);
  await app.type('v4lue');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Secret ab-new created'), 'saved');
  assert.equal((await app.backend.secrets.get(await vaultApp(app), 'ab-new')).value, 'v4lue');
  app.unmount();
});

test('Ctrl-W and Alt-Backspace delete the word before the cursor, and the form stays open with the rest', async () => {
  const app = await newSecretForm();
  await app.type('billing-api-token');
  await app.press(K.ctrlW);
  await app.waitFor((f) => /› Name\s+billing-api-(\s|$)/m.test(f), 'token deleted');
  await app.press(K.altBackspace);
  const f = await app.waitFor((f) => /› Name\s+billing-(\s|$)/m.test(f), 'api- deleted by Alt-Backspace');
  assert.match(f, /New secret in contoso-app-kv/, 'Alt-Backspace did not close the form');
  await app.type('key');
  await app.waitFor((f) => /› Name\s+billing-key/.test(f), 'typing goes on');
  app.unmount();
});

test('Enter goes to the next field and saves on the last; the hint says which, and always offers Ctrl-S', async () => {
  const app = await newSecretForm();
  let f = app.frame();
  assert.match(f, /Enter next field/);
  assert.match(f, /Ctrl-S save from any field/);
  await app.type('enter-walk');
  await app.press(KEYS.enter);
  await app.waitFor((f) => /› Value from/.test(f), 'Enter moved to the next field');
  await app.press(KEYS.enter);
  await app.type('s3cret');
  // To the last field (Tags) by Enter: the hint now says Enter saves.
  for (let i = 0; i < 5; i++) await app.press(KEYS.enter);
  f = await app.waitFor((f) => /› Tags/.test(f), 'on the last field');
  assert.match(f, /Enter save/);
  assert.match(f, /Ctrl-S save from any field/);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Secret enter-walk created'), 'Enter on the last field saved');
  app.unmount();
});

test('Ctrl-C in a form cancels the form, asking first when something was typed; the console does not quit', async () => {
  const app = await newSecretForm();
  await app.press(K.ctrlC);
  await app.waitFor((f) => !f.includes('New secret in'), 'an untouched form closes at once');
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret in contoso-app-kv'), 'the form again');
  await app.type('half-typed');
  await app.press(K.ctrlC);
  await app.waitFor((f) => f.includes('Discard what you typed in this form?'), 'asks');
  await app.press('n');
  let f = await app.waitFor((f) => !f.includes('Discard what you typed'), 'kept');
  assert.match(f, /› Name\s+half-typed/, 'what was typed is still there');
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('Discard what you typed in this form?'), 'Esc asks as well');
  await app.press('y');
  f = await app.waitFor((f) => !f.includes('New secret in'), 'discarded');
  assert.match(f, /sql-admin-password/);
  assert.equal(app.quits(), 0, 'Ctrl-C in a form never quits');
  await app.press(K.ctrlC);
  assert.equal(app.quits(), 1, 'from the pane, Ctrl-C quits');
  app.unmount();
});

test('a PEM pasted into the one-line value field makes it multi-line and keeps every line break', async () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ3\nZXJ0aWZpY2F0ZQ==\n-----END CERTIFICATE-----\n';
  const app = await newSecretForm();
  await app.type('pasted-pem');
  await app.press(KEYS.tab, KEYS.tab);
  await app.press(paste(pem.replaceAll('\n', '\r\n')));
  const f = await app.waitFor((f) => f.includes('is now multi-line'), 'switched');
  assert.match(f, /‹ several lines \(masked\) ›/);
  assert.doesNotMatch(f, /BEGIN CERTIFICATE/, 'still masked');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Secret pasted-pem created'), 'saved');
  assert.equal((await app.backend.secrets.get(await vaultApp(app), 'pasted-pem')).value, pem);
  app.unmount();
});

test('a multi-line paste into a field that takes one line is refused with a sentence, nothing pasted', async () => {
  const app = await newSecretForm();
  await app.press(paste('first\nsecond'));
  const f = await app.waitFor((f) => f.includes('nothing was pasted'), 'refused');
  assert.match(f, /The pasted text has 2 lines and Name takes one line/);
  assert.match(fieldLine(f, '› Name'), /› Name\s*│/);
  await app.press(paste('one-line-name\n'));
  await app.waitFor((f) => /› Name\s+one-line-name/.test(f), 'a single line with a trailing newline is pasted');
  app.unmount();
});
