import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import chalk from 'chalk';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';
import { paneNumber } from '../../source/ui/panes/ids.js';

after(() => cleanup());

const ready = (f: string) => f.includes('contoso-shared-kv');
const selectVault = async (app: ReturnType<typeof renderApp>, name: string) => {
  await app.press('/');
  await app.type(name);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes(`1 of`) || f.includes(`/${name}`), 'filtered');
};

test('pane 1 lists every vault across subscriptions with subscription, group, location, SKU, retention, purge protection, access model and locks', async () => {
  const app = renderApp();
  const f = await app.waitFor(ready);
  const row = f.split('\n').find((l) => l.includes('ase-edge01-kv'))!;
  assert.match(row, /🔒/);
  assert.match(row, /Contoso Edge/);
  assert.match(row, /rg-edge/);
  assert.match(row, /eastus/);
  assert.match(row, /standard/);
  assert.match(row, /90d/);
  assert.match(row, /\bon\b/);
  assert.match(row, /policies/);
  const shared = f.split('\n').find((l) => l.includes('contoso-shared-kv'))!;
  assert.match(shared, /^RO/);
  assert.match(shared, /RBAC/);
  app.unmount();
});

test('Enter opens the detail with every property and tag; Esc goes back', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Vault URI'), 'detail');
  assert.match(f, /Soft-delete retention/);
  assert.match(f, /ase-edge01-kv-lock \(Delete\)/);
  assert.match(f, /device/);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('NAME') && !f.includes('Vault URI'), 'list again');
  app.unmount();
});

test('/ filters as you type and highlights the matched characters', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('/');
  await app.type('shrd');
  const f = await app.waitFor((f) => f.includes('1 of 3'), 'one match');
  assert.match(f, /contoso-shared-kv/);
  assert.doesNotMatch(f, /ase-edge01-kv/);
  app.unmount();
});

test("the filter's matched characters are highlighted", async () => {
  const level = chalk.level;
  chalk.level = 1; // the test stream is not a TTY: force colours to see the styling
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('/');
  await app.type('shrd');
  await app.waitFor((f) => f.includes('1 of 3'), 'one match');
  const raw = app.frames[app.frames.length - 1];
  chalk.level = level;
  // "contoso-shared-kv": s, h, r, d are styled one by one ("s" "h" then "a" plain, "r" styled…)
  const row = raw.split('\n').find((l) => l.includes('RO '))!;
  const styled = [...row.matchAll(/\u001b\[1m(?:\u001b\[[0-9;]*m)*([a-z-]+)/g)].map((m) => m[1]).join('');
  assert.equal(styled, 'shrd');
  // …and they are the ones in "shared", where the word starts, not the "s" of "contoso".
  assert.match(row, /conto\u001b\[27m|contoso-\u001b/);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('ase-edge01-kv'), 'filter cleared');
  app.unmount();
});

test('deleting a locked vault asks first, then explains which lock blocks it and how to remove it', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete vault ase-edge01-kv?'), 'confirm');
  await app.press('y');
  const f = await app.waitFor((f) => f.includes('cannot be deleted'), 'lock refusal');
  assert.match(f, /ase-edge01-kv-lock/);
  assert.ok(f.includes(`pane ${paneNumber('locks')}`), 'it says which pane removes the lock');
  app.unmount();
});

test('answering no to the delete confirmation deletes nothing', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('j', 'd');
  await app.waitFor((f) => f.includes('Delete vault contoso-app-kv?'));
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled'));
  assert.equal((await app.backend.vaults.list()).length, 3);
  app.unmount();
});

test('deleting an unlocked vault moves it to the bin', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('j', 'd');
  await app.waitFor((f) => f.includes('Delete vault contoso-app-kv?'));
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Vault contoso-app-kv deleted'), 'deleted');
  const deleted = await app.backend.deleted.listVaults();
  assert.ok(deleted.some((d) => d.name === DEMO.vaults.app));
  app.unmount();
});

test('the new-vault form checks the name live, and offers to recover a soft-deleted vault with that name', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('n');
  await app.waitFor((f) => f.includes('New vault'), 'form');
  await app.type('9xy');
  await app.waitFor((f) => f.includes('must start with a letter'), 'rule message');
  await app.press('\u0015'); // Ctrl-U clears the field
  await app.type('contoso-app-kv');
  await app.waitFor((f) => f.includes('already taken'), 'taken');
  await app.press('\u0015'); // Ctrl-U clears the field
  await app.type(DEMO.deletedVaults.billing);
  await app.waitFor((f) => f.includes('soft-deleted vault') && f.includes('Ctrl-R'), 'recover offer', 4000);
  await app.press(KEYS.ctrlR);
  await app.waitFor((f) => f.includes(`Vault ${DEMO.deletedVaults.billing} recovered`), 'recovered');
  assert.ok((await app.backend.vaults.list()).some((v) => v.name === DEMO.deletedVaults.billing));
  app.unmount();
});

test('the new-vault form creates a vault and keeps the values when the service refuses', async () => {
  const app = renderApp();
  await app.waitFor(ready);
  await app.press('n');
  await app.waitFor((f) => f.includes('New vault'));
  await app.type('kvdeck-test-kv');
  await app.waitFor((f) => f.includes('is available'), 'available');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Vault kvdeck-test-kv created'), 'created');
  assert.ok((await app.backend.vaults.list()).some((v) => v.name === 'kvdeck-test-kv'));
  app.unmount();
});

test('--readonly shows new and delete disabled, with the reason, and refuses them', async () => {
  const app = renderApp({ readonly: true });
  const f = await app.waitFor(ready);
  assert.match(f, /READ-ONLY/);
  await app.press('d');
  const g = await app.waitFor((f) => f.includes('not available'), 'refusal');
  assert.match(g, /--readonly/);
  assert.doesNotMatch(g, /Delete vault/);
  await app.press('?');
  const h = await app.waitFor((f) => f.includes('Help'));
  assert.match(h, /delete — disabled \(read-only mode/);
  app.unmount();
});
