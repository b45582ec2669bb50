/**
 * Keys sent all at once, as a fast typist or a script does: tmux writes them in one go, and kvdeck
 * must still take them one by one, in order, each after the previous one's effect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SLOW } from './helpers.js';

test('/, contoso-app, Enter and 2 in ONE send-keys call: Enter keeps the filter and pane 2 opens on contoso-app-kv', async (t) => {
  const term = await launch(t);
  await term.tmux('send-keys', '-t', 'e2e', '/', 'contoso-app', 'Enter', '2');
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

test('Escape and 2 in ONE send-keys call close the help, then open pane 2', async (t) => {
  const term = await launch(t);
  await term.press('help');
  await term.waitFor('Vaults pane', SLOW);
  await term.tmux('send-keys', '-t', 'e2e', 'Escape', '2');
  await term.waitFor((x) => !x.includes('Vaults pane') && x.split('\n')[2]?.startsWith('Secrets ›') === true, SLOW);
});
