/**
 * Network rules through the emulator (issue 13): ARM keeps networkAcls, publicNetworkAccess and the
 * enabledFor* flags as set (they used to be dropped), and the data plane enforces them by the client's
 * address — a client bound to 127.0.0.2 is "outside" a firewall that allows 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { Agent } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { SecretClient } from '@azure/keyvault-secrets';
import { emulatorClientOptions, localhostLookup } from '../../source/emulator/index.js';
import { ALL_PERMISSIONS, OPERATOR, rejection, startHarness, TENANT, type Harness } from './helpers.js';

let h: Harness;
let outside: Agent;
before(async () => {
  h = await startHarness({ seed: 'empty' });
  outside = new Agent({ ca: h.emu.caPem, lookup: localhostLookup, keepAlive: true, localAddress: '127.0.0.2' });
});
after(async () => {
  outside.destroy();
  await h.close();
});

const outsideClient = (vault: string) =>
  new SecretClient(h.emu.vaultUrl(vault), h.credential(), { ...emulatorClientOptions(h.emu, outside), retryOptions: { maxRetries: 0 } });

async function createWith(name: string, properties: Record<string, unknown>) {
  return h.arm().vaults.beginCreateOrUpdateAndWait(h.rg, name, {
    location: 'westeurope',
    properties: {
      tenantId: TENANT, sku: { family: 'A', name: 'standard' },
      // Access policies, said explicitly: at 2026-02-01 a vault is RBAC-mode unless told otherwise.
      enableRbacAuthorization: false,
      accessPolicies: [{ tenantId: TENANT, objectId: OPERATOR, permissions: ALL_PERMISSIONS }],
      ...properties,
    },
  });
}

describe('network rules over ARM and the data plane', () => {
  it('a PUT with networkAcls, publicNetworkAccess and enabledFor* comes back with them', async () => {
    const v = await createWith('net-kept-kv', {
      networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [{ value: '127.0.0.1' }, { value: '198.51.100.0/24' }], virtualNetworkRules: [] },
      enabledForDeployment: true, enabledForTemplateDeployment: true,
    });
    assert.equal(v.properties.networkAcls?.defaultAction, 'Deny');
    assert.equal(v.properties.networkAcls?.bypass, 'None');
    assert.deepEqual(v.properties.networkAcls?.ipRules?.map((r) => r.value), ['127.0.0.1', '198.51.100.0/24']);
    assert.equal(v.properties.enabledForDeployment, true);
    assert.equal(v.properties.enabledForTemplateDeployment, true);
    assert.equal(v.properties.enabledForDiskEncryption, false);
    const got = await h.arm().vaults.get(h.rg, 'net-kept-kv');
    assert.deepEqual(got.properties.networkAcls?.ipRules?.map((r) => r.value), ['127.0.0.1', '198.51.100.0/24']);
  });

  it('the firewall lets 127.0.0.1 in and refuses 127.0.0.2 with ForbiddenByFirewall naming the address', async () => {
    await createWith('net-fw-kv', { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '127.0.0.1' }], virtualNetworkRules: [] } });
    await h.secrets('net-fw-kv').setSecret('inside', 'v');
    const r = await rejection(outsideClient('net-fw-kv').getSecret('inside'));
    assert.equal(r.statusCode, 403);
    assert.match(r.message, /^Client address is not authorized and caller is not a trusted service\.\r\nClient address: 127\.0\.0\.2\r\n/);
  });

  it('public network access disabled by PATCH refuses every data-plane caller with ForbiddenByConnection', async () => {
    await createWith('net-private-kv', {});
    await h.secrets('net-private-kv').setSecret('before', 'v');
    const patched = await h.arm().vaults.update(h.rg, 'net-private-kv', { properties: { publicNetworkAccess: 'Disabled' } });
    assert.equal(patched.properties?.publicNetworkAccess, 'Disabled');
    const r = await rejection(h.secrets('net-private-kv').getSecret('before'));
    assert.equal(r.statusCode, 403);
    assert.match(r.message, /^Public network access is disabled/);
    // The management plane is not behind the vault's network rules.
    assert.equal((await h.arm().vaults.get(h.rg, 'net-private-kv')).name, 'net-private-kv');
  });
});
