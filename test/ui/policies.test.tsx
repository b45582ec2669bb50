import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;
/** The table row naming `name` (not the header, breadcrumb or flash). */
const row = (f: string, name: string) => f.split('\n').find((l) => l.includes(name) && !/kvdeck │|›|✓|Granted/.test(l)) ?? '';

/** Selects the vault at `down` rows below the first on the Vaults pane (0 ase-edge01-kv, 1 contoso-app-kv, 2 contoso-shared-kv) and opens the Access pane. */
async function openPolicies(down = 1, o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  for (let i = 0; i < down; i++) await app.press('j');
  await app.pane('access');
  await app.waitFor((f) => f.includes('Access ›') && !f.includes('Loading'), 'policies');
  return app;
}

test('the Access pane lists the policies of contoso-app-kv with principal names, kinds, objectIds and compact permissions', async () => {
  const app = await openPolicies(1, { size: { columns: 120, rows: 30 } });
  const f = await app.waitFor((f) => f.includes('Security Admin'), 'rows');
  assert.match(row(f, 'Operator'), /user\s+aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa\s+all management/);
  assert.match(row(f, 'contoso-web-app'), /application\s+bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb\s+—\s+get list\s/);
  assert.match(row(f, 'Security Admin'), /get list\s+list/);
  assert.match(f, /3 access policies on contoso-app-kv/);
  app.unmount();
});

test('Enter shows every permission of a policy and the template it matches', async () => {
  const app = await openPolicies();
  await app.waitFor((f) => f.includes('Security Admin'));
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Object id'), 'detail');
  assert.match(f, /ops@contoso\.com/);
  assert.match(f, /Keys \(19\)/);
  assert.match(f, /getrotationpolicy/);
  assert.match(f, /purge/);
  assert.match(f, /Access › contoso-app-kv › Operator/);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('PRINCIPAL'), 'list again');
  app.unmount();
});

test('granting contoso-web-app secrets/set one by one shows it in the list', async () => {
  const app = await openPolicies();
  await app.waitFor((f) => f.includes('Security Admin'));
  await app.press('j', 'e');
  await app.waitFor((f) => f.includes('Permissions for contoso-web-app'), 'picker');
  await app.press(KEYS.tab); // keys → secrets
  await app.waitFor((f) => f.includes('[x] get'), 'secrets area');
  await app.press('\u001b[C', '\u001b[C', ' '); // → → set, toggle
  await app.waitFor((f) => f.includes('[x] set'), 'ticked');
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('contoso-web-app now has'), 'granted');
  assert.match(row(f, 'contoso-web-app'), /get list set/);
  const policies = await app.backend.policies.list(await vaultRef(app, DEMO.vaults.app));
  assert.deepEqual(policies.find((p) => p.objectId === DEMO.principals.webApp)!.permissions.secrets, ['get', 'list', 'set']);
  app.unmount();
});

test('adding a policy from a portal template for a principal of the directory', async () => {
  const app = await openPolicies(0); // ase-edge01-kv: edge identity and Operator
  await app.waitFor((f) => f.includes('ase-edge01'));
  await app.press('n');
  await app.waitFor((f) => f.includes('Add an access policy to ase-edge01-kv'), 'form');
  await app.press(' ', ' '); // Operator → contoso-web-app → Security Admin
  await app.waitFor((f) => f.includes('Security Admin (user)'));
  await app.press(KEYS.tab, ' ', ' ', ' ', ' ', ' '); // custom → templates… → "Secret Management" (5th)
  await app.waitFor((f) => f.includes('template: Secret Management'), 'template');
  await app.press(KEYS.ctrlS);
  const f = await app.waitFor((f) => f.includes('Security Admin now has the Secret Management permissions'), 'added');
  assert.match(row(f, 'Security Admin'), /all management/);
  app.unmount();
});

test('adding a policy one by one for an objectId typed in', async () => {
  const app = await openPolicies(1, { size: { columns: 120, rows: 30 } });
  await app.waitFor((f) => f.includes('Security Admin'));
  await app.press('n');
  await app.waitFor((f) => f.includes('Add an access policy'));
  await app.press(KEYS.esc + '[D'); // ← wraps to the last option: type an objectId
  await app.waitFor((f) => f.includes('type its objectId'));
  await app.press(KEYS.tab);
  await app.type('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee');
  await app.waitFor((f) => f.includes('Not in the directory'), 'checked');
  await app.press(KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Permissions for eeeeeeee'), 'picker');
  await app.press(' '); // keys: encrypt
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Granted eeeeeeee'), 'granted');
  assert.match(row(f, 'eeeeeeee-eeee'), /unknown principal.*encrypt/);
  app.unmount();
});

test('removing a policy asks first', async () => {
  const app = await openPolicies();
  await app.waitFor((f) => f.includes('Security Admin'));
  await app.press('G', 'd');
  await app.waitFor((f) => f.includes('Remove the access policy of Security Admin?'), 'confirm');
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled'));
  assert.equal((await app.backend.policies.list(await vaultRef(app, DEMO.vaults.app))).length, 3);
  await app.press('d');
  await app.waitFor((f) => f.includes('Remove the access policy of Security Admin?'));
  await app.press('y');
  await app.waitFor((f) => f.includes('was removed') && !f.includes('cccccccc-cccc'), 'removed');
  assert.equal((await app.backend.policies.list(await vaultRef(app, DEMO.vaults.app))).length, 2);
  app.unmount();
});

test('--readonly disables add, edit and remove with the reason', async () => {
  const app = await openPolicies(1, { readonly: true });
  await app.waitFor((f) => f.includes('Security Admin'));
  await app.press('e');
  const f = await app.waitFor((f) => f.includes('not available'), 'refused');
  assert.match(f, /--readonly/);
  assert.doesNotMatch(f, /Permissions for/);
  await app.press('n');
  await app.waitFor((f) => f.includes('Add policy is not available'));
  app.unmount();
});
