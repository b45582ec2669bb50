/**
 * Quick lookup as vaults arrive: a small vault's match shows while a big vault is still being read,
 * with the progress; the vaults opened recently are read first and their matches ranked first;
 * certificates are in the index. The big vault is held after its first page by test/ui/held-backend.ts
 * (the real memory backend, paged as Key Vault pages).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { memorySettings } from '../../source/ui/settings.js';
import { heldBackend } from './held-backend.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

const shared = { name: DEMO.vaults.shared, subscriptionId: DEMO.subscriptions.production };
/** Quick lookup opened with perf-kv (300 secrets) held after its first page. */
async function lookupWhilePerfKvHeld() {
  const held = heldBackend(createEngine({ seed: 'demo', perf: 300 }));
  held.holdVault(DEMO.vaults.perf);
  const app = renderApp({ backend: held.backend });
  await app.waitFor((f) => f.includes(DEMO.vaults.perf), 'the vault list');
  await app.press(KEYS.ctrlP);
  return { app, held };
}

/** The result rows of the lookup (under its header line), as shown. */
const resultRows = (f: string) => f.split('\n').filter((l) => /(secret|certificate)\s+\S+-kv/.test(l));

test('quick lookup shows a small vault\'s match while a big vault is still loading, with the progress', async () => {
  const { app, held } = await lookupWhilePerfKvHeld();
  await app.type('smtp');
  const f = await app.waitFor((f) => /smtp-password\s+secret\s+contoso-shared-kv/.test(f), 'the match in contoso-shared-kv');
  // perf-kv's secrets are still arriving: three of the four vaults are read.
  assert.match(f, /1 of [\d,]+ so far · 3 of 4 vaults/);
  assert.ok(!f.includes('in every vault'), f);
  held.release();
  await app.waitFor((f) => /1 of [\d,]+ in every vault/.test(f), 'the index complete');
  app.unmount();
});

test('quick lookup reads the vaults opened recently first', async () => {
  const held = heldBackend(createEngine({ seed: 'demo' }), { concurrency: 1 });
  const app = renderApp({ backend: held.backend, settings: memorySettings({ recentVaults: [shared] }) });
  await app.waitFor((f) => f.includes(DEMO.vaults.shared), 'the vault list');
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'), 'the index complete');
  assert.equal(held.calls[0], `${DEMO.vaults.shared}/secret`, `listings in order: ${held.calls.join(' ')}`);
  app.unmount();
});

test('matches in the vaults opened recently come first among equally good ones', async () => {
  const app = renderApp({ settings: memorySettings({ recentVaults: [shared] }) });
  await app.waitFor((f) => f.includes(DEMO.vaults.shared), 'the vault list');
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'), 'the index complete');
  await app.type('password');
  const f = await app.waitFor((f) => resultRows(f).length >= 3, 'the matches');
  const rows = resultRows(f);
  // Every one matches at a word start; contoso-shared-kv's comes first, the others in vault order.
  assert.match(rows[0], /smtp-password\s+secret\s+contoso-shared-kv/, rows.join('\n'));
  assert.match(rows[1], /bmc-password\s+secret\s+ase-edge01-kv/, rows.join('\n'));
  app.unmount();
});

test('a vault shown in a vault\'s pane is remembered as opened recently', async () => {
  const settings = memorySettings({ lastVault: shared });
  const app = renderApp({ pane: 'secrets', settings });
  await app.waitFor((f) => f.includes('smtp-password'), 'contoso-shared-kv\'s secrets');
  assert.deepEqual(settings.get('recentVaults')[0], shared);
  app.unmount();
});

test('certificates are in the index with their kind, and Enter opens one', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes(DEMO.vaults.shared), 'the vault list');
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'), 'the index complete');
  await app.type('partner-mtls');
  const f = await app.waitFor((f) => resultRows(f).some((l) => /partner-mtls\s+certificate\s+contoso-app-kv/.test(l)), 'the certificate');
  // Its linked secret (same name) may be listed as well: go to the certificate's row.
  const at = resultRows(f).findIndex((l) => l.includes('certificate'));
  await app.press(KEYS.down, ...Array<string>(at).fill(KEYS.down), KEYS.enter);
  await app.waitFor((f) => f.includes('Certificates › contoso-app-kv › partner-mtls'), 'the certificate opened in its pane');
  app.unmount();
});

test('closing quick lookup leaves it reading: opened again, it goes on where it was', async () => {
  const { app, held } = await lookupWhilePerfKvHeld();
  await app.waitFor((f) => f.includes('3 of 4 vaults'), 'the small vaults read');
  await app.press(KEYS.esc);
  await app.waitFor((f) => !f.includes('Find a secret'), 'closed');
  held.release();
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('in every vault'), 'the index complete');
  assert.equal(held.calls.filter((c) => c === `${DEMO.vaults.app}/secret`).length, 1, 'contoso-app-kv was listed once');
  app.unmount();
});

test('refreshing quick lookup stops the reading it replaces', async () => {
  const { app, held } = await lookupWhilePerfKvHeld();
  await app.waitFor((f) => f.includes('3 of 4 vaults'), 'the small vaults read');
  await app.press(KEYS.down, 'R'); // in the results, R reads every name again
  await app.waitFor((f) => f.includes('3 of 4 vaults') && held.calls.filter((c) => c === `${DEMO.vaults.perf}/secret`).length === 4, 'read again');
  held.release();
  await app.waitFor((f) => f.includes('in every vault'), 'the index complete');
  // perf-kv has 12 pages: the first reading stopped at its held second page, the new one read all twelve.
  assert.equal(held.calls.filter((c) => c === `${DEMO.vaults.perf}/secret`).length, 2 + 12);
  app.unmount();
});
