import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;

/** Starts on the Vaults pane, selects contoso-app-kv (second row) and opens the Keys pane. */
async function openKeys(o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j');
  await app.pane('keys');
  await app.waitFor((f) => f.includes('app-signing-key') && f.includes('data-encryption-key'), 'keys');
  return app;
}
const row = (f: string, name: string) => f.split('\n').find((l) => l.includes(name)) ?? '';

test('the Keys pane lists the keys of the vault with type, size or curve, operations and enabled', async () => {
  const app = await openKeys();
  const f = app.frame();
  assert.match(f, /Keys › contoso-app-kv/);
  assert.match(row(f, 'data-encryption-key'), /RSA\s+2048\s+encrypt decrypt wrapKey unwrapKey\s+yes/);
  assert.match(row(f, 'app-signing-key'), /EC\s+P-256\s+sign verify\s+yes/);
  assert.match(f, /t try it/);
  assert.match(f, /n new/);
  app.unmount();
});

test('Enter opens the detail with the kid, the public part and the versions; Esc goes back', async () => {
  const app = await openKeys();
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Key id (kid)') && f.includes('1 version'), 'detail');
  assert.match(f, /keys\/app-signing-key\//);
  assert.match(f, /never leaves the vault/);
  assert.match(f, /Keys › contoso-app-kv › app-signing-key/);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('OPERATIONS') && !f.includes('Key id (kid)'), 'list again');
  app.unmount();
});

test('"try it" on app-signing-key signs a text inside the vault and shows a verified signature', async () => {
  const app = await openKeys();
  await app.press('t');
  await app.waitFor((f) => f.includes('Try app-signing-key inside the vault'), 'try form');
  await app.press(KEYS.ctrlS);
  const f = await app.waitFor((f) => f.includes('verified ✓'), 'result');
  assert.match(f, /ES256/);
  assert.match(f, /Signature/);
  assert.match(f, /keys\/app-signing-key\//);
  assert.match(f, /never left the vault/);
  const audit = await app.backend.audit.query({ vaultName: DEMO.vaults.app });
  assert.ok(audit.some((e) => e.operation === 'KeySign' && e.resultCode === 200));
  assert.ok(audit.some((e) => e.operation === 'KeyVerify' && e.resultCode === 200));
  await app.press(KEYS.esc);
  await app.waitFor((f) => !f.includes('verified ✓') && f.includes('OPERATIONS'), 'closed');
  app.unmount();
});

test('"try it" on data-encryption-key encrypts and decrypts back to the same text', async () => {
  const app = await openKeys();
  // app-signing-key, contoso-web-tls (a certificate's key), data-encryption-key, …
  await app.press('j', 'j', 't');
  await app.waitFor((f) => f.includes('Try data-encryption-key'), 'try form');
  await app.press(KEYS.ctrlS);
  const f = await app.waitFor((f) => f.includes('round trip ✓'), 'result');
  assert.match(f, /RSA-OAEP-256/);
  assert.match(f, /Ciphertext/);
  app.unmount();
});

test('n creates an EC P-384 key with only sign and verify', async () => {
  const app = await openKeys();
  await app.press('n');
  await app.waitFor((f) => f.includes('New key in contoso-app-kv'), 'form');
  await app.type('ui-test-key');
  await app.press(KEYS.tab, ' '); // type → EC
  await app.press(KEYS.tab, ' '); // curve → P-384
  await app.waitFor((f) => f.includes('P-384') && !f.includes('wrapKey'), 'EC fields');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Key ui-test-key created'), 'created');
  assert.match(row(app.frame(), 'ui-test-key'), /EC\s+P-384\s+sign verify/);
  const k = await app.backend.keys.get(await vaultRef(app, DEMO.vaults.app), 'ui-test-key');
  assert.equal(k.properties.curve, 'P-384');
  app.unmount();
});

test('e configures key usage: unticking sign leaves only verify', async () => {
  const app = await openKeys();
  await app.press('e');
  await app.waitFor((f) => f.includes('Configure key usage: app-signing-key'), 'form');
  await app.press(' '); // first field: sign
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('app-signing-key now permits: verify'), 'saved');
  const k = await app.backend.keys.get(await vaultRef(app, DEMO.vaults.app), 'app-signing-key');
  assert.deepEqual(k.properties.keyOps, ['verify']);
  // Nothing left to try: t is shown disabled with the reason.
  await app.press('t');
  await app.waitFor((f) => f.includes('permits no operation to try'), 'try refused');
  app.unmount();
});

test('rotate asks first, then adds a version', async () => {
  const app = await openKeys();
  await app.press('o');
  await app.waitFor((f) => f.includes('Rotate key app-signing-key?'), 'confirm');
  await app.press('y');
  await app.waitFor((f) => f.includes('Key app-signing-key rotated'), 'rotated');
  const versions = await app.backend.keys.listVersions(await vaultRef(app, DEMO.vaults.app), 'app-signing-key');
  assert.equal(versions.length, 2);
  app.unmount();
});

test('delete asks first; answering no keeps the key, yes moves it to the bin', async () => {
  const app = await openKeys();
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete key app-signing-key?'), 'confirm');
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled'));
  const vault = await vaultRef(app, DEMO.vaults.app);
  assert.equal((await app.backend.keys.listDeleted(vault)).length, 0);
  await app.press('d');
  await app.waitFor((f) => f.includes('Delete key app-signing-key?'), 'confirm again');
  await app.press('y');
  await app.waitFor((f) => f.includes('Key app-signing-key deleted') && !row(f, 'app-signing-key').includes('EC'), 'deleted');
  assert.deepEqual((await app.backend.keys.listDeleted(vault)).map((k) => k.properties.name), ['app-signing-key']);
  app.unmount();
});

test('--readonly shows new, key usage, rotate and delete disabled with the reason, and refuses them; try it still works', async () => {
  const app = await openKeys({ readonly: true });
  await app.press('d');
  const f = await app.waitFor((f) => f.includes('not available'), 'refusal');
  assert.match(f, /--readonly/);
  assert.doesNotMatch(f, /Delete key/);
  await app.press('o');
  await app.waitFor((f) => f.includes('Rotate is not available'), 'rotate refused');
  await app.press('t');
  await app.waitFor((f) => f.includes('Try app-signing-key'), 'try still allowed');
  app.unmount();
});
