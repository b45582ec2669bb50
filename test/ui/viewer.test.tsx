/**
 * A revealed value is viewable whole: a PEM shows every line, a 200-character value is wrapped, not
 * cut; the viewer scrolls, copies and goes away when the value's time on screen is up.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, decodeOsc52, renderApp } from './helpers.js';

after(() => cleanup());

const PEM = ['-----BEGIN CERTIFICATE-----', ...Array.from({ length: 28 }, (_, i) => `MIIC${String(i).padStart(2, '0')}${'Q'.repeat(58)}`), '-----END CERTIFICATE-----'].join('\n');
const LONG = Array.from({ length: 200 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');

async function openSecret(name: string, value: string, o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  await app.backend.secrets.set(vault, name, { value });
  await app.press('j', '2');
  await app.waitFor((f) => f.includes(name), 'the secret listed');
  await app.press('/');
  await app.type(name);
  await app.press(KEYS.enter, KEYS.enter);
  await app.waitFor((f) => f.includes('Versions'), 'detail');
  return app;
}

/** The text inside the viewer's frame, gutter numbers and borders left out. */
const viewerText = (f: string) => f.split('\n').filter((l) => l.includes('│')).map((l) => l.slice(l.indexOf('│') + 1, l.lastIndexOf('│')).replace(/^\s*\d*\s/, '').trim()).join('');

test('a PEM revealed shows its first line and says how many lines there are; V shows every line, scrolling to the end', async () => {
  const app = await openSecret('tls-pem', PEM);
  await app.press('v');
  let f = await app.waitFor((f) => f.includes('-----BEGIN CERTIFICATE-----'), 'revealed');
  assert.match(f, /30 lines, 1,8\d\d characters · V views it whole/);
  await app.press('V');
  f = await app.waitFor((f) => f.includes('Value of tls-pem'), 'viewer');
  assert.match(f, /30 lines/);
  assert.match(f, /│\s+1 -----BEGIN CERTIFICATE-----/);
  assert.match(f, /MIIC00Q{58}/, 'a 64-character line is shown whole');
  assert.doesNotMatch(f, /END CERTIFICATE/, 'the end is below');
  await app.press('G');
  f = await app.waitFor((f) => f.includes('-----END CERTIFICATE-----'), 'the last line');
  assert.match(f, /│ 30 -----END CERTIFICATE-----/);
  await app.press('g');
  await app.waitFor((f) => f.includes('-----BEGIN CERTIFICATE-----'), 'back to the top');
  await app.press(KEYS.esc);
  await app.waitFor((f) => !f.includes('Value of tls-pem') && f.includes('Versions'), 'closed');
  app.unmount();
});

test('a 200-character value is wrapped in the viewer, every character there; c copies it', async () => {
  const app = await openSecret('long-token', LONG);
  await app.press('V');
  const f = await app.waitFor((f) => f.includes('Value of long-token'), 'viewer');
  assert.ok(viewerText(f).includes(LONG), `every character of the value is on screen:\n${f}`);
  await app.press('c');
  await app.waitFor((f) => f.includes('Copied the value of long-token'), 'copied');
  assert.equal(decodeOsc52(app.clipboardWrites).at(-1), LONG);
  app.unmount();
});

test('the viewer goes away by itself when the value\'s time on screen is up', async () => {
  const app = await openSecret('short-lived', PEM, { revealMs: 1200 });
  await app.press('V');
  await app.waitFor((f) => f.includes('Value of short-lived'), 'viewer');
  await app.waitFor((f) => !f.includes('Value of short-lived') && !f.includes('CERTIFICATE'), 'hidden again', 5000);
  app.unmount();
});
