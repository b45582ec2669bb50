import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;
const row = (f: string, name: string) => f.split('\n').find((l) => l.includes(name) && !/›|✓/.test(l)) ?? '';

/** Selects the vault `down` rows below the first (0 ase-edge01-kv, 1 contoso-app-kv, 2 contoso-shared-kv) and opens the Locks pane. */
async function openLocks(down = 0, o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  for (let i = 0; i < down; i++) await app.press('j');
  await app.pane('locks');
  await app.waitFor((f) => f.includes('Locks ›') && /\d+ locks? on|No locks/.test(f), 'locks');
  return app;
}

test('the Locks pane shows the CanNotDelete lock of ase-edge01-kv with level, scope and notes', async () => {
  const app = await openLocks(0);
  const f = app.frame();
  assert.match(row(f, 'ase-edge01-kv-lock'), /Delete \(CanNotDelete\)\s+this vault\s+Created by Azure Stack Ed/);
  app.unmount();
});

test('contoso-shared-kv shows its ReadOnly lock; contoso-app-kv says it has none and what to do', async () => {
  const shared = await openLocks(2);
  assert.match(row(shared.frame(), 'shared-readonly'), /Read-only \(ReadOnly\)\s+this vault/);
  shared.unmount();
  const appKv = await openLocks(1);
  assert.match(appKv.frame(), /No locks on contoso-app-kv/);
  assert.match(appKv.frame(), /Press n to add one/);
  appKv.unmount();
});

test('n adds a lock on the resource group; it shows as inherited with its scope', async () => {
  const app = await openLocks(1);
  await app.press('n');
  await app.waitFor((f) => f.includes('Add a lock (contoso-app-kv)'), 'form');
  for (let i = 0; i < 'contoso-app-kv-lock'.length; i++) await app.press(KEYS.backspace);
  await app.type('rg-apps-readonly');
  await app.press(KEYS.tab, ' '); // level → ReadOnly
  await app.press(KEYS.tab, ' '); // scope → resource group
  await app.press(KEYS.tab);
  await app.type('freeze');
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Lock rg-apps-readonly'), 'added');
  await app.waitFor((f) => row(f, 'rg-apps-readonly').includes('resource group rg-apps'), 'row');
  assert.match(row(app.frame(), 'rg-apps-readonly'), /Read-only \(ReadOnly\)\s+resource group rg-apps\s+freeze/);
  assert.match(f, /added on resource group rg-apps/);
  const locks = await app.backend.locks.listForVault(await vaultRef(app, DEMO.vaults.app));
  assert.equal(locks.length, 1);
  app.unmount();
});

test('removing a lock asks first; then the vault can be deleted', async () => {
  const app = await openLocks(0);
  await app.press('d');
  await app.waitFor((f) => f.includes('Remove the lock ase-edge01-kv-lock?'), 'confirm');
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled'));
  assert.equal((await app.backend.locks.listForVault(await vaultRef(app, DEMO.vaults.edge))).length, 1);
  await app.press('d');
  await app.waitFor((f) => f.includes('Remove the lock ase-edge01-kv-lock?'));
  await app.press('y');
  await app.waitFor((f) => f.includes('No locks on ase-edge01-kv'), 'removed');
  await app.backend.vaults.delete(await vaultRef(app, DEMO.vaults.edge));
  assert.ok((await app.backend.deleted.listVaults()).some((d) => d.name === DEMO.vaults.edge));
  app.unmount();
});

test('--readonly disables add and remove with the reason', async () => {
  const app = await openLocks(0, { readonly: true });
  await app.press('d');
  const f = await app.waitFor((f) => f.includes('not available'), 'refused');
  assert.match(f, /--readonly/);
  assert.doesNotMatch(f, /Remove the lock/);
  await app.press('n');
  await app.waitFor((f) => f.includes('Add lock is not available'));
  assert.equal((await app.backend.locks.listForVault(await vaultRef(app, DEMO.vaults.edge))).length, 1);
  app.unmount();
});
