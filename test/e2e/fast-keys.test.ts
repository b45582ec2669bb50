/**
 * Keys sent all at once, as a fast typist or a script does: tmux writes them in one go, and kvdeck
 * must still take them one by one, in order, each after the previous one's effect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paneCommand } from '../../source/ui/keymap/commands.js';
import { launch, SLOW } from './helpers.js';
import type { Term } from './tmux.js';

/** The key that opens the Secrets pane, as send-keys spells a plain key. */
const secretsKey = (term: Term) => term.keymap.keysFor(paneCommand('secrets'))[0];

test('/, contoso-app, Enter and the Secrets pane key in ONE send-keys call: Enter keeps the filter and the pane opens on contoso-app-kv', async (t) => {
  const term = await launch(t);
  await term.tmux('send-keys', '-t', 'e2e', '/', 'contoso-app', 'Enter', secretsKey(term));
  const s = await term.waitFor((x) => x.includes('Secrets › contoso-app-kv') && x.includes('sql-admin-password'), SLOW);
  assert.doesNotMatch(s, /co2ntoso|contoso-app2/);
});

test('/, contoso-app and Enter in ONE send-keys call: the kept filter reads exactly contoso-app', async (t) => {
  const term = await launch(t);
  await term.tmux('send-keys', '-t', 'e2e', '/', 'contoso-app', 'Enter');
  const s = await term.waitFor('Esc clears', SLOW);
  const line = s.split('\n').find((l) => l.startsWith('/')) ?? '';
  assert.match(line, /^\/contoso-app(\s|$)/, `the filter line:\n${s}`);
});

test('Escape and the Secrets pane key in ONE send-keys call close the help, then open the pane', async (t) => {
  const term = await launch(t);
  await term.press('help');
  await term.waitFor('Vaults pane', SLOW);
  await term.tmux('send-keys', '-t', 'e2e', 'Escape', secretsKey(term));
  await term.waitFor((x) => !x.includes('Vaults pane') && x.split('\n')[2]?.startsWith('Secrets ›') === true, SLOW);
});
