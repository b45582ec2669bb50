/**
 * Lists show rows as pages arrive: a vault's secrets or keys, and the vaults as each subscription
 * answers, are usable and filterable while the rest of the listing is still on its way (held by
 * test/ui/held-backend.ts: the real memory backend, paged as Key Vault pages, one vault held after its
 * first page until released).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { memorySettings } from '../../source/ui/settings.js';
import { heldBackend } from './held-backend.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

const perfKv = { name: DEMO.vaults.perf, subscriptionId: DEMO.subscriptions.production };
const appKv = { name: DEMO.vaults.app, subscriptionId: DEMO.subscriptions.production };

/** Pane 2 on perf-kv (300 secrets, twelve pages), its listing held after the first page. */
function perfKvHeld() {
  const held = heldBackend(createEngine({ seed: 'demo', perf: 300 }));
  held.holdVault(DEMO.vaults.perf);
  return { held, app: renderApp({ backend: held.backend, pane: 'secrets', settings: memorySettings({ lastVault: perfKv }) }) };
}

test('the first page of a vault\'s secrets is on screen and filterable before its last page arrives', async () => {
  const { app, held } = perfKvHeld();
  const f = await app.waitFor((f) => f.includes('perf-secret-0000000'), 'the first page\'s rows');
  assert.match(f, /25 secrets so far in perf-kv · loading more…/);
  assert.ok(!f.includes('Loading secrets'), 'no spinner once rows are there');
  await app.press('/');
  await app.type('0012');
  const g = await app.waitFor((f) => /^\/0012\s+1 of 25 so far/m.test(f), 'the filter over the rows so far');
  assert.match(g, /perf-secret-0000012/);
  held.release();
  // The rest arrives under the same filter (perf-secret-0000120 and the others that match, of all 300).
  const h = await app.waitFor((f) => /^\/0012\s+\d+ of 300 /m.test(f), 'the filter over every row');
  assert.ok(!h.includes('so far') && h.includes('perf-secret-0000120'), h);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('300 secrets in perf-kv') && !f.includes('loading more'), 'the whole list');
  app.unmount();
});

test('the row the user moved to stays selected as later pages arrive', async () => {
  const { app, held } = perfKvHeld();
  await app.waitFor((f) => f.includes('25 secrets so far'), 'the first page');
  await app.press('j', 'j', 'j');
  held.release();
  await app.waitFor((f) => f.includes('300 secrets in perf-kv'), 'every page');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Secrets › perf-kv › perf-secret-0000003'), 'the fourth secret opened');
  app.unmount();
});

test('a secret created while the list still loads stays in it when the rest arrives', async () => {
  const { app, held } = perfKvHeld();
  await app.waitFor((f) => f.includes('25 secrets so far'), 'the first page');
  // Created meanwhile (as another pane or user would): the list is told through its own setData.
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret'), 'the form');
  await app.type('aaa-made-meanwhile');
  await app.press(KEYS.tab, KEYS.tab); // past "value from" to the value
  await app.type('v');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Secret aaa-made-meanwhile created'), 'created');
  held.release();
  const f = await app.waitFor((f) => f.includes('301 secrets in perf-kv'), 'every page');
  assert.match(f, /aaa-made-meanwhile/);
  app.unmount();
});

test('keys show as their pages arrive', async () => {
  const engine = createEngine({ seed: 'demo' });
  for (let i = 0; i < 40; i++) engine.keys.create({ objectId: DEMO.principals.operator }, DEMO.vaults.app, `k-${String(i).padStart(2, '0')}`, { keyType: 'EC', curve: 'P-256' });
  const held = heldBackend(engine);
  held.holdVault(DEMO.vaults.app);
  const app = renderApp({ backend: held.backend, pane: 'keys', settings: memorySettings({ lastVault: appKv }) });
  const f = await app.waitFor((f) => /25 keys so far in contoso-app-kv · loading more…/.test(f), 'the first page of keys');
  assert.ok(!f.includes('Loading keys'), f);
  held.release();
  await app.waitFor((f) => /\d+ keys in contoso-app-kv ·/.test(f) && !f.includes('so far'), 'every key');
  app.unmount();
});

test('vaults show as each subscription answers, the slow one joining when it does', async () => {
  const held = heldBackend(createEngine({ seed: 'demo' }));
  held.holdSubscription(DEMO.subscriptions.edge);
  const app = renderApp({ backend: held.backend });
  const f = await app.waitFor((f) => f.includes(DEMO.vaults.app) && f.includes(DEMO.vaults.shared), 'the Production vaults');
  assert.match(f, /2 vaults so far across subscriptions · loading more…/);
  assert.ok(!f.includes(DEMO.vaults.edge), 'the Edge subscription has not answered');
  held.release();
  const g = await app.waitFor((f) => f.includes(DEMO.vaults.edge) && f.includes('3 vaults across subscriptions'), 'the Edge vault');
  assert.ok(!g.includes('so far'), g);
  app.unmount();
});

test('a listing that fails part-way keeps the rows that came and says why it stopped', async () => {
  const engine = createEngine({ seed: 'demo', perf: 100 });
  const held = heldBackend(engine);
  const real = held.backend.secrets.listPage;
  held.backend.secrets.listPage = async (vault, page, o) => {
    if (page?.continuationToken) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    return real(vault, page, o);
  };
  const app = renderApp({ backend: held.backend, pane: 'secrets', settings: memorySettings({ lastVault: perfKv }) });
  const f = await app.waitFor((f) => f.includes('the listing stopped'), 'the failure');
  assert.match(f, /perf-secret-0000000/);
  assert.match(f, /25 secrets in perf-kv · the listing stopped: /);
  app.unmount();
});
