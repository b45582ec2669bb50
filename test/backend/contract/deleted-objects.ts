import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refOf, rejectsWith, type ContractContext } from './context.js';

export function deletedObjectsContract(c: ContractContext): void {
  describe('deleted secrets and keys', () => {
    it('the demo deleted secret old-db-password is listed with its dates and can be read', async () => {
      const b = c.backend();
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const list = await b.secrets.listDeleted(v);
      const old = list.find((d) => d.properties.name === 'old-db-password');
      assert.ok(old, 'old-db-password is in the deleted secrets');
      assert.ok(old.scheduledPurgeDate.getTime() > old.deletedOn.getTime());
      assert.equal(Math.round((old.scheduledPurgeDate.getTime() - old.deletedOn.getTime()) / 86_400_000), 90);
      const got = await b.secrets.getDeleted(v, 'old-db-password');
      assert.equal(got.properties.name, 'old-db-password');
      assert.ok(got.recoveryId.endsWith('/deletedsecrets/old-db-password'));
    });

    it('soft delete → list deleted → recover → delete → purge, with name reuse refused while deleted', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('sd');
      await b.secrets.set(v, name, { value: 'one' });
      await b.secrets.set(v, name, { value: 'two' });
      const d = await b.secrets.delete(v, name);
      assert.equal(d.properties.name, name);
      assert.equal(Math.round((d.scheduledPurgeDate.getTime() - d.deletedOn.getTime()) / 86_400_000), 90);
      assert.ok((await b.secrets.listDeleted(v)).some((x) => x.properties.name === name));
      await rejectsWith(b.secrets.get(v, name), { status: 404, code: 'SecretNotFound' });
      await rejectsWith(b.secrets.set(v, name, { value: 'three' }), { status: 409, code: 'Conflict', innerCode: 'ObjectIsDeletedButRecoverable' });
      await b.secrets.recover(v, name);
      assert.equal((await b.secrets.get(v, name)).value, 'two');
      assert.equal((await b.secrets.listVersions(v, name)).length, 2);
      await b.secrets.delete(v, name);
      await b.secrets.purge(v, name);
      await rejectsWith(b.secrets.getDeleted(v, name), { status: 404, code: 'SecretNotFound' });
      assert.equal((await b.secrets.set(v, name, { value: 'fresh' })).name, name);
    });

    it('keys: delete → recover → delete → purge, and name reuse refused while deleted', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('kd');
      await b.keys.create(v, name, { keyType: 'EC' });
      await b.keys.delete(v, name);
      assert.ok((await b.keys.listDeleted(v)).some((x) => x.properties.name === name));
      assert.equal((await b.keys.getDeleted(v, name)).properties.name, name);
      await rejectsWith(b.keys.create(v, name, { keyType: 'EC' }), { status: 409, code: 'Conflict', innerCode: 'ObjectIsDeletedButRecoverable' });
      assert.equal((await b.keys.recover(v, name)).properties.name, name);
      await b.keys.delete(v, name);
      await b.keys.purge(v, name);
      await rejectsWith(b.keys.getDeleted(v, name), { status: 404, code: 'KeyNotFound' });
    });

    it('a deleted secret or key that does not exist is 404', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      await rejectsWith(b.secrets.getDeleted(v, c.unique('ghost')), { status: 404, code: 'SecretNotFound' });
      await rejectsWith(b.keys.getDeleted(v, c.unique('ghost')), { status: 404, code: 'KeyNotFound' });
    });

    it('purging in a purge-protected vault is refused and the secret stays recoverable', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault({ enablePurgeProtection: true }));
      const name = c.unique('pp');
      await b.secrets.set(v, name, { value: 'x' });
      await b.secrets.delete(v, name);
      await rejectsWith(b.secrets.purge(v, name), { status: 403, code: 'Forbidden', message: /purge protection is enabled/ });
      await b.secrets.recover(v, name);
      assert.equal((await b.secrets.get(v, name)).value, 'x');
    });

    it('the Operator has no secrets/purge permission in ase-edge01-kv', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.edge));
      await rejectsWith(c.backend().secrets.purge(v, c.unique('nothing')), {
        status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have secrets purge permission on key vault 'ase-edge01-kv/,
      });
    });
  });
}
