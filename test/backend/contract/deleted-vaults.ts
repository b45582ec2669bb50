import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refOf, rejectsWith, type ContractContext } from './context.js';

export function deletedVaultsContract(c: ContractContext): void {
  describe('deleted vaults', () => {
    it('lists the demo soft-deleted vaults with their dates and purge protection', async () => {
      const list = await c.backend().deleted.listVaults();
      const billing = list.find((d) => d.name === c.ids.deletedVaults.billing);
      const edgeOld = list.find((d) => d.name === c.ids.deletedVaults.edgeOld);
      assert.ok(billing && edgeOld);
      assert.equal(billing.purgeProtectionEnabled, false);
      assert.equal(edgeOld.purgeProtectionEnabled, true);
      assert.ok(edgeOld.scheduledPurgeDate.getTime() > edgeOld.deletionDate.getTime());
    });

    it('delete moves a vault to the deleted list; recover brings it back with secrets and policies', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      await b.secrets.set(refOf(v), 'kept', { value: 'kept-value' });
      await b.vaults.delete(refOf(v));
      await rejectsWith(b.vaults.get(v.subscriptionId, v.resourceGroup, v.name), { status: 404, code: 'ResourceNotFound' });
      const d = await b.deleted.getVault(v.subscriptionId, v.location, v.name);
      assert.equal(d.vaultId.toLowerCase(), v.id.toLowerCase());
      await rejectsWith(c.freshVault({ name: v.name }), { status: 409, code: 'ConflictError' });
      const back = await b.deleted.recoverVault(d);
      assert.deepEqual(back.accessPolicies.map((p) => p.objectId), v.accessPolicies.map((p) => p.objectId));
      assert.equal((await b.secrets.get(refOf(back), 'kept')).value, 'kept-value');
    });

    it('purge of a deleted vault without purge protection frees its name', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      await b.vaults.delete(refOf(v));
      await b.deleted.purgeVault(await b.deleted.getVault(v.subscriptionId, v.location, v.name));
      await rejectsWith(b.deleted.getVault(v.subscriptionId, v.location, v.name), { status: 404, code: 'DeletedVaultNotFound' });
      assert.equal((await b.vaults.checkNameAvailability(v.subscriptionId, v.name)).nameAvailable, true);
    });

    it('purge of a purge-protected deleted vault before its date is refused', async () => {
      const b = c.backend();
      const v = await c.freshVault({ enablePurgeProtection: true });
      await b.vaults.delete(refOf(v));
      const d = await b.deleted.getVault(v.subscriptionId, v.location, v.name);
      await rejectsWith(b.deleted.purgeVault(d), { status: 405, code: 'MethodNotAllowed' });
    });
  });
}
