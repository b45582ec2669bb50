import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;
const row = (f: string, name: string) => f.split('\n').find((l) => l.includes(name) && /^(vault|secret|key)\s/.test(l)) ?? '';
const date = (d: Date) => d.toISOString().slice(0, 10);

/** Selects contoso-app-kv on the Vaults pane and opens the bin. */
async function openBin(o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j');
  await app.pane('deleted');
  await app.waitFor((f) => f.includes('in the bin') && f.includes('old-db-password'), 'bin');
  return app;
}

test('the bin lists the deleted vaults and the deleted secrets of the vault with dates, days left and purge protection', async () => {
  const app = await openBin({ size: { columns: 120, rows: 30 } });
  const f = app.frame();
  assert.match(f, /Deleted › contoso-app-kv/);
  const edge00 = (await app.backend.deleted.listVaults()).find((d) => d.name === DEMO.deletedVaults.edgeOld)!;
  assert.match(row(f, 'billing-old-kv'), /^vault\s+billing-old-kv\s+Contoso Production.*[█░]+ 80d\s+off/);
  assert.match(row(f, 'ase-edge00-kv'), new RegExp(`${date(edge00.deletionDate)}\\s+${date(edge00.scheduledPurgeDate)}\\s+[█░]+ 60d\\s+on`));
  assert.match(row(f, 'old-db-password'), /^secret\s+old-db-password\s+contoso-app-kv.*87d\s+off/);
  app.unmount();
});

test('without a selected vault the bin shows the deleted vaults and says how to see secrets and keys', async () => {
  const app = renderApp({ pane: 'deleted' });
  const f = await app.waitFor((f) => f.includes('billing-old-kv'), 'bin');
  assert.match(f, /pick a vault in pane 1/);
  assert.doesNotMatch(f, /old-db-password/);
  app.unmount();
});

test('purging ase-edge00-kv is refused up front with the reason and the date, without a call', async () => {
  const app = await openBin();
  const edge00 = (await app.backend.deleted.listVaults()).find((d) => d.name === DEMO.deletedVaults.edgeOld)!;
  await app.press('j', 'P');
  const f = await app.waitFor((f) => f.includes('Purge is not available'), 'refusal');
  assert.match(f, /purge protection is on/);
  assert.match(f, new RegExp(date(edge00.scheduledPurgeDate)));
  assert.doesNotMatch(f, /Purge vault ase-edge00-kv for good/);
  assert.equal((await app.backend.audit.query({ operation: 'VaultPurge' })).length, 0, 'no purge call was made');
  app.unmount();
});

test('recovering billing-old-kv shows a spinner-backed flash and brings it back to pane 1', async () => {
  const app = await openBin();
  await app.press('r');
  await app.waitFor((f) => f.includes('Vault billing-old-kv is back in pane 1'), 'recovered');
  assert.equal(row(app.frame(), 'billing-old-kv'), '');
  await app.pane('vaults');
  await app.waitFor((f) => f.includes('billing-old-kv') && f.includes('4 vaults'), 'in pane 1');
  app.unmount();
});

test('recovering old-db-password brings it back to pane 2', async () => {
  const app = await openBin();
  await app.press('G', 'r');
  await app.waitFor((f) => f.includes('Secret old-db-password is back in pane 2'), 'recovered');
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('old-db-password') && f.includes('Secrets ›'), 'in pane 2');
  app.unmount();
});

test('purge asks for the name to be typed; a wrong name does nothing, the right one purges', async () => {
  const app = await openBin();
  await app.press('G', 'P');
  await app.waitFor((f) => f.includes('Purge secret old-db-password for good?'), 'type-name dialog');
  await app.type('old-db');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('keep typing'), 'not yet');
  const vault = await vaultRef(app, DEMO.vaults.app);
  assert.equal((await app.backend.secrets.listDeleted(vault)).length, 1);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('Cancelled'));
  await app.press('P');
  await app.waitFor((f) => f.includes('Purge secret old-db-password for good?'));
  await app.type('old-db-password');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Secret old-db-password purged'), 'purged');
  assert.equal((await app.backend.secrets.listDeleted(vault)).length, 0);
  app.unmount();
});

test('--readonly disables recover and purge with the reason', async () => {
  const app = await openBin({ readonly: true });
  await app.press('r');
  const f = await app.waitFor((f) => f.includes('not available'), 'refused');
  assert.match(f, /--readonly/);
  assert.equal((await app.backend.deleted.listVaults()).length, 2);
  app.unmount();
});
