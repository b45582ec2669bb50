/**
 * Refusals explained everywhere, and the grant offered when the signed-in identity may make it: the
 * explanation names the missing data action (or access-policy permission) and the smallest built-in
 * role that allows it; an identity that may assign roles (or change access policies) there is offered
 * the grant, always as a confirmation — at once after an action, from the footer after a load.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { roleDefinitionGuid, ROLE_IDS } from '../../source/domain/role-definitions.js';
import type { Vault } from '../../source/domain/vault.js';
import { createEngine, DEMO, type Engine } from '../../source/engine/index.js';
import { flat, KEYS, renderApp } from './helpers.js';

after(() => cleanup());

const CTRL_G = '\u0007';

/**
 * A backend acting as `objectId` whose permission look-ups can be awaited: the console asks for the
 * identity's own permissions before it offers a grant, so "no offer" is asserted after that answer.
 */
function watchedBackend(engine: Engine, objectId: string) {
  const memory = createMemoryBackend(engine, { objectId });
  let answered: () => void = () => {};
  let permissionsAnswered = new Promise<void>((r) => { answered = r; });
  const backend: Backend = {
    ...memory,
    access: {
      ...memory.access,
      myPermissions: async (...a) => {
        try { return await memory.access.myPermissions(...a); } finally { answered(); }
      },
    },
  };
  return {
    backend,
    /** Resolves once a permission look-up has been answered (then arms again). */
    nextAnswer: async () => { await permissionsAnswered; permissionsAnswered = new Promise<void>((r) => { answered = r; }); },
  };
}

/** A new RBAC vault in Production: Operator is Owner there (may assign roles) but has no data role. */
async function freshRbacVault(engine: Engine): Promise<Vault> {
  const operator = createMemoryBackend(engine);
  return operator.vaults.create({ subscriptionId: DEMO.subscriptions.production, resourceGroup: DEMO.resourceGroups.apps, name: 'fresh-rbac-kv', location: 'westeurope', enableRbacAuthorization: true });
}

async function selectVault(app: ReturnType<typeof renderApp>, name: string) {
  await app.waitFor((f) => f.includes(name), 'vaults');
  await app.press('/');
  await app.type(name);
  await app.press(KEYS.enter);
}

/**
 * Operator, who may read fresh-rbac-kv (Key Vault Reader) but not write it, fills the new-secret form
 * and saves: the save is refused for want of setSecret.
 */
async function refusedSave() {
  const engine = createEngine({ seed: 'demo' });
  const vault = await freshRbacVault(engine);
  const operator = createMemoryBackend(engine);
  await operator.access.createRoleAssignment({ scope: vault.id, roleDefinitionId: ROLE_IDS.keyVaultReader, principalId: DEMO.principals.operator });
  const app = renderApp({ backend: operator });
  await selectVault(app, vault.name);
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('No secrets in fresh-rbac-kv'), 'empty list');
  await app.press('n');
  await app.waitFor((f) => f.includes('New secret in fresh-rbac-kv'), 'form');
  await app.type('api-token');
  await app.press(KEYS.tab, KEYS.tab);
  await app.type('t0ken');
  await app.press(KEYS.ctrlS);
  return { engine, vault, operator, app };
}

const myRoles = (engine: Engine, vault: Vault) => createMemoryBackend(engine).access.listRoleAssignments(vault.id, { atScope: true, principalId: DEMO.principals.operator })
  .then((all) => all.filter((a) => a.scope.toLowerCase() === vault.id.toLowerCase()).map((a) => roleDefinitionGuid(a.roleDefinitionId)));

test('as contoso-web-app: reading smtp-password works, setting it is refused with "needs Key Vault Secrets Officer", and nothing is offered', async () => {
  const engine = createEngine({ seed: 'demo' });
  const { backend, nextAnswer } = watchedBackend(engine, DEMO.principals.webApp);
  const app = renderApp({ backend });
  await selectVault(app, DEMO.vaults.shared);
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('smtp-password'), 'secrets');
  await app.press(KEYS.enter, 'v');
  await app.waitFor((f) => !f.includes('Reading the value') && /Value\s+\S/.test(f) && !f.includes('••••'), 'the value revealed');
  await app.press('n');
  await app.waitFor((f) => f.includes('New version of smtp-password'), 'form');
  await app.press(KEYS.tab);
  await app.type('rotated');
  const answer = nextAnswer();
  await app.press(KEYS.ctrlS);
  const f = flat(await app.waitFor((f) => f.includes('needs Key Vault'), 'refused'));
  assert.match(f, /You lack the data action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action on secret smtp-password in vault contoso-shared-kv: it needs Key Vault Secrets Officer, the smallest built-in role that allows it\./);
  assert.match(f, /Someone who may assign roles on secret smtp-password in vault contoso-shared-kv \(an Owner or User Access Administrator\) can grant it \(pane 5\)\./);
  // The console asked whether contoso-web-app may assign roles there (it may not): no offer follows.
  await answer;
  await new Promise((r) => setImmediate(r));
  assert.doesNotMatch(app.frame(), /Grant yourself|Ctrl-G/);
  assert.match(app.frame(), /New version of smtp-password/, 'the form stays open with what was typed');
  app.unmount();
});

test('as Operator on a vault it owns but cannot read: the footer offers the role the listing needs; Ctrl-G, y, and the list loads', async () => {
  const engine = createEngine({ seed: 'demo' });
  const vault = await freshRbacVault(engine);
  const app = renderApp({ backend: createMemoryBackend(engine) });
  await selectVault(app, vault.name);
  await app.pane('secrets');
  let f = await app.waitFor((f) => f.includes('Ctrl-G grant Key Vault Reader'), 'the offer in the footer');
  assert.match(flat(f), /You lack the data action Microsoft\.KeyVault\/vaults\/secrets\/readMetadata\/action on vault fresh-rbac-kv: it needs Key Vault Reader/);
  assert.match(flat(f), /Ctrl-G grants you Key Vault Reader on vault fresh-rbac-kv \(asks first\)\./);
  assert.doesNotMatch(f, /Grant yourself/, 'never without asking: no dialog before the key');
  await app.press(CTRL_G);
  f = await app.waitFor((f) => f.includes('Grant yourself Key Vault Reader on vault fresh-rbac-kv?'), 'confirmation');
  assert.match(flat(f), /you may assign roles on vault fresh-rbac-kv/);
  await app.press('y');
  await app.waitFor((f) => f.includes('No secrets in fresh-rbac-kv') && f.includes('You now have Key Vault Reader on vault fresh-rbac-kv.'), 'the list, now readable');
  assert.deepEqual(await myRoles(engine, vault), [ROLE_IDS.keyVaultReader]);
  app.unmount();
});

test('as Operator: a refused save offers the role at once, over the form; y grants it and the save goes through', async () => {
  const { engine, vault, operator, app } = await refusedSave();
  const f = await app.waitFor((f) => f.includes('Grant yourself Key Vault Secrets Officer on vault fresh-rbac-kv?'), 'the offer');
  assert.match(flat(f), /You lack Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action there/);
  await app.press('y');
  await app.waitFor((f) => f.includes('Secret api-token created.') && f.includes('1 secret in fresh-rbac-kv'), 'saved after the grant');
  assert.deepEqual((await myRoles(engine, vault)).sort(), [ROLE_IDS.keyVaultReader, ROLE_IDS.keyVaultSecretsOfficer].sort());
  assert.equal((await operator.secrets.get(vault, 'api-token')).value, 't0ken');
  app.unmount();
});

test('saying no grants nothing: the form shows the refusal with what was typed, and the footer keeps the offer', async () => {
  const { engine, vault, operator, app } = await refusedSave();
  await app.waitFor((f) => f.includes('Grant yourself Key Vault Secrets Officer'), 'the offer');
  await app.press('n');
  const f = await app.waitFor((f) => f.includes('needs Key Vault Secrets Officer') && f.includes('api-token'), 'the form, with the refusal');
  assert.match(f, /Name\s+api-token/);
  assert.deepEqual(await myRoles(engine, vault), [ROLE_IDS.keyVaultReader]);
  await app.press(KEYS.esc);
  await app.waitFor((f) => f.includes('Discard what you typed in this form?'), 'asked before the typing is lost');
  await app.press('y');
  await app.waitFor((f) => f.includes('Ctrl-G grant'), 'the footer still offers it');
  app.unmount();
});

test('an access-policy refusal offers the one permission: Operator gets keys/list on ase-edge01-kv and sees its keys', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('ase-edge01-kv'), 'vaults'); // the first vault, selected
  await app.pane('keys');
  let f = await app.waitFor((f) => f.includes('Ctrl-G grant keys/list'), 'the offer');
  assert.match(flat(f), /You lack the keys\/list permission on vault ase-edge01-kv\. An access policy can grant it \(pane 5\)\./);
  await app.press(CTRL_G);
  f = await app.waitFor((f) => f.includes('Grant yourself keys/list on vault ase-edge01-kv?'), 'confirmation');
  assert.match(flat(f), /Your access policy gets list added to its keys permissions/);
  await app.press('y');
  await app.waitFor((f) => f.includes('Your access policy on ase-edge01-kv now grants keys/list.') && /\d+ keys? in ase-edge01-kv/.test(f), 'keys listed');
  const edge = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.edge)!;
  const mine = (await app.backend.policies.list(edge)).find((p) => p.objectId === DEMO.principals.operator)!;
  assert.deepEqual(mine.permissions.keys, ['list']);
  assert.ok(mine.permissions.secrets.length > 0, 'what it had stays');
  app.unmount();
});

test('--readonly: the offer is shown disabled with the reason and never opens', async () => {
  const engine = createEngine({ seed: 'demo' });
  const vault = await freshRbacVault(engine);
  const app = renderApp({ backend: createMemoryBackend(engine), readonly: true });
  await selectVault(app, vault.name);
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('grant Key Vault Reader'), 'the offer, disabled');
  await app.press(CTRL_G);
  const f = await app.waitFor((f) => f.includes('Grant Key Vault Reader is not available: read-only mode'), 'refused');
  assert.doesNotMatch(f, /Grant yourself/);
  assert.deepEqual(await myRoles(engine, vault), []);
  app.unmount();
});
