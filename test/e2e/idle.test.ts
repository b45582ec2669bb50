/**
 * A console at rest sends nothing to the terminal (over SSH every redraw is traffic): 0 bytes over a
 * few idle seconds with a form open, and with a list shown. The recording itself is proven by the
 * key pressed afterwards, whose redraw it must catch.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, pane, SLOW } from './helpers.js';
import type { Term } from './tmux.js';

const IDLE_MS = 3000;

async function bytesWhileIdle(term: Term): Promise<number> {
  await term.record();
  // The measurement: a fixed idle window.
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const idle = term.recorded().length;
  await term.press('down');
  for (const until = Date.now() + SLOW; term.recorded().length === idle && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
  assert.ok(term.recorded().length > idle, 'the recording catches a redraw');
  return idle;
}

test('idle with a list shown: 0 bytes written to the terminal', async (t) => {
  const term = await launch(t);
  // Settled: the list and pane 2's own footer (drawn from its bindings, a frame after the list).
  await pane(term, 'secrets', (s) => s.includes('Secrets ›') && s.includes('secrets in') && s.includes(`${term.shown('secrets.view')} view`));
  assert.equal(await bytesWhileIdle(term), 0);
});

test('idle with a form open: 0 bytes written to the terminal', async (t) => {
  const term = await launch(t);
  await pane(term, 'secrets', (s) => s.includes('Secrets ›') && s.includes('secrets in') && s.includes(`${term.shown('secrets.view')} view`));
  await term.press('new');
  await term.waitFor('New secret in', SLOW);
  assert.equal(await bytesWhileIdle(term), 0);
});
