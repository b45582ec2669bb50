import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refOf, rejectsWith, type ContractContext } from './context.js';

export function locksContract(c: ContractContext): void {
  describe('locks', () => {
    it('the demo edge vault carries its CanNotDelete lock with notes', async () => {
      const locks = await c.backend().locks.listForVault(await c.demoVault(c.ids.vaults.edge));
      const l = locks.find((x) => x.name === c.ids.locks.edge);
      assert.equal(l?.level, 'CanNotDelete');
      assert.equal(l?.notes, 'Created by Azure Stack Edge activation');
    });

    it('CanNotDelete blocks deletion with ScopeLocked and never blocks the data plane', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      await b.locks.create({ scope: v.id, name: 'no-delete', level: 'CanNotDelete', notes: 'contract' });
      await rejectsWith(b.vaults.delete(refOf(v)), { status: 409, code: 'ScopeLocked', message: /cannot perform delete operation/ });
      await b.secrets.set(refOf(v), 'still-writable', { value: 'v' });
      await b.locks.delete(v.id, 'no-delete');
      await b.vaults.delete(refOf(v));
    });

    it('ReadOnly blocks vault updates and access policy changes', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      await b.locks.create({ scope: v.id, name: 'read-only', level: 'ReadOnly' });
      await rejectsWith(b.vaults.update(refOf(v), { tags: { a: 'b' } }), { status: 409, code: 'ScopeLocked' });
      await rejectsWith(b.policies.update(refOf(v), 'add', [{ tenantId: c.ids.tenantId, objectId: c.ids.principals.webApp, permissions: { secrets: ['get'], keys: [], certificates: [], storage: [] } }]), { status: 409, code: 'ScopeLocked' });
      await b.secrets.set(refOf(v), 'data-plane-ok', { value: 'v' });
      const listed = await b.locks.listAtScope(v.id);
      assert.deepEqual(listed.map((l) => l.name), ['read-only']);
      await b.locks.delete(v.id, 'read-only');
      assert.deepEqual((await b.vaults.update(refOf(v), { tags: { a: 'b' } })).tags, { a: 'b' });
    });
  });
}
