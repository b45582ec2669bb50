/**
 * At 80×24 (the smallest usual terminal) every frame still fits: header on top, pane tabs, footer at
 * the bottom, no line longer than the terminal, and no frame drawn over another.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SLOW } from './helpers.js';
import type { Term } from './tmux.js';

const COLS = 80;
const ROWS = 24;

function assertLayout(screen: string, what: string): string[] {
  const lines = screen.split('\n').slice(0, ROWS);
  assert.match(lines[0], /^kvdeck │ Demo engine │ Operator/, `${what}: the header is the first line`);
  assert.match(lines[1], /1 Vaults\s+2 Secrets\s+3 Keys/, `${what}: the pane tabs are the second line`);
  const last = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '').at(-1)!;
  assert.ok(last[1] >= ROWS - 2 && /q quit/.test(last[0]), `${what}: the footer is at the bottom:\n${screen}`);
  // Each line of the frame appears once: a frame drawn over another leaves duplicated or mixed lines.
  const header = lines.filter((l) => l.startsWith('kvdeck │'));
  assert.equal(header.length, 1, `${what}: one header`);
  return lines;
}

async function helpIntact(term: Term, paneTitle: string): Promise<void> {
  await term.keys('?');
  const s = await term.waitFor(`${paneTitle} pane`, SLOW);
  const lines = assertLayout(s, `help over ${paneTitle}`);
  // Every help row is "<keys padded to 14> <label>": a row mixed from two frames breaks that shape.
  const row = (keys: string, label: string) => lines.some((l) => l.trimEnd() === ` ${keys.padEnd(14)}${label}`);
  assert.ok(row('/', 'filter'), `help row "/ filter" is intact:\n${s}`);
  assert.ok(row('?', 'help'), `help row "? help" is intact:\n${s}`);
  assert.ok(row('q', 'quit'), `help row "q quit" is intact:\n${s}`);
  await term.keys('Escape');
  await term.waitForGone(`${paneTitle} pane`, SLOW);
}

test('at 80×24 the vaults list, the secrets list and the help overlay keep their layout', async (t) => {
  const term = await launch(t, { cols: COLS, rows: ROWS });
  let s = await term.screen();
  assertLayout(s, 'vaults');
  assert.match(s, /ase-edge01-kv/);
  assert.match(s, /contoso-shared-kv/);
  await helpIntact(term, 'Vaults');
  await term.keys('2');
  s = await term.waitFor('channel-integrity-key', SLOW);
  assertLayout(s, 'secrets');
  await helpIntact(term, 'Secrets');
  await term.keys('C-p');
  s = await term.waitFor('Find a secret', SLOW);
  assertLayout(s, 'quick lookup');
  assert.match(s, /smtp-password\s+contoso-shared-kv/);
});
