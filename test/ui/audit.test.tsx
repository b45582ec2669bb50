import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;
const rows = (f: string) => f.split('\n').filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(l));

/** Makes a refused call (a locked vault's delete) and an allowed one (a secret read), then opens the Audit pane. */
async function openAudit(o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.backend.vaults.delete(await vaultRef(app, DEMO.vaults.edge)).catch(() => {});
  await app.backend.secrets.get(await vaultRef(app, DEMO.vaults.app), 'sql-admin-password');
  await app.pane('audit');
  await app.waitFor((f) => f.includes('newest first'), 'audit');
  return app;
}

test('the Audit pane shows the log newest first: time, caller, operation, short target, result with the refusal code', async () => {
  const app = await openAudit({ size: { columns: 120, rows: 30 } });
  const f = app.frame();
  const r = rows(f);
  assert.ok(r.length >= 3);
  assert.match(r[0], /Operator\s+SecretGet\s+contoso-app-kv\/secrets\/sql-admin-pa.*200 OK/);
  const locked = r.find((l) => l.includes('VaultDelete'))!;
  assert.match(locked, /vault ase-edge01-kv\s+409 ScopeLocked/);
  assert.match(f, /1 refused/);
  assert.match(r.find((l) => l.includes('VaultList'))!, /all subscriptions/);
  assert.doesNotMatch(f, /Pa55w0rd/); // never a value
  app.unmount();
});

test('f cycles the result filter: refused only, succeeded only, all', async () => {
  const app = await openAudit();
  await app.press('f');
  let f = await app.waitFor((f) => f.includes('filtered: refused only'), 'refused');
  assert.ok(rows(f).length >= 1 && rows(f).every((l) => /\s4\d\d /.test(l)), rows(f).join('\n'));
  await app.press('f');
  f = await app.waitFor((f) => f.includes('filtered: succeeded only'), 'succeeded');
  assert.ok(rows(f).every((l) => / 200 OK/.test(l)));
  await app.press('f');
  await app.waitFor((f) => !f.includes('filtered:') && f.includes('VaultDelete'), 'all');
  app.unmount();
});

test('/ matches any text of the row', async () => {
  const app = await openAudit();
  await app.press('/');
  await app.type('scopelocked');
  const f = await app.waitFor((f) => /1 of \d+/.test(f), 'one match');
  assert.equal(rows(f).length, 1);
  assert.match(rows(f)[0], /VaultDelete/);
  app.unmount();
});

test('F filters by vault and caller through a small form; x clears', async () => {
  const app = await openAudit();
  await app.press('F');
  await app.waitFor((f) => f.includes('Filter the audit log'), 'form');
  await app.press(' ', ' '); // any → ase-edge01-kv → contoso-app-kv (sorted names)
  await app.waitFor((f) => f.includes('‹ contoso-app-kv ›'), 'vault picked');
  await app.press(KEYS.ctrlS);
  const f = await app.waitFor((f) => f.includes('filtered: vault contoso-app-kv'), 'filtered');
  assert.ok(rows(f).length >= 1);
  assert.ok(rows(f).every((l) => !l.includes('ase-edge01-kv')));
  await app.press('x');
  await app.waitFor((f) => !f.includes('filtered:') && f.includes('ase-edge01-kv'), 'cleared');
  app.unmount();
});

test('Enter shows every field of an entry; Esc goes back', async () => {
  const app = await openAudit();
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Caller objectId'), 'detail');
  assert.match(f, /SecretGet/);
  assert.match(f, new RegExp(DEMO.principals.operator));
  assert.match(f, /https:\/\/contoso-app-kv\.vault\.azure\.net\/secrets\/sql-admin-password/);
  assert.match(f, /never a secret value/);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('newest first'), 'list');
  app.unmount();
});

test('R reloads the log with what happened since', async () => {
  const app = await openAudit();
  assert.doesNotMatch(app.frame(), /KeyGet/);
  await app.backend.keys.get(await vaultRef(app, DEMO.vaults.app), 'app-signing-key');
  await app.press('R');
  await app.waitFor((f) => rows(f)[0]?.includes('KeyGet'), 'new entry on top');
  app.unmount();
});
