import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessPolicy } from '../../../source/domain/access-policy.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

export function policiesContract(c: ContractContext): void {
  const entry = (objectId: string, secrets: string[]): AccessPolicy => ({
    tenantId: c.ids.tenantId, objectId, permissions: { secrets, keys: [], certificates: [], storage: [] },
  });

  describe('access policies', () => {
    it('lists the demo policies of contoso-app-kv', async () => {
      const list = await c.backend().policies.list(await c.demoVault(c.ids.vaults.app));
      const web = list.find((p) => p.objectId === c.ids.principals.webApp);
      assert.deepEqual(web?.permissions.secrets.slice().sort(), ['get', 'list']);
    });

    it('add merges, replace overwrites, remove subtracts', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const oid = c.ids.principals.webApp;
      let list = await b.policies.update(v, 'add', [entry(oid, ['get'])]);
      list = await b.policies.update(v, 'add', [entry(oid, ['list'])]);
      assert.deepEqual(list.find((p) => p.objectId === oid)?.permissions.secrets.slice().sort(), ['get', 'list']);
      list = await b.policies.update(v, 'replace', [entry(oid, ['set'])]);
      assert.deepEqual(list.find((p) => p.objectId === oid)?.permissions.secrets, ['set']);
      list = await b.policies.update(v, 'remove', [entry(oid, ['set'])]);
      assert.equal(list.find((p) => p.objectId === oid), undefined);
    });

    it('a data-plane call without the permission is 403 ForbiddenByPolicy; granting it lets the call through', async () => {
      const v = refOf(await c.freshVault());
      const web = await c.asPrincipal(c.ids.principals.webApp);
      await rejectsWith(web.secrets.set(v, 'denied', { value: 'x' }), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have secrets set permission/ });
      await c.backend().policies.update(v, 'add', [entry(c.ids.principals.webApp, ['set'])]);
      assert.equal((await web.secrets.set(v, 'allowed', { value: 'x' })).name, 'allowed');
    });

    it('an entry of another tenant is refused', async () => {
      const v = refOf(await c.freshVault());
      await rejectsWith(c.backend().policies.update(v, 'add', [{ ...entry('x', ['get']), tenantId: '99999999-9999-4999-8999-999999999999' }]), { status: 400, code: 'BadRequest' });
    });
  });
}
