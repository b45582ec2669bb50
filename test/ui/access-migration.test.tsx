/**
 * "Switch this vault to Azure RBAC" (m in the Access pane of an access-policy vault): the role
 * assignments that give each principal at least what its policy gives, with what each grants beyond
 * it; on confirmation the assignments first, then the vault's mode — so nobody is locked out in
 * between. The reverse is refused with the reason (access.test.tsx); clouds without RBAC vaults do not offer it.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { roleDefinitionGuid, ROLE_IDS } from '../../source/domain/role-definitions.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { flat, KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const appKv = async (b: Backend) => (await b.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;

async function openProposal(o: Parameters<typeof renderApp>[0] = {}): Promise<App> {
  const app = renderApp(o);
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  await app.press('j');
  await app.pane('access');
  await app.waitFor((f) => f.includes('Security Admin'), 'policies');
  await app.press('m');
  await app.waitFor((f) => f.includes('Switch contoso-app-kv to Azure RBAC?'), 'proposal');
  return app;
}

test('the proposal names, for each policy, the smallest set of built-in roles and what they grant beyond it', async () => {
  const app = await openProposal();
  const f = app.frame();
  const after = (who: string) => f.slice(f.indexOf(who)).split('\n').slice(1, 3).join('\n');
  assert.match(after('Operator (user)'), /Key Vault Secrets Officer \+ Key Vault Crypto Officer \+ Key Vault Certificates Officer[\s\S]*also: keys: release/);
  assert.match(after('contoso-web-app (application)'), /Key Vault Secrets User[\s\S]*nothing more than its policy/);
  assert.match(after('Security Admin (user)'), /Key Vault Reader[\s\S]*also: keys: getrotationpolicy · certificates: get list/);
  assert.match(flat(f), /The assignments are made first, then the vault switches, so nobody is locked out in between\./);
  assert.match(f, /make 5 role assignments, then switch/);
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled: the vault still uses access policies.'), 'cancelled');
  assert.equal((await appKv(app.backend)).enableRbacAuthorization, false);
  assert.equal((await app.backend.access.listRoleAssignments((await appKv(app.backend)).id, { atScope: true })).filter((a) => a.scope.endsWith(DEMO.vaults.app)).length, 0);
  app.unmount();
});

test('y makes the role assignments first and switches the vault last; everyone keeps their access and the pane shows the roles', async () => {
  const app = await openProposal();
  await app.press('y');
  const f = await app.waitFor((f) => f.includes('contoso-app-kv now uses Azure RBAC') && f.includes('role assignments apply'), 'switched');
  assert.match(f, /contoso-app-kv uses Azure RBAC: 8 role assignments apply \(3 inherited\)/);
  const vault = await appKv(app.backend);
  assert.equal(vault.enableRbacAuthorization, true);
  const mine = (await app.backend.access.listRoleAssignments(vault.id, { atScope: true })).filter((a) => a.scope === vault.id);
  assert.deepEqual(mine.filter((a) => a.principalId === DEMO.principals.webApp).map((a) => roleDefinitionGuid(a.roleDefinitionId)), [ROLE_IDS.keyVaultSecretsUser]);
  assert.equal(mine.length, 5);
  // The order: every RoleAssignmentCreate before the vault's change (the audit log, oldest first).
  const log = (await app.backend.audit.query({ vaultName: DEMO.vaults.app })).reverse().filter((e) => e.resultCode < 300);
  const creates = log.flatMap((e, i) => (e.operation === 'RoleAssignmentCreate' ? [i] : []));
  const patch = log.findIndex((e) => e.operation === 'VaultPatch');
  assert.equal(creates.length, 5);
  assert.ok(patch > Math.max(...creates), `the vault switched after the last assignment: ${log.map((e) => e.operation).join(', ')}`);
  // contoso-web-app reads its secrets as before, now through Key Vault Secrets User.
  const webApp = createMemoryBackend(app.engine, { objectId: DEMO.principals.webApp });
  assert.ok((await webApp.secrets.get(vault, 'sql-admin-password')).value);
  app.unmount();
});

test('a principal RBAC cannot name stops the migration before the switch, and says why', async () => {
  const engine = createEngine({ seed: 'demo' });
  const operator = createMemoryBackend(engine);
  const vault = await appKv(operator);
  const stranger = '99999999-9999-4999-8999-999999999999';
  await operator.policies.update(vault, 'add', [{ tenantId: vault.tenantId, objectId: stranger, permissions: { keys: [], secrets: ['get'], certificates: [], storage: [] } }]);
  const app = await openProposal({ backend: operator });
  assert.match(app.frame(), new RegExp(stranger));
  await app.press('y');
  const f = await app.waitFor((f) => f.includes('✗'), 'the failure');
  assert.match(flat(f), new RegExp(`${stranger}.*contoso-app-kv still uses access policies \\(\\d of 6 role assignments made`));
  assert.equal((await appKv(operator)).enableRbacAuthorization, false, 'the vault still uses access policies');
  app.unmount();
});

test('--readonly refuses the switch with the reason; a cloud without RBAC vaults (Azure Stack Hub) does not offer it', async () => {
  let app = renderApp({ readonly: true });
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  await app.press('j');
  await app.pane('access');
  await app.waitFor((f) => f.includes('Security Admin'), 'policies');
  await app.press('m');
  await app.waitFor((f) => f.includes('Switch to Azure RBAC is not available: read-only mode'), 'refused');
  assert.doesNotMatch(app.frame(), /Switch contoso-app-kv/);
  app.unmount();

  const memory = createMemoryBackend(createEngine({ seed: 'demo' }));
  const stackHub: Backend = { ...memory, info: { ...memory.info, features: { ...memory.info.features, rbacAuthorization: false } } };
  app = renderApp({ backend: stackHub });
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  await app.press('j');
  await app.pane('access');
  const f = await app.waitFor((f) => f.includes('Security Admin'), 'policies');
  assert.doesNotMatch(f, /m switch/, 'no switch in the footer');
  await app.press('?');
  assert.doesNotMatch(await app.waitFor((f) => f.includes('Help'), 'help'), /switch to Azure RBAC/);
  app.unmount();
});
