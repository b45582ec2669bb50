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

    it('names the principals it knows, and itself', async () => {
      const b = c.backend();
      const p = await b.directory.getPrincipal(c.ids.principals.webApp);
      if (c.namesPrincipals()) {
        assert.equal(p?.displayName, 'contoso-web-app');
        assert.equal(p?.kind, 'application');
        assert.equal(b.info.identity.displayName, 'Operator');
      } else {
        // No directory to ask: undefined rather than an error, and the objectId in the header.
        assert.equal(p, undefined);
        assert.equal(b.info.identity.displayName, c.ids.principals.operator);
      }
      assert.equal(await b.directory.getPrincipal('99999999-9999-4999-8999-999999999999'), undefined);
      const tenants = await b.directory.listTenants();
      assert.ok(tenants.some((t) => t.id === c.ids.tenantId));
    });
  });
}
