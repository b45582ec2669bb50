/**
 * What the engine would refuse is said in the form while it is typed, before anything is sent: the
 * validity window, an expiry in the past, duplicate tag names, a tag value over 256 characters — in
 * every form that has them (secrets, keys, vaults) — and that purge protection can never be turned off.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, paste, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;

/** Tab until the field labelled `label` has the focus. */
async function focusField(app: App, label: string) {
  for (let i = 0; i < 25 && !app.frame().includes(`› ${label}`); i++) await app.press(KEYS.tab);
  await app.waitFor((f) => f.includes(`› ${label}`), `focus on ${label}`);
}

async function onVaultPane(pane: '2' | '3', o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j', pane);
  await app.waitFor((f) => f.includes(pane === '2' ? 'sql-admin-password' : 'app-signing-key'), 'the pane');
  return app;
}

test('editing only the not-before past the expiry is refused under the field, before saving', async () => {
  const app = await onVaultPane('2');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  const before = (await app.backend.secrets.get(vault, 'partner-api-token')).properties;
  await app.press('/');
  await app.type('partner-api-token');
  await app.press(KEYS.enter, 'e');
  await app.waitFor((f) => f.includes('Edit partner-api-token'), 'edit form');
  await focusField(app, 'Not before');
  await app.type('2099-01-01');
  const f = await app.waitFor((f) => f.includes('The expiry date must be after the not-before date.'), 'the window problem');
  assert.match(f, /Edit partner-api-token/, 'still in the form: nothing was sent');
  assert.deepEqual((await app.backend.secrets.get(vault, 'partner-api-token')).properties, before);
  app.unmount();
});

test('the new-secret form says an expiry is in the past, a tag name is given twice, a tag value is too long', async () => {
  const app = await onVaultPane('2');
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret in'), 'form');
  await focusField(app, 'Expires');
  await app.type('2020-01-01');
  await app.waitFor((f) => f.includes('The expiry date is in the past'), 'past expiry');
  await focusField(app, 'Tags');
  await app.type('env=prod, env=test');
  await app.waitFor((f) => f.includes('The tag name "env" is given twice.'), 'duplicate tag');
  await app.press('\u0015'); // Ctrl-U: the field empty again
  await app.press(paste(`note=${'x'.repeat(300)}`));
  await app.waitFor((f) => f.includes("The value of tag 'note' is 300 characters long; at most 256 are"), 'long tag value');
  app.unmount();
});

test('the new-key form has not-before and tags, checked as the engine checks them', async () => {
  const app = await onVaultPane('3');
  await app.press('n');
  await app.waitFor((f) => f.includes('New key in'), 'form');
  await focusField(app, 'Expires');
  await app.type('2030-01-01');
  await focusField(app, 'Not before');
  await app.type('2031-01-01');
  await app.waitFor((f) => f.includes('The expiry date must be after the not-before date.'), 'window');
  await focusField(app, 'Tags');
  await app.type('team=a, team=b');
  await app.waitFor((f) => f.includes('The tag name "team" is given twice.'), 'duplicate tag');
  app.unmount();
});

test('a key created with tags and a not-before has them', async () => {
  const app = await onVaultPane('3');
  await app.press('n');
  await app.waitFor((f) => f.includes('New key in'), 'form');
  await app.type('tagged-key');
  await focusField(app, 'Not before');
  await app.type('2026-01-01');
  await focusField(app, 'Tags');
  await app.type('team=payments');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('tagged-key'), 'created');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  const k = await app.backend.keys.get(vault, 'tagged-key');
  assert.deepEqual(k.properties.tags, { team: 'payments' });
  assert.equal(k.properties.notBefore?.toISOString(), '2026-01-01T00:00:00.000Z');
  app.unmount();
});

test('ticking purge protection says first that it can never be turned off; vault tags are checked too', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('n');
  await app.waitFor((f) => f.includes('New vault'), 'form');
  assert.doesNotMatch(app.frame(), /can never be turned off/);
  await focusField(app, 'Purge protection');
  await app.press(' ');
  const f = await app.waitFor((f) => f.includes('Purge protection can never be turned off'), 'the warning');
  assert.match(f, /stays in the bin for 90 days/);
  await focusField(app, 'Tags');
  await app.type('cost=1, cost=2');
  await app.waitFor((f) => f.includes('The tag name "cost" is given twice.'), 'duplicate vault tag');
  app.unmount();
});
