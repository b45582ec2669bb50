import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContractContext } from './context.js';

export function directoryContract(c: ContractContext): void {
  describe('directory', () => {
    it('lists the demo subscriptions and resource groups', async () => {
      const b = c.backend();
      const subs = await b.directory.listSubscriptions();
      assert.ok(subs.some((s) => s.id === c.ids.subscriptions.production));
      assert.ok(subs.some((s) => s.id === c.ids.subscriptions.edge));
      const groups = (await b.directory.listResourceGroups(c.ids.subscriptions.production)).map((g) => g.name);
      assert.ok(groups.includes(c.ids.resourceGroups.apps));
    });

    it('the backend acts as the demo Operator', () => {
      assert.equal(c.backend().info.identity.objectId, c.ids.principals.operator);
    });

    it('names the principals it knows', async () => {
      const p = await c.backend().directory.getPrincipal(c.ids.principals.webApp);
      if (p) assert.equal(p.displayName, 'contoso-web-app');
      const tenants = await c.backend().directory.listTenants();
      assert.ok(tenants.some((t) => t.id === c.ids.tenantId));
    });
  });
}
