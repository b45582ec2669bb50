/**
 * The real binary in a real terminal, on a state file seeded with hostile text (test/ui/hostile-seed.ts):
 * every byte kvdeck writes while touring the panes is its own drawing (CSI cursor moves, colours,
 * modes) — no OSC, no BEL, no C1 control, no bidi override, no bare CR — and the screen shows the
 * hostile text as text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openEngine } from '../../source/engine/index.js';
import { RAW_CONTROL, seedHostile, SHOWN } from '../ui/hostile-seed.js';
import { launch, pane, selectRow, SLOW } from './helpers.js';

/** What is left of kvdeck's output once its own CSI sequences and line ends are taken out. */
const beyondInk = (raw: string) => Buffer.from(raw, 'latin1').toString('utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replaceAll('\r\n', '\n');

test('hostile text from the vault is drawn as text: no escape sequence of its own reaches the terminal', async (t) => {
  const state = join(mkdtempSync(join(tmpdir(), 'kvdeck-hostile-')), 'state.json');
  const engine = await openEngine({ statePath: state });
  await seedHostile(engine);
  await engine.close?.();
  const term = await launch(t, { args: ['--state', state], cols: 120, rows: 36 });
  await term.record();
  const shows = async (what: string, ready: (s: string) => boolean) => {
    const s = await term.waitFor(ready, SLOW);
    assert.ok(s.includes(SHOWN), `${what} shows the hostile text as text:\n${s}`);
  };
  await term.waitFor((s) => s.includes('Production ␛[31mRE'), SLOW); // the list's column cuts the name short
  await selectRow(term, 'contoso-app-kv');
  await term.press('open');
  await shows('pane 1: the vault detail', (s) => s.includes('Resource id'));
  await term.press('back');
  await pane(term, 'secrets', (s) => s.includes('hostile-secret'));
  await selectRow(term, 'hostile-secret');
  await term.press('open', 'reveal');
  await shows('pane 2: the value revealed', (s) => s.includes('line one'));
  await term.press('secrets.view');
  await shows('the viewer', (s) => s.includes('Value of hostile-secret') && s.includes('line two'));
  await term.press('close');
  await pane(term, 'locks', (s) => s.includes('Delete (CanNotDelete)'));
  await shows('pane 5', (s) => s.includes('Read-only (ReadOnly)'));
  await pane(term, 'audit', (s) => s.includes('newest first'));
  await shows('pane 7', (s) => s.includes('Mallory'));
  const left = beyondInk(term.recorded());
  assert.ok(left.length > 1000, 'the tour was recorded');
  assert.ok(!left.includes('\u001b'), `an escape sequence not Ink's own: ${JSON.stringify(left.slice(Math.max(0, left.indexOf('\u001b') - 40), left.indexOf('\u001b') + 40))}`);
  const bad = RAW_CONTROL.exec(left);
  assert.equal(bad, null, `a raw control character: ${JSON.stringify(bad?.[0])} near ${JSON.stringify(left.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 40))}`);
});
