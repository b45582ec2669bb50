import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejection, startHarness, SUB, TENANT, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'empty' });
});
after(() => h.close());

const ALICE = '12121212-1212-4121-8121-121212121212';
const BOB = '34343434-3434-4343-8343-343434343434';

describe('emulator locks over ManagementLockClient', () => {
  it('a CanNotDelete lock on a vault refuses the vault delete with ScopeLocked, but not secret writes', async () => {
    await h.createVault('locked-kv');
    const locks = h.locks();
    const lock = await locks.managementLocks.createOrUpdateAtResourceLevel(h.rg, 'Microsoft.KeyVault', '', 'vaults', 'locked-kv', 'no-delete', { level: 'CanNotDelete', notes: 'keep' });
    assert.equal(lock.level, 'CanNotDelete');
    assert.equal(lock.id, `/subscriptions/${SUB}/resourceGroups/${h.rg}/providers/Microsoft.KeyVault/vaults/locked-kv/providers/Microsoft.Authorization/locks/no-delete`);

    const refused = await rejection(h.arm().vaults.delete(h.rg, 'locked-kv'));
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.code, 'ScopeLocked');
    assert.match(refused.message, /cannot perform delete operation because following scope\(s\) are locked/);
    await h.secrets('locked-kv').setSecret('data-plane', 'unaffected');

    const atResource = [];
    for await (const l of locks.managementLocks.listAtResourceLevel(h.rg, 'Microsoft.KeyVault', '', 'vaults', 'locked-kv')) atResource.push(l.name);
    assert.deepEqual(atResource, ['no-delete']);
    const atGroup = [];
    for await (const l of locks.managementLocks.listAtResourceGroupLevel(h.rg)) atGroup.push(l.name);
    assert.ok(atGroup.includes('no-delete'), 'a list at a scope includes the locks below it');
    const atSub = [];
    for await (const l of locks.managementLocks.listAtSubscriptionLevel()) atSub.push(l.name);
    assert.ok(atSub.includes('no-delete'));

    await locks.managementLocks.deleteAtResourceLevel(h.rg, 'Microsoft.KeyVault', '', 'vaults', 'locked-kv', 'no-delete');
    await h.arm().vaults.delete(h.rg, 'locked-kv');
  });

  it('a ReadOnly lock on the resource group refuses vault updates and policy changes', async () => {
    await h.createVault('ro-kv');
    const locks = h.locks();
    await locks.managementLocks.createOrUpdateAtResourceGroupLevel(h.rg, 'rg-readonly', { level: 'ReadOnly' });
    try {
      const refused = await rejection(h.arm().vaults.update(h.rg, 'ro-kv', { tags: { a: 'b' } }));
      assert.equal(refused.code, 'ScopeLocked');
      const policy = await rejection(h.arm().vaults.updateAccessPolicy(h.rg, 'ro-kv', 'add', { properties: { accessPolicies: [{ tenantId: TENANT, objectId: ALICE, permissions: { secrets: ['get'] } }] } }));
      assert.equal(policy.code, 'ScopeLocked');
      const byScope = await locks.managementLocks.getByScope(`/subscriptions/${SUB}/resourceGroups/${h.rg}`, 'rg-readonly');
      assert.equal(byScope.level, 'ReadOnly');
    } finally {
      await locks.managementLocks.deleteAtResourceGroupLevel(h.rg, 'rg-readonly');
    }
    await h.arm().vaults.update(h.rg, 'ro-kv', { tags: { a: 'b' } });
  });
});

describe('emulator access policy enforcement', () => {
  it('refuses a principal without a policy (403 naming the permission) until one is added, per principal', async () => {
    await h.createVault('shared-kv');
    await h.secrets('shared-kv').setSecret('s', 'v');
    const alice = h.secrets('shared-kv', ALICE);
    const bob = h.secrets('shared-kv', BOB);
    const denied = await rejection(alice.getSecret('s'));
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.code, 'Forbidden');
    assert.match(denied.message, new RegExp(`oid=${ALICE}.*does not have secrets get permission on key vault 'shared-kv;location=westeurope'`));

    await h.arm().vaults.updateAccessPolicy(h.rg, 'shared-kv', 'add', { properties: { accessPolicies: [{ tenantId: TENANT, objectId: ALICE, permissions: { secrets: ['get'] } }] } });
    assert.equal((await alice.getSecret('s')).value, 'v');
    assert.equal((await rejection(alice.setSecret('s', 'w'))).statusCode, 403, 'get does not grant set');
    assert.equal((await rejection(bob.getSecret('s'))).statusCode, 403, 'the other principal is still refused');
    const keyDenied = await rejection(h.keys('shared-kv', ALICE).createRsaKey('k'));
    assert.equal(keyDenied.statusCode, 403);
    assert.match(keyDenied.message, /keys create permission/);
  });
});
