/**
 * Scenarios press commands by name (Term.press), so they run unchanged on a rebound keymap: the keys
 * move, the user's story stays. And an override that cannot apply is said on screen and, after the
 * console is gone, on stderr.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paneCommand } from '../../source/ui/keymap/commands.js';
import { launch, SLOW } from './helpers.js';
import { deleteThenRecoverSecret } from './scenarios.js';
import { openTerm } from './tmux.js';

test('with delete, yes, recover, the filter and the Deleted pane\'s key rebound, deleting and recovering a secret reads the same', async (t) => {
  const keymap = { delete: ['x'], 'confirm.yes': ['o'], recover: ['z'], filter: ['\\'], 'filter.keep': ['tab'], [paneCommand('deleted')]: ['!'] };
  const term = await launch(t, { keymap });
  assert.deepEqual(term.keymap.problems, []);
  await deleteThenRecoverSecret(term);
});

test('a conflicting override is flashed at start and printed on stderr once the console has quit', async (t) => {
  const prompt = 'e2e-shell$ ';
  const term = await openTerm(t, { cols: 120, rows: 30, shell: { prompt }, keymap: { delete: ['q'] } });
  await term.waitFor(prompt.trimEnd(), SLOW);
  await term.type('node_modules/.bin/node dist/kvdeck.js');
  await term.keys('Enter');
  const s = await term.waitFor((x) => x.includes('contoso-app-kv') && x.includes('was not applied'), SLOW);
  assert.match(s.replace(/\s+/g, ' '), /"delete": \["q"\] was not applied: "q" already means "quit"/);
  await term.press('quit');
  const after = await term.waitFor((x) => x.includes('kvdeck: Keymap:'), SLOW);
  assert.match(after, /kvdeck: Keymap: "delete": \["q"\] was not applied/);
});
