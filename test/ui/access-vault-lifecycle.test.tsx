/**
 * What deleting and recovering a vault does to who may use it, said before and after: Azure removes an
 * RBAC vault's role assignments at and below it when the vault is deleted, and recovery does not bring
 * them back. And removing your own access policy warns first.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { flat, KEYS, renderApp } from './helpers.js';

after(() => cleanup());


async function engineWithRbacVault() {
  const engine = createEngine({ seed: 'demo' });
  const operator = createMemoryBackend(engine);
  const vault = await operator.vaults.create({ subscriptionId: DEMO.subscriptions.production, resourceGroup: DEMO.resourceGroups.apps, name: 'team-rbac-kv', location: 'westeurope', enableRbacAuthorization: true });
  await operator.access.createRoleAssignment({ scope: vault.id, roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.webApp });
  return { engine, operator, vault };
}

test('deleting an RBAC vault warns that its role assignments go for good; recovering it says they did not come back', async () => {
  const { operator, vault } = await engineWithRbacVault();
  const app = renderApp({ backend: operator });
  await app.waitFor((f) => f.includes('team-rbac-kv'), 'vaults');
  await app.press('/');
  await app.type('team-rbac');
  await app.press(KEYS.enter, 'd');
  let f = await app.waitFor((f) => f.includes('Delete vault team-rbac-kv?'), 'confirmation');
  assert.match(flat(f), /It uses Azure RBAC: its role assignments \(on the vault and on what is in it\) are removed now and do not come back if it is recovered\./);
  await app.press('y');
  await app.waitFor((f) => f.includes('Vault team-rbac-kv deleted'), 'deleted');
  await app.pane('deleted');
  await app.waitFor((f) => f.includes('team-rbac-kv'), 'the bin');
  await app.press('/');
  await app.type('team-rbac');
  await app.press(KEYS.enter, 'r');
  f = await app.waitFor((f) => f.includes('Vault team-rbac-kv is back without its role assignments'), 'the warning');
  assert.match(flat(f), /Azure removed the role assignments on team-rbac-kv \(and on what is in it\) when it was deleted, and recovering a vault does not restore them/);
  assert.match(flat(f), /Assign roles again in pane 5 \(Access\)\./);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('Vault team-rbac-kv is back in pane 1 (Vaults), with its secrets and keys.') && !f.includes('without its role'), 'closed');
  const assignments = await operator.access.listRoleAssignments(vault.id, { atScope: true });
  assert.ok(!assignments.some((a) => a.scope === vault.id), 'none at the vault any more');
  app.unmount();
});

test('an access-policy vault\'s delete confirmation says nothing about role assignments', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  await app.press('j', 'd');
  const f = await app.waitFor((f) => f.includes('Delete vault contoso-app-kv?'), 'confirmation');
  assert.doesNotMatch(flat(f), /role assignments/);
  await app.press('n');
  app.unmount();
});

test('removing your own access policy warns that you lose your access', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  await app.press('j');
  await app.pane('access');
  await app.waitFor((f) => f.includes('Security Admin'), 'policies');
  await app.press('d'); // Operator's own policy, first
  const f = await app.waitFor((f) => f.includes('Remove your own access policy on contoso-app-kv?'), 'warning');
  assert.match(flat(f), /You \(Operator\) lose .* on contoso-app-kv; only someone who may change its access policies can give them back\./);
  await app.press('n');
  await app.waitFor((f) => f.includes('Cancelled.'), 'kept');
  const policies = await app.backend.policies.list((await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!);
  assert.ok(policies.some((p) => p.objectId === DEMO.principals.operator));
  app.unmount();
});
