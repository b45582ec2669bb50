import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { KEYS, decodeOsc52, renderApp, webAppSeeingEdge } from './helpers.js';

after(() => cleanup());

test('Ctrl-P finds channel-integrity-key across vaults, and c copies its value as OSC 52', async () => {
  const app = renderApp({ pane: 'audit' });
  await app.waitFor((f) => f.includes('Audit ›'));
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('Find a secret') && f.includes('in every vault'), 'index loaded');
  await app.type('chan');
  const f = await app.waitFor((f) => f.includes('channel-integrity-key'), 'match');
  assert.match(f.split('\n').find((l) => l.includes('channel-integrity-key'))!, /ase-edge01-kv/);
  await app.press(KEYS.down, 'c');
  const g = await app.waitFor((f) => f.includes('Copied the value of channel-integrity-key'), 'copied');
  assert.doesNotMatch(g, /cik-demo-value/);
  assert.deepEqual(decodeOsc52(app.clipboardWrites), ['cik-demo-value']);
  app.unmount();
});

test('quick lookup ranks by name across every vault and Enter opens the secret in pane 2', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'));
  await app.type('smtp');
  await app.waitFor((f) => f.includes('smtp-password'));
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Secrets › contoso-shared-kv › smtp-password'), 'opened');
  assert.match(f, /Versions/);
  assert.match(f, /••••••••/);
  app.unmount();
});

test('quick lookup names vaults the identity cannot read and still searches the rest', async () => {
  const app = renderApp({ backend: webAppSeeingEdge() });
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press(KEYS.ctrlP);
  const f = await app.waitFor((f) => f.includes('in every vault'));
  assert.match(f, /Not searched \(no secrets\/list permission\): ase-edge01-kv/);
  await app.type('sql');
  await app.waitFor((f) => f.includes('sql-admin-password'));
  await app.press(KEYS.esc);
  await app.waitFor((f) => !f.includes('Find a secret'), 'closed');
  app.unmount();
});

test('typing in quick lookup never triggers pane commands', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'));
  await app.type('qd2');
  // Keys are handled in order: once the query shows all three, q and d were letters too.
  await app.waitFor((f) => f.includes('Find a secret or certificate › qd2'), 'the query qd2');
  assert.equal(app.quits(), 0);
  app.unmount();
});
