/** Smaller things seen in issue 12: lock refusals under ReadOnly name the lock; the bin says "PURGE ON". */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { resourceGroupScope } from '../../source/domain/ids.js';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, paneKey, renderApp, said } from './helpers.js';

after(() => cleanup());

/** contoso-app-kv's resource group under a ReadOnly lock, then pane 4 on contoso-app-kv. */
async function readOnlyPolicies() {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.backend.locks.create({ scope: resourceGroupScope(DEMO.subscriptions.production, 'rg-apps'), name: 'change-freeze', level: 'ReadOnly', notes: 'quarter end' });
  await app.press('j', paneKey('access'));
  await app.waitFor((f) => f.includes('Security Admin'), 'policies');
  return app;
}

test('a change refused by a ReadOnly lock names the lock, its level and where it is (flash)', async () => {
  const app = await readOnlyPolicies();
  await app.press('j', 'e');
  await app.waitFor((f) => f.includes('Permissions for contoso-web-app'), 'picker');
  await app.press(KEYS.tab, ' ', KEYS.enter);
  const f = await app.waitFor((f) => said(f).includes('the lock change-freeze (Read-only, on resource group rg-apps) blocks it'), 'the lock named');
  assert.match(said(f), /cannot be changed/);
  app.unmount();
});

test('a form refused by a ReadOnly lock names the lock in the form', async () => {
  const app = await readOnlyPolicies();
  await app.press('n');
  await app.waitFor((f) => f.includes('Add an access policy'), 'form');
  await app.press(KEYS.tab, ' ', KEYS.ctrlS);
  const f = await app.waitFor((f) => said(f).includes('the lock change-freeze (Read-only, on resource group rg-apps) blocks it'), 'the lock named in the form');
  assert.match(f, /Add an access policy/, 'the form stays open');
  app.unmount();
});

test('the bin\'s date column says PURGE ON (a scheduled date), not PURGED ON', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press(paneKey('deleted'));
  const f = await app.waitFor((f) => f.includes('billing-old-kv'), 'bin');
  assert.match(f, /PURGE ON/);
  assert.doesNotMatch(f, /PURGED ON/);
  app.unmount();
});
