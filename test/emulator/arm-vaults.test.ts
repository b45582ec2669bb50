import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALL_PERMISSIONS, OPERATOR, rejection, startHarness, SUB, TENANT, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'empty' });
});
after(() => h.close());

describe('emulator vaults over KeyVaultManagementClient', () => {
  it('creates a vault and answers get, list by subscription, by resource group and the generic resources list', async () => {
    await h.createVault('arm-one-kv', { softDeleteRetentionInDays: 30 });
    const arm = h.arm();
    const v = await arm.vaults.get(h.rg, 'arm-one-kv');
    assert.equal(v.id, `/subscriptions/${SUB}/resourceGroups/${h.rg}/providers/Microsoft.KeyVault/vaults/arm-one-kv`);
    assert.equal(v.type, 'Microsoft.KeyVault/vaults');
    assert.equal(v.properties.vaultUri, h.emu.vaultUrl('arm-one-kv'));
    assert.equal(v.properties.sku.name, 'standard');
    assert.equal(v.properties.sku.family, 'A');
    assert.equal(v.properties.softDeleteRetentionInDays, 30);
    assert.equal(v.properties.provisioningState, 'Succeeded');
    assert.deepEqual(v.properties.accessPolicies?.[0].permissions.secrets, ['all']);
    const bySub = [];
    for await (const x of arm.vaults.listBySubscription()) bySub.push(x.name);
    assert.ok(bySub.includes('arm-one-kv'));
    const byRg = [];
    for await (const x of arm.vaults.listByResourceGroup(h.rg)) byRg.push(x.name);
    assert.ok(byRg.includes('arm-one-kv'));
    const generic = [];
    for await (const x of arm.vaults.list()) generic.push(x.name);
    assert.ok(generic.includes('arm-one-kv'));
  });

  it('checks name availability, refusing invalid names and names taken by deleted vaults', async () => {
    const arm = h.arm();
    assert.equal((await arm.vaults.checkNameAvailability({ name: 'fresh-name-kv', type: 'Microsoft.KeyVault/vaults' })).nameAvailable, true);
    const taken = await arm.vaults.checkNameAvailability({ name: 'arm-one-kv', type: 'Microsoft.KeyVault/vaults' });
    assert.equal(taken.nameAvailable, false);
    assert.equal(taken.reason, 'AlreadyExists');
    const invalid = await arm.vaults.checkNameAvailability({ name: '1-bad', type: 'Microsoft.KeyVault/vaults' });
    assert.equal(invalid.reason, 'AccountNameInvalid');
  });

  it('patches tags and purge protection and refuses to turn purge protection off', async () => {
    await h.createVault('arm-patch-kv');
    const arm = h.arm();
    const patched = await arm.vaults.update(h.rg, 'arm-patch-kv', { tags: { env: 'test' }, properties: { enablePurgeProtection: true } });
    assert.deepEqual(patched.tags, { env: 'test' });
    assert.equal(patched.properties.enablePurgeProtection, true);
    const refused = await rejection(arm.vaults.update(h.rg, 'arm-patch-kv', { properties: { enablePurgeProtection: false } }));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.message, /cannot be set to false/);
  });

  it('adds, replaces and removes access policies', async () => {
    await h.createVault('arm-policy-kv');
    const arm = h.arm();
    const other = '99999999-9999-4999-8999-999999999999';
    await arm.vaults.updateAccessPolicy(h.rg, 'arm-policy-kv', 'add', { properties: { accessPolicies: [{ tenantId: TENANT, objectId: other, permissions: { secrets: ['get'] } }] } });
    await arm.vaults.updateAccessPolicy(h.rg, 'arm-policy-kv', 'add', { properties: { accessPolicies: [{ tenantId: TENANT, objectId: other, permissions: { secrets: ['list'] } }] } });
    let v = await arm.vaults.get(h.rg, 'arm-policy-kv');
    assert.deepEqual(v.properties.accessPolicies?.find((p) => p.objectId === other)?.permissions.secrets?.slice().sort(), ['get', 'list']);
    await arm.vaults.updateAccessPolicy(h.rg, 'arm-policy-kv', 'replace', { properties: { accessPolicies: [{ tenantId: TENANT, objectId: other, permissions: { keys: ['get'] } }] } });
    v = await arm.vaults.get(h.rg, 'arm-policy-kv');
    assert.deepEqual(v.properties.accessPolicies?.find((p) => p.objectId === other)?.permissions.keys, ['get']);
    await arm.vaults.updateAccessPolicy(h.rg, 'arm-policy-kv', 'remove', { properties: { accessPolicies: [{ tenantId: TENANT, objectId: other, permissions: { keys: ['get'] } }] } });
    v = await arm.vaults.get(h.rg, 'arm-policy-kv');
    assert.equal(v.properties.accessPolicies?.some((p) => p.objectId === other), false);
  });

  it('a full PUT of an existing vault changes its policies and keeps its secrets', async () => {
    await h.createVault('arm-put-kv');
    await h.secrets('arm-put-kv').setSecret('survivor', 'still-here');
    const other = '88888888-8888-4888-8888-888888888888';
    await h.arm().vaults.beginCreateOrUpdateAndWait(h.rg, 'arm-put-kv', {
      location: 'westeurope',
      tags: { put: 'again' },
      properties: {
        tenantId: TENANT,
        sku: { family: 'A', name: 'premium' },
        accessPolicies: [
          { tenantId: TENANT, objectId: OPERATOR, permissions: ALL_PERMISSIONS },
          { tenantId: TENANT, objectId: other, permissions: { secrets: ['get'] } },
        ],
      },
    });
    const v = await h.arm().vaults.get(h.rg, 'arm-put-kv');
    assert.equal(v.properties.sku.name, 'premium');
    assert.equal(v.properties.accessPolicies?.length, 2);
    assert.equal((await h.secrets('arm-put-kv').getSecret('survivor')).value, 'still-here');
  });

  it('soft-deletes a vault, lists and gets it as deleted, recovers it with its secrets, then purges it', async () => {
    await h.createVault('arm-cycle-kv');
    await h.secrets('arm-cycle-kv').setSecret('inside', 'v');
    const arm = h.arm();
    await arm.vaults.delete(h.rg, 'arm-cycle-kv');
    assert.equal((await rejection(arm.vaults.get(h.rg, 'arm-cycle-kv'))).statusCode, 404);
    const deleted = [];
    for await (const d of arm.vaults.listDeleted()) deleted.push(d);
    const mine = deleted.find((d) => d.name === 'arm-cycle-kv');
    assert.ok(mine);
    assert.equal(mine.properties?.location, 'westeurope');
    assert.ok(mine.properties?.scheduledPurgeDate instanceof Date);
    const got = await arm.vaults.getDeleted('arm-cycle-kv', 'westeurope');
    assert.equal(got.properties?.vaultId, `/subscriptions/${SUB}/resourceGroups/${h.rg}/providers/Microsoft.KeyVault/vaults/arm-cycle-kv`);
    const reuse = await rejection(h.createVault('arm-cycle-kv'));
    assert.equal(reuse.statusCode, 409);
    assert.equal(reuse.code, 'ConflictError', 'a soft-deleted name in the same subscription');

    await arm.vaults.beginCreateOrUpdateAndWait(h.rg, 'arm-cycle-kv', {
      location: 'westeurope',
      properties: { tenantId: TENANT, sku: { family: 'A', name: 'standard' }, createMode: 'recover' },
    });
    assert.equal((await h.secrets('arm-cycle-kv').getSecret('inside')).value, 'v');

    await arm.vaults.delete(h.rg, 'arm-cycle-kv');
    await arm.vaults.beginPurgeDeletedAndWait('arm-cycle-kv', 'westeurope');
    assert.equal((await rejection(arm.vaults.getDeleted('arm-cycle-kv', 'westeurope'))).statusCode, 404);
    assert.equal((await arm.vaults.checkNameAvailability({ name: 'arm-cycle-kv', type: 'Microsoft.KeyVault/vaults' })).nameAvailable, true);
  });

  it('refuses to purge a purge-protected deleted vault but allows recovering it', async () => {
    await h.createVault('arm-pp-kv', { enablePurgeProtection: true });
    const arm = h.arm();
    await arm.vaults.delete(h.rg, 'arm-pp-kv');
    const refused = await rejection(arm.vaults.beginPurgeDeletedAndWait('arm-pp-kv', 'westeurope'));
    assert.equal(refused.statusCode, 405);
    assert.match(refused.message, /DeletedVaultPurge/);
    await arm.vaults.beginCreateOrUpdateAndWait(h.rg, 'arm-pp-kv', { location: 'westeurope', properties: { tenantId: TENANT, sku: { family: 'A', name: 'standard' }, createMode: 'recover' } });
    assert.equal((await arm.vaults.get(h.rg, 'arm-pp-kv')).name, 'arm-pp-kv');
  });

  it('refuses invalid vault names with VaultNameNotValid', async () => {
    const refused = await rejection(h.createVault('bad--name'));
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.code, 'VaultNameNotValid');
  });
});
