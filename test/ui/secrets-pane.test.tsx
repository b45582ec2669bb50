import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, decodeOsc52, renderApp, webAppSeeingEdge } from './helpers.js';
import { paneNumber } from '../../source/ui/panes/ids.js';

after(() => cleanup());

/** Opens pane 2 on contoso-app-kv (the second vault by name). */
async function onAppVault(o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j');
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets of contoso-app-kv');
  return app;
}

const gotoSecret = async (app: ReturnType<typeof renderApp>, name: string) => {
  await app.press('/');
  await app.type(name);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('1 of') || f.includes(`/${name}`));
};

test('pane 2 lists the secrets of the selected vault with enabled, content type, updated and expiry marks', async () => {
  const app = await onAppVault();
  const f = app.frame();
  assert.match(f, /Secrets › contoso-app-kv/);
  const line = (n: string) => f.split('\n').find((l) => l.includes(n)) ?? '';
  assert.match(line('api-signing-cert'), /application\/x-pkcs12/);
  assert.match(line('legacy-token'), /\bno\b/);
  assert.match(line('partner-api-token'), /soon/);
  assert.doesNotMatch(f, /Pa55w0rd/);
  app.unmount();
});

test('a secret value stays masked until v, and v again hides it', async () => {
  const app = await onAppVault();
  await gotoSecret(app, 'sql-admin-password');
  await app.press(KEYS.enter);
  let f = await app.waitFor((f) => f.includes('Versions'), 'detail');
  assert.match(f, /••••••••/);
  assert.doesNotMatch(f, /Pa55w0rd!demo-sql/);
  assert.match(f, /server=contoso-sql/);
  await app.press('v');
  f = await app.waitFor((f) => f.includes('Pa55w0rd!demo-sql'), 'revealed');
  await app.press('v');
  await app.waitFor((f) => !f.includes('Pa55w0rd!demo-sql'), 'hidden again');
  await app.press('v');
  await app.waitFor((f) => f.includes('Pa55w0rd!demo-sql'));
  await app.press(KEYS.esc);
  await app.waitFor((f) => !f.includes('Versions'));
  await app.press(KEYS.enter);
  f = await app.waitFor((f) => f.includes('Versions'));
  assert.doesNotMatch(f, /Pa55w0rd!demo-sql/, 'leaving the detail hides the value');
  app.unmount();
});

test('the detail lists every version and v reveals the selected one', async () => {
  const app = await onAppVault();
  await gotoSecret(app, 'storage-account-key');
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('3 versions'), 'versions');
  assert.match(f, /\(latest\)/);
  await app.press('j', 'v');
  await app.waitFor((f) => f.includes('c3RvcmFnZS1rZXktdjI=demo'), 'second-newest version value');
  app.unmount();
});

test('c copies the value with an OSC 52 sequence and says so without showing it', async () => {
  const app = await onAppVault();
  await gotoSecret(app, 'sql-admin-password');
  await app.press('c');
  const f = await app.waitFor((f) => f.includes('Copied the value of sql-admin-password'), 'flash');
  assert.match(f, /OSC 52/);
  assert.doesNotMatch(f, /Pa55w0rd/);
  assert.deepEqual(decodeOsc52(app.clipboardWrites), ['Pa55w0rd!demo-sql']);
  app.unmount();
});

test('reading a disabled secret is explained', async () => {
  const app = await onAppVault();
  await gotoSecret(app, 'legacy-token');
  await app.press('c');
  await app.waitFor((f) => f.includes('disabled, so its value cannot be read'), 'explained');
  app.unmount();
});

test('n creates a secret from a masked single-line value', async () => {
  const app = await onAppVault();
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret in contoso-app-kv'));
  await app.type('ui-made-secret');
  await app.press(KEYS.tab, KEYS.tab);
  await app.type('hunter2');
  let f = await app.waitFor((f) => /Value\s+•{7}(\s|$)/m.test(f), 'seven masked characters');
  assert.doesNotMatch(f, /hunter2/, 'the value is masked as it is typed');
  await app.press(KEYS.ctrlS);
  f = await app.waitFor((f) => f.includes('Secret ui-made-secret created'), 'created');
  assert.match(f, /ui-made-secret/);
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  assert.equal((await app.backend.secrets.get(vault, 'ui-made-secret')).value, 'hunter2');
  app.unmount();
});

test('the new-secret form keeps every value when the name is refused', async () => {
  const app = await onAppVault();
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret'));
  await app.type('bad_name');
  const f = await app.waitFor((f) => f.includes('Names are 1–127 letters'), 'inline message');
  assert.match(f, /bad_name/);
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('bad_name') && f.includes('New secret'), 'still open');
  app.unmount();
});

test('a new version can come from a file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-ui-'));
  const file = join(dir, 'value.pem');
  writeFileSync(file, 'line one\nline two\n');
  const app = await onAppVault();
  await gotoSecret(app, 'sql-admin-password');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Versions'));
  await app.press('n');
  await app.waitFor((f) => f.includes('New version of sql-admin-password'));
  await app.press(KEYS.right, KEYS.right);
  await app.press(KEYS.tab);
  await app.type(file);
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('New version of sql-admin-password saved'), 'saved');
  await app.waitFor((f) => f.includes('2 versions'), 'versions reloaded');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  assert.equal((await app.backend.secrets.get(vault, 'sql-admin-password')).value, 'line one\nline two\n');
  app.unmount();
});

test('e edits attributes: disabling a secret shows in the list', async () => {
  const app = await onAppVault();
  await gotoSecret(app, 'sql-admin-password');
  await app.press('e');
  await app.waitFor((f) => f.includes('Edit sql-admin-password'));
  await app.press(KEYS.tab, ' ');
  await app.press(KEYS.ctrlS);
  const f = await app.waitFor((f) => f.includes('sql-admin-password updated'), 'updated');
  assert.match(f.split('\n').find((l) => l.startsWith('sql-admin-password ')) ?? '', /\bno\b/);
  app.unmount();
});

test('d asks, then soft-deletes the secret and points to the bin', async () => {
  const app = await onAppVault();
  await gotoSecret(app, 'sql-admin-password');
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete secret sql-admin-password?'));
  await app.press('y');
  await app.waitFor((f) => f.includes('Secret sql-admin-password deleted') && f.includes(`pane ${paneNumber('deleted')} (Deleted)`), 'deleted');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  assert.ok((await app.backend.secrets.listDeleted(vault)).some((d) => d.properties.name === 'sql-admin-password'));
  app.unmount();
});

test('b backs a secret up to a file and u restores it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-ui-'));
  const file = join(dir, 'smtp.kvbackup');
  const app = await onAppVault();
  await gotoSecret(app, 'api-signing-cert');
  await app.press('b');
  await app.waitFor((f) => f.includes('Back up api-signing-cert'));
  await app.press('\u0015');
  await app.type(file);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes(`Backed up api-signing-cert to ${file}`), 'backed up');
  assert.ok(readFileSync(file).length > 0);
  await app.press('d');
  await app.press('y');
  await app.waitFor((f) => f.includes('Secret api-signing-cert deleted'));
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  await app.backend.secrets.purge(vault, 'api-signing-cert');
  await app.press(KEYS.esc, 'u');
  await app.waitFor((f) => f.includes('Restore a secret into contoso-app-kv'));
  await app.type(file);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Restored api-signing-cert'), 'restored');
  app.unmount();
});

test('--readonly: new, edit, delete and restore are disabled with the reason; reading still works', async () => {
  const app = await onAppVault({ readonly: true });
  const f = app.frame();
  const footer = f.split('\n').filter((l) => l.includes('? help')).join('\n');
  assert.match(footer, /n new/);
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret is not available: read-only mode'), 'refused');
  await gotoSecret(app, 'sql-admin-password');
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete is not available'));
  await app.press('c');
  await app.waitFor((f) => f.includes('Copied the value'));
  app.unmount();
});

test('a principal without secrets/list is told which permission is missing and where to grant it', async () => {
  const app = renderApp({ backend: webAppSeeingEdge() });
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.pane('secrets');
  const f = await app.waitFor((f) => f.includes('You lack the secrets/list permission on vault ase-edge01-kv'), 'explained');
  assert.ok(f.replace(/\s+/g, ' ').includes(`access policy can grant it (pane ${paneNumber('access')})`));
  assert.doesNotMatch(f, /    at /);
  app.unmount();
});

test('g, G, PgDn and PgUp move through a long list; only the visible rows are drawn', async () => {
  const app = renderApp({ perf: 300 });
  await app.waitFor((f) => f.includes('perf-kv'));
  await app.press('/');
  await app.type('perf-kv');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('1 of 4'));
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('300 secrets in perf-kv'), 'perf list');
  assert.doesNotMatch(app.frame(), /perf-secret-0000299/);
  await app.press('G');
  await app.waitFor((f) => f.includes('perf-secret-0000299'), 'last row');
  assert.doesNotMatch(app.frame(), /perf-secret-0000000/);
  await app.press('g');
  await app.waitFor((f) => f.includes('perf-secret-0000000'), 'first row');
  await app.press(KEYS.pageDown, KEYS.pageDown);
  await app.waitFor((f) => !f.includes('perf-secret-0000000') && f.includes('perf-secret-0000040'), 'two pages down');
  await app.press(KEYS.pageUp, KEYS.pageUp);
  await app.waitFor((f) => f.includes('perf-secret-0000000'), 'back up');
  app.unmount();
});

test('the 100,000-secret vault loads its names once and filters them locally', async () => {
  const app = renderApp({ perf: 100_000 });
  await app.waitFor((f) => f.includes('perf-kv'), 'vaults', 20_000);
  await app.press('/');
  await app.type('perf-kv');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('1 of 4'));
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('100,000 secrets in perf-kv'), 'loaded', 30_000);
  const vault = (await app.backend.vaults.list()).find((v) => v.name === 'perf-kv')!;
  const calls = () => app.engine.core.state.audit.all().filter((e) => e.vaultName === vault.name).length;
  const before = calls();
  await app.press('/');
  await app.type('0099999');
  const f = await app.waitFor((f) => f.includes('1 of 100,000'), 'one match');
  assert.match(f, /perf-secret-0099999/);
  assert.equal(calls(), before, 'filtering made no backend call');
  app.unmount();
});
