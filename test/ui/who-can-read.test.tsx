/**
 * "Who can read this" from a secret's or a key's detail: the principals that may read it, and why —
 * through role assignments on it, its vault or above (Azure RBAC), or the vault's access policies —
 * and who could grant themselves that access.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { objectScopeId } from '../../source/domain/access-scope.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

/** Opens item `name` of pane `paneKey` in the vault `down` rows below the first, then w. */
async function whoCanRead(app: ReturnType<typeof renderApp>, down: number, paneKey: string, name: string) {
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  for (let i = 0; i < down; i++) await app.press('j');
  await app.press(paneKey);
  await app.waitFor((f) => f.includes(name), 'the list');
  await app.press('/');
  await app.type(name);
  await app.press(KEYS.enter, KEYS.enter);
  await app.waitFor((f) => f.includes(`› ${name}`), 'the detail');
  await app.press('w');
  return app.waitFor((f) => f.includes('Can read it') || f.includes('nobody'), 'who can read it');
}

test('an RBAC vault\'s secret: who holds a role that reads it, and where the role is assigned', async () => {
  const app = renderApp();
  const f = await whoCanRead(app, 2, '2', 'smtp-password');
  assert.match(f, /Who can read secret smtp-password in contoso-shared-kv/);
  assert.match(f, /Can read it \(the data action Microsoft\.KeyVault\/vaults\/secrets\/getSecret\/action\):/);
  assert.match(f, /Operator \(user\) — Key Vault Administrator on the vault/);
  assert.match(f, /contoso-web-app \(application\) — Key Vault Secrets User on the vault/);
  assert.doesNotMatch(f, /Security Admin/, 'Key Vault Reader reads metadata, never a value');
  await app.press(KEYS.esc);
  await app.waitFor((f) => !f.includes('Can read it') && f.includes('smtp-password'), 'closed');
  app.unmount();
});

test('a role on the secret alone counts, and an Owner who could grant himself access is named apart', async () => {
  const engine = createEngine({ seed: 'demo' });
  const operator = createMemoryBackend(engine);
  const shared = (await operator.vaults.list()).find((v) => v.name === DEMO.vaults.shared)!;
  await operator.access.createRoleAssignment({ scope: objectScopeId(shared.id, 'secrets', 'smtp-password'), roleDefinitionId: ROLE_IDS.keyVaultSecretsUser, principalId: DEMO.principals.edgeIdentity });
  // Operator keeps Owner of the subscription but loses the vault's data role.
  const admin = (await operator.access.listRoleAssignments(shared.id, { atScope: true })).find((a) => a.principalId === DEMO.principals.operator && a.roleDefinitionId.endsWith(ROLE_IDS.keyVaultAdministrator))!;
  await operator.access.deleteRoleAssignment(admin.id);
  const app = renderApp({ backend: createMemoryBackend(engine, { objectId: DEMO.principals.webApp }) });
  const f = await whoCanRead(app, 1, '2', 'smtp-password');
  assert.match(f, /ase-edge01 \(managed identity\) — Key Vault Secrets User on this secret/);
  assert.match(f, /contoso-web-app \(application\) — Key Vault Secrets User on the vault/);
  const granters = f.indexOf('Could grant themselves access (they may manage access there):');
  assert.ok(granters > f.indexOf('contoso-web-app (application)'), 'a section of its own, after the readers');
  assert.match(f.slice(granters), /Operator \(user\) — Owner on subscription Contoso Production \(inherited\)/);
  app.unmount();
});

test('an access-policy vault\'s secret and key: whose policy has get', async () => {
  const app = renderApp();
  let f = await whoCanRead(app, 1, '2', 'sql-admin-password');
  assert.match(f, /Can read it \(the access-policy permission secrets\/get\):/);
  assert.match(f, /contoso-web-app \(application\) — access policy: secrets get list/);
  assert.match(f, /Operator \(user\) — access policy: secrets all/);
  assert.doesNotMatch(f, /Security Admin/, 'its policy lists secrets but does not get them');
  await app.press(KEYS.esc, KEYS.esc, '3');
  await app.waitFor((f) => f.includes('app-signing-key'), 'keys');
  await app.press('/');
  await app.type('app-signing');
  await app.press(KEYS.enter, KEYS.enter);
  await app.waitFor((f) => f.includes('› app-signing-key'), 'the key\'s detail');
  await app.press('w');
  f = await app.waitFor((f) => f.includes('Can read it'), 'who can read the key');
  assert.match(f, /Who can read key app-signing-key in contoso-app-kv/);
  assert.match(f, /Security Admin \(user\) — access policy: keys get list/);
  assert.doesNotMatch(f, /contoso-web-app/);
  app.unmount();
});
