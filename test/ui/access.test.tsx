/**
 * The Access pane of an Azure RBAC vault (contoso-shared-kv): the role assignments that apply, inherited
 * ones marked; adding one by typing part of the principal's and the role's names; removing one (asks
 * first; your own last data role warns); read-only mode. Access-policy vaults keep their policies
 * (policies.test.tsx).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { roleDefinitionGuid, ROLE_IDS } from '../../source/domain/role-definitions.js';
import { DEMO } from '../../source/engine/index.js';
import { flat, KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;
/** The table row naming `name` with `role` (not the header, breadcrumb or flash). */
const row = (f: string, name: string, role: string) => f.split('\n').find((l) => l.startsWith(name) && l.includes(role)) ?? '';

/** Opens the Access pane on the vault `down` rows below the first (0 ase-edge01-kv, 1 contoso-app-kv, 2 contoso-shared-kv). */
async function openAccess(down: number, o: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  for (let i = 0; i < down; i++) await app.press('j');
  await app.pane('access');
  return app;
}


const sharedAssignments = async (app: App) => app.backend.access.listRoleAssignments((await vaultRef(app, DEMO.vaults.shared)).id, { atScope: true });

test('an RBAC vault lists the role assignments that apply: principal, kind, role, and where — inherited ones from the subscription marked', async () => {
  const app = await openAccess(2);
  const f = await app.waitFor((f) => f.includes('6 role assignments apply (3 inherited)'), 'rows');
  assert.match(f, /contoso-shared-kv uses Azure RBAC/);
  assert.match(row(f, 'Operator', 'Key Vault Administrator'), /user\s+Key Vault Administrator\s+this vault/);
  assert.match(row(f, 'contoso-web-app', 'Key Vault Secrets User'), /application\s+Key Vault Secrets User\s+this vault/);
  assert.match(row(f, 'Security Admin', 'Key Vault Reader'), /user\s+Key Vault Reader\s+this vault/);
  assert.match(row(f, 'Operator', 'Owner'), /Owner\s+inherited from subscription Contoso/);
  assert.match(row(f, 'contoso-web-app', 'Reader'), /Reader\s+inherited from subscription Contoso/);
  assert.doesNotMatch(f, /Edge/, 'the Edge subscription\'s assignments do not apply here');
  // The detail says what the role allows inside the vault.
  await app.press(KEYS.enter);
  const d = await app.waitFor((f) => f.includes('Assignment id'), 'detail');
  assert.match(d, /Role\s+Key Vault Administrator/);
  assert.match(d, /In the vault\s+keys: all · secrets: all · certificates: all/);
  assert.match(d, /Access › contoso-shared-kv › Operator/);
  app.unmount();
});

test('n assigns a role: the principal picked by typing part of its name, the role by part of its own, each role saying what it allows', async () => {
  const app = await openAccess(2);
  await app.waitFor((f) => f.includes('role assignments apply'), 'rows');
  await app.press('n');
  await app.waitFor((f) => f.includes('Assign a role on contoso-shared-kv: to whom?') && f.includes('4 of 4'), 'principal picker');
  await app.type('web');
  let f = await app.waitFor((f) => f.includes('1 of 4'), 'narrowed to one');
  assert.match(f, /contoso-web-app\s+application/);
  assert.doesNotMatch(f, /Security Admin/);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Which role for contoso-web-app on contoso-shared-kv?'), 'role picker');
  await app.type('secrets off');
  f = await app.waitFor((f) => f.includes('1 of 16'), 'one role');
  assert.match(f, /Key Vault Secrets Officer\s+Perform any action on the secrets of a key vault/);
  assert.match(f, /In the vault: secrets: all\./);
  await app.press(KEYS.enter);
  f = await app.waitFor((f) => f.includes('contoso-web-app now has Key Vault Secrets Officer on contoso-shared-kv') && f.includes('7 role assignments'), 'assigned and listed');
  assert.match(row(f, 'contoso-web-app', 'Key Vault Secrets Officer'), /this vault/);
  const made = (await sharedAssignments(app)).filter((a) => a.principalId === DEMO.principals.webApp && roleDefinitionGuid(a.roleDefinitionId) === ROLE_IDS.keyVaultSecretsOfficer);
  assert.equal(made.length, 1);
  assert.equal(made[0].principalType, 'ServicePrincipal');
  // And it works: contoso-web-app may now set the secret it could only read.
  const asWebApp = (await import('../../source/backend/memory/index.js')).createMemoryBackend(app.engine, { objectId: DEMO.principals.webApp });
  await asWebApp.secrets.set(await vaultRef(app, DEMO.vaults.shared), 'smtp-password', { value: 'rotated' });
  app.unmount();
});

test('Esc in either picker assigns nothing', async () => {
  const app = await openAccess(2);
  await app.waitFor((f) => f.includes('role assignments apply'), 'rows');
  await app.press('n');
  await app.waitFor((f) => f.includes('to whom?'), 'principal picker');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Which role for Operator'), 'role picker');
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('Cancelled.'), 'cancelled');
  assert.equal((await sharedAssignments(app)).length, 6);
  app.unmount();
});

test('d removes a role assignment after asking; an inherited one is refused with where to remove it', async () => {
  const app = await openAccess(2);
  await app.waitFor((f) => f.includes('role assignments apply'), 'rows');
  await app.press('j', 'd'); // contoso-web-app, Key Vault Secrets User
  let f = await app.waitFor((f) => f.includes('Remove Key Vault Secrets User from contoso-web-app?'), 'confirmation');
  assert.match(flat(f), /loses Key Vault Secrets User on contoso-shared-kv/);
  await app.press('y');
  f = await app.waitFor((f) => f.includes('contoso-web-app no longer has Key Vault Secrets User') && f.includes('5 role assignments'), 'removed');
  assert.ok(!(await sharedAssignments(app)).some((a) => a.principalId === DEMO.principals.webApp && roleDefinitionGuid(a.roleDefinitionId) === ROLE_IDS.keyVaultSecretsUser));
  // The inherited Owner of Operator (the first inherited row).
  await app.press('/');
  await app.type('owner');
  await app.press(KEYS.enter, 'd');
  f = await app.waitFor((f) => f.includes('Remove is not available'), 'refused');
  assert.match(flat(f), /inherited from subscription Contoso Production: it applies to everything below its scope, so remove it there/);
  assert.ok((await app.backend.access.listRoleAssignments(`/subscriptions/${DEMO.subscriptions.production}`, { atScope: true })).some((a) => roleDefinitionGuid(a.roleDefinitionId) === ROLE_IDS.owner));
  app.unmount();
});

test('removing your own last data role warns first, and n keeps it', async () => {
  const app = await openAccess(2);
  await app.waitFor((f) => f.includes('role assignments apply'), 'rows');
  await app.press('d'); // Operator, Key Vault Administrator: Owner (inherited) gives no data access
  const f = await app.waitFor((f) => f.includes('Remove your last data role on contoso-shared-kv?'), 'warning');
  assert.match(flat(f), /Key Vault Administrator is the last role that lets you \(Operator\) use the secrets, keys and certificates/);
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled.'), 'kept');
  assert.equal((await sharedAssignments(app)).length, 6);
  app.unmount();
});

test('--readonly: adding and removing are disabled with the reason; switching back to access policies is refused with its own', async () => {
  const app = await openAccess(2, { readonly: true });
  await app.waitFor((f) => f.includes('role assignments apply'), 'rows');
  await app.press('n');
  await app.waitFor((f) => f.includes('Add role assignment is not available: read-only mode'), 'n refused');
  await app.press('d');
  await app.waitFor((f) => f.includes('Remove is not available: read-only mode'), 'd refused');
  await app.press('m');
  const f = await app.waitFor((f) => f.includes('Switch to access policies is not available'), 'm refused');
  assert.match(flat(f), /switching back to access policies is refused: they cannot express what role assignments grant/);
  assert.doesNotMatch(f, /to whom\?|Remove Key Vault/);
  app.unmount();
});
