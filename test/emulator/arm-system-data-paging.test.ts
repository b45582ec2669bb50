/** ARM as Azure answers it: complete systemData from the callers' tokens, and listings that page with $top and nextLink. */
import assert from 'node:assert/strict';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { after, before, describe, it } from 'node:test';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { EmulatorCredential, emulatorArmClientOptions } from '../../source/emulator/index.js';
import { DEMO } from '../../source/engine/index.js';
import { raw, startHarness, SUB, TENANT, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}

const ISO7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

describe('systemData', () => {
  it('names the creating user and, after a change by an application, that application', async () => {
    await h.createVault('sysdata-kv');
    const path = `/subscriptions/${SUB}/resourceGroups/${h.rg}/providers/Microsoft.KeyVault/vaults/sysdata-kv?api-version=2023-07-01`;
    const created = (await raw(h, { method: 'GET', host: 'localhost', path })).json.systemData;
    assert.equal(created.createdBy, 'ops@contoso.com');
    assert.equal(created.createdByType, 'User');
    assert.match(created.createdAt, ISO7);
    assert.equal(created.lastModifiedBy, 'ops@contoso.com');
    assert.equal(created.lastModifiedByType, 'User');
    assert.equal(created.lastModifiedAt, created.createdAt);

    // The application may change the vault once it holds a role that allows it.
    h.emu.engine.access.create({ objectId: DEMO.principals.operator }, {
      scope: `/subscriptions/${SUB}/resourceGroups/${h.rg}/providers/Microsoft.KeyVault/vaults/sysdata-kv`, roleDefinitionId: ROLE_IDS.keyVaultContributor, principalId: DEMO.principals.webApp,
    });
    const app = new KeyVaultManagementClient(
      new EmulatorCredential({ objectId: DEMO.principals.webApp, tenantId: TENANT, appId: DEMO.appIds.webApp }),
      SUB,
      emulatorArmClientOptions(h.emu, h.agent),
    );
    const updated = await app.vaults.update(h.rg, 'sysdata-kv', { tags: { changed: 'yes' } });
    assert.equal(updated.systemData?.createdBy, 'ops@contoso.com');
    assert.equal(updated.systemData?.lastModifiedBy, DEMO.appIds.webApp);
    assert.equal(updated.systemData?.lastModifiedByType, 'Application');
    assert.ok(updated.systemData!.lastModifiedAt! >= updated.systemData!.createdAt!);
  });
});

describe('paging of vault listings', () => {
  it('/resources?$top=1 reaches every vault through absolute nextLinks', async () => {
    const expected = (await collect(h.arm().vaults.list())).length;
    let link: string | undefined = `/subscriptions/${SUB}/resources?$filter=resourceType%20eq%20'Microsoft.KeyVault/vaults'&$top=1&api-version=2021-04-01`;
    const seen: string[] = [];
    while (link) {
      const res = await raw(h, { method: 'GET', host: 'localhost', path: link });
      assert.equal(res.status, 200);
      assert.ok(res.json.value.length <= 1);
      seen.push(...res.json.value.map((v: { name: string }) => v.name));
      if (res.json.nextLink) {
        const next = new URL(res.json.nextLink);
        assert.equal(next.origin, `https://localhost:${h.emu.port}`);
        assert.ok(next.searchParams.get('$skiptoken'));
        link = next.pathname + next.search;
      } else link = undefined;
    }
    assert.ok(expected >= 2);
    assert.equal(seen.length, expected);
    assert.equal(new Set(seen).size, expected);
  });

  it("the official SDK's pagers follow the nextLink ($top honoured per page)", async () => {
    const all = await collect(h.arm().vaults.list());
    const names = async (pages: AsyncIterableIterator<{ name?: string }[]>) => {
      const out: string[] = [];
      for await (const p of pages) {
        assert.ok(p.length <= 1);
        out.push(...p.map((v) => v.name!));
      }
      return out;
    };
    assert.deepEqual(await names(h.arm().vaults.list({ top: 1 }).byPage()), all.map((v) => v.name));
    const bySub = await names(h.arm().vaults.listBySubscription({ top: 1 }).byPage());
    assert.equal(bySub.length, all.length);
  });
});
