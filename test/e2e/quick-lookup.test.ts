/** A user finds a secret from anywhere with Ctrl-P, and copies it or opens it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SLOW } from './helpers.js';
import { quickLookupAndCopy } from './scenarios.js';

test('quick lookup finds channel-integrity-key in every vault and c copies its value through OSC 52', async (t) => {
  await quickLookupAndCopy(await launch(t));
});

test('Enter in quick lookup opens the secret in the Secrets pane, masked until v', async (t) => {
  const term = await launch(t);
  await term.press('lookup');
  await term.waitFor('Find a secret', SLOW);
  await term.type('bitlocker');
  await term.waitFor((s) => s.includes('› bitlocker') && /bitlocker-recovery-key\s+secret\s+ase-edge01-kv/.test(s) && !s.includes('bmc-password'), SLOW);
  await term.press('open');
  const detail = await term.waitFor((s) => s.includes('Secrets') && s.includes('bitlocker-recovery-key') && s.includes('••••'), SLOW);
  assert.ok(!detail.includes('111111-222222'), 'masked until revealed');
  await term.press('reveal');
  await term.waitFor('111111-222222-333333', SLOW);
});
