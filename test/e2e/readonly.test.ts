/** `--readonly`: the console shows everything but refuses every change, saying why. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, pane, SLOW } from './helpers.js';

test('--readonly refuses to delete a secret and says it was started read-only; the secret stays', async (t) => {
  const term = await launch(t, { args: ['--readonly'] });
  assert.match(await term.screen(), /READ-ONLY/, 'the header carries the read-only badge');
  // The Secrets pane shows the selected vault's secrets (the first vault, ase-edge01-kv).
  await pane(term, 'secrets', 'channel-integrity-key');
  await term.press('delete');
  const s = await term.waitFor(/not available: read-only mode/, SLOW);
  assert.match(s, /--readonly/);
  assert.ok(!/Delete secret .*\?/.test(s), 'no confirmation is even offered');
  // Nothing changed: the secret is still listed, and the bin is not involved.
  assert.match(s, /3 secrets in ase-edge01-kv/);
});

test('--readonly refuses to delete a vault', async (t) => {
  const term = await launch(t, { args: ['--readonly'] });
  await term.press('delete');
  await term.waitFor(/Delete is not available: read-only mode/, SLOW);
  assert.match(await term.screen(), /3 vaults/);
});
