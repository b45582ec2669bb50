/** A user finds a secret from anywhere with Ctrl-P and copies it: the terminal receives OSC 52 with the value. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SLOW } from './helpers.js';

const VALUE = 'cik-demo-value';
const OSC52 = `\u001b]52;c;${Buffer.from(VALUE).toString('base64')}\u0007`;

test('quick lookup finds channel-integrity-key in every vault and c copies its value through OSC 52', async (t) => {
  const term = await launch(t);
  await term.keys('C-p');
  await term.waitFor('Find a secret', SLOW);
  await term.type('chan');
  // The list narrows to what matches as the user types.
  await term.waitFor((s) => s.includes('› chan') && /channel-integrity-key\s+ase-edge01-kv/.test(s) && !s.includes('bmc-password'), SLOW);
  await term.record();
  await term.keys('Down', 'c');
  const flashed = await term.waitFor('Copied the value of channel-integrity-key', SLOW);
  assert.ok(!flashed.includes(VALUE), 'the value itself is never drawn on screen');
  // The raw output carries the OSC 52 sequence with the value, base64-encoded…
  assert.ok(term.recorded().includes(OSC52), 'kvdeck wrote ESC ] 52 ; c ; base64(value) BEL');
  // …and tmux (set-clipboard on) took it as a clipboard write: its newest paste buffer holds the value.
  assert.equal(await term.pasteBuffer(), VALUE);
});

test('Enter in quick lookup opens the secret in pane 2, masked until v', async (t) => {
  const term = await launch(t);
  await term.keys('C-p');
  await term.waitFor('Find a secret', SLOW);
  await term.type('bitlocker');
  await term.waitFor((s) => s.includes('› bitlocker') && /bitlocker-recovery-key\s+ase-edge01-kv/.test(s) && !s.includes('bmc-password'), SLOW);
  await term.keys('Enter');
  const detail = await term.waitFor((s) => s.includes('Secrets') && s.includes('bitlocker-recovery-key') && s.includes('••••'), SLOW);
  assert.ok(!detail.includes('111111-222222'), 'masked until revealed');
  await term.keys('v');
  await term.waitFor('111111-222222-333333', SLOW);
});
