import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from '../../../source/domain/errors.js';
import { networkExposure } from '../../../source/domain/network.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

export function vaultsContract(c: ContractContext): void {
  describe('vaults', () => {
    it('lists the demo vaults across subscriptions and per subscription', async () => {
      const all = (await c.backend().vaults.list()).map((v) => v.name);
      for (const n of [c.ids.vaults.app, c.ids.vaults.edge, c.ids.vaults.shared]) assert.ok(all.includes(n), n);
      const edge = (await c.backend().vaults.list(c.ids.subscriptions.edge)).map((v) => v.name);
      assert.ok(edge.includes(c.ids.vaults.edge));
      assert.ok(!edge.includes(c.ids.vaults.app));
    });

    it('gets a demo vault with its properties', async () => {
      const v = await c.backend().vaults.get(c.ids.subscriptions.edge, c.ids.resourceGroups.edge, c.ids.vaults.edge);
      assert.equal(v.location, 'eastus');
      assert.equal(v.enablePurgeProtection, true);
      assert.equal(v.softDeleteRetentionDays, 90);
      assert.equal(v.tenantId, c.ids.tenantId);
      assert.ok(v.vaultUri.endsWith('/'));
    });

    it('creates a vault with defaults, and refuses its name a second time', async () => {
      const v = await c.freshVault({ tags: { suite: 'contract' } });
      assert.equal(v.sku, 'standard');
      assert.equal(v.softDeleteRetentionDays, 90);
      assert.deepEqual(v.tags, { suite: 'contract' });
      await rejectsWith(c.freshVault({ name: v.name }), { status: 409, code: 'VaultAlreadyExists' });
    });

    it('refuses an invalid vault name with VaultNameNotValid', async () => {
      await rejectsWith(c.freshVault({ name: 'bad--name' }), { status: 400, code: 'VaultNameNotValid', message: errors.vaultNameNotValid('bad--name').message });
    });

    it('checkNameAvailability: invalid, taken (also by a soft-deleted vault), free', async () => {
      const b = c.backend();
      const sub = c.ids.subscriptions.production;
      assert.equal((await b.vaults.checkNameAvailability(sub, '1x')).reason, 'AccountNameInvalid');
      assert.equal((await b.vaults.checkNameAvailability(sub, c.ids.vaults.app)).reason, 'AlreadyExists');
      assert.equal((await b.vaults.checkNameAvailability(sub, c.ids.deletedVaults.edgeOld)).reason, 'AlreadyExists');
      assert.equal((await b.vaults.checkNameAvailability(sub, c.unique('free'))).nameAvailable, true);
    });

    it('update: tags change, purge protection turns on and never off', async () => {
      const v = await c.freshVault();
      const b = c.backend();
      assert.deepEqual((await b.vaults.update(refOf(v), { tags: { a: '1' } })).tags, { a: '1' });
      assert.equal((await b.vaults.update(refOf(v), { enablePurgeProtection: true })).enablePurgeProtection, true);
      await rejectsWith(b.vaults.update(refOf(v), { enablePurgeProtection: false }), { status: 400, code: 'BadRequest' });
    });

    it('network rules and service flags are kept as set and can be removed (where the cloud has them)', async (t) => {
      const b = c.backend();
      if (!b.info.features.networkRules) return t.skip('this cloud has no vault network rules');
      const networkAcls = { defaultAction: 'Deny' as const, bypass: 'AzureServices' as const, ipRules: [{ value: '198.51.100.0/24' }], virtualNetworkRules: [] };
      const v = await c.freshVault({ networkAcls, enabledForDiskEncryption: true });
      assert.equal(networkExposure(v), 'firewall');
      assert.deepEqual(v.networkAcls?.ipRules, [{ value: '198.51.100.0/24' }]);
      assert.equal(v.enabledForDiskEncryption, true);
      const got = await b.vaults.get(v.subscriptionId, v.resourceGroup, v.name);
      assert.equal(got.networkAcls?.defaultAction, 'Deny');
      const open = await b.vaults.update(refOf(v), { networkAcls: null });
      assert.equal(networkExposure(open), 'public');
      assert.equal((await b.vaults.update(refOf(v), { publicNetworkAccess: 'Disabled' })).publicNetworkAccess, 'Disabled');
    });

    it('get of a missing vault is 404', async () => {
      await rejectsWith(c.backend().vaults.get(c.ids.subscriptions.production, c.ids.resourceGroups.apps, c.unique('none')), { status: 404, code: 'ResourceNotFound' });
    });

    it('a cancelled call is refused before it runs', async () => {
      const ac = new AbortController();
      ac.abort();
      await assert.rejects(c.backend().vaults.list(undefined, { signal: ac.signal }), (e: Error) => e.name === 'AbortError');
    });
  });
}
