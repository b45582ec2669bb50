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

test('a refresh of pane 1 is one LockList row, not one per vault; its detail lists every vault', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('R');
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults again');
  await app.pane('audit');
  let f = await app.waitFor((f) => f.includes('newest first'), 'audit');
  const lockRows = rows(f).filter((l) => l.includes('LockList'));
  assert.equal(lockRows.length, 2, `one row per listing of pane 1:\n${f}`);
  assert.ok(lockRows.every((l) => /LockList ×3/.test(l)), lockRows.join('\n'));
  assert.match(f, /newest first.*bursts of one operation on one row/);
  await app.press('/');
  await app.type('LockList');
  await app.press(KEYS.enter, KEYS.enter);
  f = await app.waitFor((f) => f.includes('Targets (3, newest first)'), 'the burst in detail');
  for (const v of ['contoso-shared-kv', 'contoso-app-kv', 'ase-edge01-kv']) assert.match(f, new RegExp(`vault ${v} ·`));
  app.unmount();
});

test('the operation filter matches whole operation names: SecretList is not SecretListVersions', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  const vault = await vaultRef(app, DEMO.vaults.app);
  await app.backend.secrets.listPage(vault, {});
  await app.backend.secrets.listVersions(vault, 'sql-admin-password');
  await app.pane('audit');
  await app.waitFor((f) => f.includes('SecretListVersions') && /SecretList\s/.test(f), 'both in the log');
  await app.press('F');
  await app.waitFor((f) => f.includes('Filter the audit log'), 'form');
  await app.press(KEYS.tab, KEYS.tab);
  await app.waitFor((f) => /› Operation\s+‹ any operation ›/.test(f), 'a choice of whole names');
  for (let i = 0; i < 20 && !/› Operation\s+‹ SecretList ›/.test(app.frame()); i++) await app.press(' ');
  await app.press(KEYS.ctrlS);
  const f = await app.waitFor((f) => f.includes('filtered: operation SecretList'), 'filtered');
  assert.ok(rows(f).length >= 1);
  assert.ok(rows(f).every((l) => /SecretList\s/.test(l) && !l.includes('SecretListVersions')), rows(f).join('\n'));
  app.unmount();
});

test('filtered with /, the log stays newest first', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  const vault = await vaultRef(app, DEMO.vaults.app);
  // An older entry that matches "get" at a word's start, then newer ones that match it inside a word.
  await app.backend.secrets.set(vault, 'get-token', { value: 'x' });
  await app.backend.secrets.get(vault, 'sql-admin-password');
  await app.backend.keys.get(vault, 'app-signing-key');
  await app.pane('audit');
  const all = await app.waitFor((f) => f.includes('KeyGet'), 'audit');
  const expected = rows(all).filter((l) => /get/i.test(l)).map((l) => l.replace(/\s+/g, ' '));
  await app.press('/');
  await app.type('get');
  const f = await app.waitFor((f) => new RegExp(`${expected.length} of`).test(f), 'filtered');
  assert.deepEqual(rows(f).map((l) => l.replace(/\s+/g, ' ')), expected);
  assert.match(rows(f)[0], /KeyGet/);
  app.unmount();
});

for (const columns of [60, 80, 100]) {
  test(`at ${columns} columns every footer hint of pane 7 has a label that says something`, async () => {
    const app = await openAudit({ size: { columns, rows: 24 } });
    for (const step of ['', 'f', 'f']) {
      if (step) await app.press(step);
      await new Promise((r) => setTimeout(r, 30));
      const f = await app.waitFor((f) => /\? help/.test(f), 'footer');
      const footer = f.split('\n').filter((l) => l.includes('? help')).pop()!;
      for (const hint of footer.trim().split(/ {2,}/)) {
        const [, label = ''] = /^(\S+) (.*)$/.exec(hint) ?? [];
        assert.ok(label !== '' && !label.endsWith(':'), `"${hint}" in: ${footer}`);
      }
    }
    app.unmount();
  });
}
