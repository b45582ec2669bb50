/**
 * Role assignments live in the state file like everything else; a state file written before kvdeck
 * knew role assignments is upgraded with the demo's roles, so nobody is locked out of their own state.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { ManualClock } from '../../source/engine/clock.js';
import { DEMO, openEngine } from '../../source/engine/index.js';
import { appKv, operator, webApp } from './helpers/engine.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function statePath() {
  const d = await mkdtemp(join(tmpdir(), 'kvdeck-rbac-state-'));
  dirs.push(d);
  return join(d, 'state.json');
}
const appScope = `/subscriptions/${DEMO.subscriptions.production}/resourceGroups/${DEMO.resourceGroups.apps}/providers/Microsoft.KeyVault/vaults/${DEMO.vaults.app}`;

describe('role assignments in the state file', () => {
  it('a grant and a revoke are saved; a new engine loads the assignments with their dates', async () => {
    const path = await statePath();
    const clock = new ManualClock();
    const a = await openEngine({ statePath: path, clock });
    const { assignment } = a.access.create(operator, { scope: appScope, roleDefinitionId: ROLE_IDS.keyVaultContributor, principalId: DEMO.principals.webApp });
    a.access.delete(operator, `/subscriptions/${DEMO.subscriptions.production}/providers/Microsoft.Authorization/roleAssignments/${DEMO.roleAssignments.securityAdminReaderProduction}`);
    await a.close();

    const b = await openEngine({ statePath: path, clock });
    const loaded = b.access.get(operator, assignment.id);
    assert.equal(loaded.createdOn?.getTime(), assignment.createdOn?.getTime());
    assert.deepEqual(b.vaults.update(webApp, appKv, { tags: { by: 'web' } }).tags, { by: 'web' }, 'the loaded grant is in force');
    assert.equal(b.access.list(operator, `/subscriptions/${DEMO.subscriptions.production}`, { principalId: DEMO.principals.securityAdmin }).length, 1);
    await b.close();
  });

  it('a state file from before role assignments gets the demo\'s roles for the demo\'s principals', async () => {
    const path = await statePath();
    const a = await openEngine({ statePath: path, clock: new ManualClock() });
    await a.close();
    const raw = JSON.parse(await readFile(path, 'utf8'));
    delete raw.roleAssignments;
    await writeFile(path, JSON.stringify(raw));
    const b = await openEngine({ statePath: path, clock: new ManualClock() });
    assert.equal(b.vaults.list(operator).length, 3);
    assert.equal(b.access.list(operator, `/subscriptions/${DEMO.subscriptions.production}`).length, 6);
    await b.close();
  });
});
