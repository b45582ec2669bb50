import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refOf, type ContractContext } from './context.js';

export function auditContract(c: ContractContext): void {
  describe('audit', () => {
    it('records this session\'s operations, allowed and refused, newest first, without values', async () => {
      const b = c.backend();
      const v = await c.freshVault();
      const value = `audit-secret-value-${c.unique('v')}`;
      await b.secrets.set(refOf(v), 'audited', { value });
      await b.secrets.get(refOf(v), 'audited');
      const web = await c.asPrincipal(c.ids.principals.webApp);
      await assert.rejects(web.secrets.get(refOf(v), 'audited'));
      const entries = await b.audit.query({ vaultName: v.name });
      assert.ok(entries.length >= 2);
      assert.ok(entries.some((e) => e.resultCode >= 200 && e.resultCode < 300));
      for (let i = 1; i < entries.length; i++) assert.ok(entries[i - 1].time.getTime() >= entries[i].time.getTime());
      assert.ok(!JSON.stringify(entries).includes(value));
      const limited = await b.audit.query({ vaultName: v.name, limit: 1 });
      assert.equal(limited.length, 1);
    });
  });
}
