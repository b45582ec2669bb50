/**
 * At 80×24 (the smallest usual terminal) every frame still fits: header on top, pane tabs, footer at
 * the bottom, and no frame drawn over another. The help overlay is checked line by line against the
 * same overlay drawn in a tall terminal, where nothing needs clipping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paneCommand } from '../../source/ui/keymap/commands.js';
import { PANE_IDS, paneTitle } from '../../source/ui/panes/ids.js';
import { launch, SLOW } from './helpers.js';
import type { Term } from './tmux.js';

const COLS = 80;
const ROWS = 24;

function assertLayout(screen: string, rows: number, what: string): string[] {
  const lines = screen.split('\n').slice(0, rows);
  assert.match(lines[0], /^kvdeck │ Demo engine │ Operator/, `${what}: the header is the first line`);
  assert.match(lines[1], /1 Vaults\s+2 Secrets\s+3 Keys/, `${what}: the pane tabs are the second line`);
  const last = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '').at(-1)!;
  assert.ok(last[1] >= rows - 2 && /q quit/.test(last[0]), `${what}: the footer is at the bottom:\n${screen}`);
  assert.equal(lines.filter((l) => l.startsWith('kvdeck │')).length, 1, `${what}: one header`);
  return lines;
}

/** The screen has been redrawn for this many rows: its footer is on one of the last lines. */
const footerAt = (rows: number) => (s: string) => {
  const lines = s.split('\n');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  return last >= rows - 2 && /q quit/.test(lines[last]);
};

/** The lines of the help overlay (between its title and the footer). */
function helpLines(lines: string[]): string[] {
  const from = lines.findIndex((l) => l.includes('Help —'));
  return lines.slice(from + 1, -1).map((l) => l.trim()).filter((l) => l !== '' && !/q quit$/.test(l));
}

async function helpIntact(term: Term, paneTitle: string): Promise<void> {
  await term.press('help');
  const small = assertLayout(await term.waitFor(`${paneTitle} pane`, SLOW), ROWS, `help over ${paneTitle}`);
  // The same overlay where everything fits in one column (< 110 columns keeps one column).
  await term.resize(100, 60);
  const tall = assertLayout(await term.waitFor(footerAt(60), SLOW), 60, `help over ${paneTitle} (100×60)`);
  const good = helpLines(tall);
  for (const line of helpLines(small)) {
    // Narrower lines may be cut with "…"; paths differ in width only; a line mixed from two frames matches nothing.
    const ok = good.some((g) => g === line || (line.endsWith('…') && g.replace(/…$/, '').startsWith(line.slice(0, -1))) || (line.startsWith('Keys can be changed') && g.startsWith('Keys can be changed')));
    assert.ok(ok, `help over ${paneTitle} at ${COLS}×${ROWS}: the line "${line}" is not a line of the help:\n${small.join('\n')}`);
  }
  await term.resize(COLS, ROWS);
  await term.waitFor(footerAt(ROWS), SLOW);
  await term.press('close');
  await term.waitForGone(`${paneTitle} pane`, SLOW);
}

test('at 80×24 every pane and quick lookup keep their layout: header on top, footer at the bottom', async (t) => {
  const term = await launch(t, { cols: COLS, rows: ROWS });
  let s = await term.screen();
  assertLayout(s, ROWS, 'vaults');
  assert.match(s, /ase-edge01-kv/);
  assert.match(s, /contoso-shared-kv/);
  for (const id of PANE_IDS.slice(1)) {
    const title = paneTitle(id);
    await term.press(paneCommand(id));
    s = await term.waitFor((x) => (x.split('\n')[2] ?? '').startsWith(`${title} ›`) && !/Loading/.test(x), SLOW);
    assertLayout(s, ROWS, title);
  }
  await term.press('lookup');
  await term.type('smtp');
  s = await term.waitFor((x) => x.includes('Find a secret') && /smtp-password\s+secret\s+contoso-shared-kv/.test(x), SLOW);
  assertLayout(s, ROWS, 'quick lookup');
});

test('at 80×24 the help overlay is clipped cleanly, never drawn over itself', async (t) => {
  const term = await launch(t, { cols: COLS, rows: ROWS });
  await helpIntact(term, 'Vaults');
  await term.press(paneCommand('secrets'));
  await term.waitFor('channel-integrity-key', SLOW);
  await helpIntact(term, 'Secrets');
});
