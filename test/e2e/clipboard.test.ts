/**
 * The clipboard in tmux with `set-clipboard on`: every OSC 52 copy becomes a tmux paste buffer, and an
 * empty OSC 52 does not clear one. After the timed clear, and when kvdeck quits, no buffer may still
 * hold the value.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, SLOW } from './helpers.js';
import { quickLookupAndCopy } from './scenarios.js';
import type { Term } from './tmux.js';

const VALUE = 'cik-demo-value';

/** Copies channel-integrity-key again from quick lookup: a second buffer with the value. */
async function copyAgain(term: Term) {
  await term.press('lookup');
  await term.waitFor('Find a secret', SLOW);
  await term.type('chan');
  await term.waitFor(/channel-integrity-key\s+secret\s+ase-edge01-kv/, SLOW);
  await term.press('down', 'copy');
  await term.waitFor((s) => !s.includes('Find a secret') && s.includes('Copied the value of channel-integrity-key'), SLOW);
}

test('after the timed clear no tmux paste buffer holds a copied value', async (t) => {
  const term = await launch(t, { settings: { clipboardClearSeconds: 3 } });
  await quickLookupAndCopy(term);
  await copyAgain(term);
  assert.equal((await term.pasteBuffers()).filter((b) => b === VALUE).length, 2, 'two copies, two buffers with the value');
  // Poll for the clear (its own effect), well past the 3 s.
  for (const until = Date.now() + SLOW; (await term.pasteBuffers()).includes(VALUE) && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual((await term.pasteBuffers()).filter((b) => b.includes(VALUE)), [], 'no buffer holds the value');
});

test('quitting clears the copies at once, before kvdeck exits', async (t) => {
  const term = await launch(t);
  await quickLookupAndCopy(term);
  await term.press('quit');
  await term.waitForDisplay('#{pane_dead}', '1', SLOW);
  assert.deepEqual((await term.pasteBuffers()).filter((b) => b.includes(VALUE)), []);
});
