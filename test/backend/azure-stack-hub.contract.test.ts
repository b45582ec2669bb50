/**
 * The backend contract with the Azure Stack Hub profile: the cloud is discovered through the
 * emulator's GET /metadata/endpoints, sign-in goes through its ADFS endpoint with @azure/identity's
 * ClientSecretCredential (tenant "adfs", via `--auth env`), and every client speaks the
 * 2020-09-01-hybrid API versions (management 2019-09-01, data plane 2016-10-01, locks 2016-09-01), against
 * the emulator in its Stack Hub profile, which refuses anything newer as a stamp does.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createAzureBackend, type AzureBackend } from '../../source/backend/azure/index.js';
import { HYBRID_API } from '../../source/backend/azure/clouds.js';
import { startEmulator, type RunningEmulator } from '../../source/emulator/index.js';
import { runBackendContract } from './contract/index.js';

process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));

/** EnvironmentCredential reads these when it is constructed; the client id becomes the token's oid. */
async function signInAs(emu: RunningEmulator, clientId: string): Promise<AzureBackend> {
  const saved = { t: process.env.AZURE_TENANT_ID, c: process.env.AZURE_CLIENT_ID, s: process.env.AZURE_CLIENT_SECRET };
  Object.assign(process.env, { AZURE_TENANT_ID: 'adfs', AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: 'emulator-does-not-check' });
  try {
    return await createAzureBackend({ arm: emu.arm, ca: emu.caCertPath, auth: 'env' });
  } finally {
    for (const [k, v] of [['AZURE_TENANT_ID', saved.t], ['AZURE_CLIENT_ID', saved.c], ['AZURE_CLIENT_SECRET', saved.s]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const OPERATOR = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

runBackendContract('azure backend → emulator as Azure Stack Hub (ADFS, hybrid API versions)', async () => {
  const emu = await startEmulator({ port: 0, seed: 'demo', profile: 'stackhub', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
  const opened = [await signInAs(emu, OPERATOR)];
  return {
    backend: opened[0],
    asPrincipal: async (oid) => {
      const b = await signInAs(emu, oid);
      opened.push(b);
      return b;
    },
    close: async () => {
      for (const b of opened) await b.close?.();
      await emu.close();
    },
    // ADFS stamps have no Microsoft Graph.
    namesPrincipals: false,
  };
});

describe('Azure Stack Hub profile', () => {
  it('discovers the cloud from /metadata/endpoints, signs in through ADFS and hides what the hybrid API lacks', async () => {
    const emu = await startEmulator({ port: 0, seed: 'demo', profile: 'stackhub', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
    try {
      const b = await signInAs(emu, OPERATOR);
      assert.equal(b.cloud.name, 'AzureStackHub');
      assert.equal(b.cloud.adfs, true);
      assert.equal(b.cloud.authorityHost, emu.arm);
      assert.equal(b.cloud.armScope, 'https://management.localhost/.default');
      assert.equal(b.cloud.keyVaultDnsSuffix, 'vault.localhost');
      assert.deepEqual(b.cloud.apiVersions, HYBRID_API);
      assert.equal(HYBRID_API.keyVaultData, '2016-10-01', 'the data plane a stamp speaks');
      assert.deepEqual(b.info.features, { softDeleteRetentionDays: false, rbacAuthorization: false, purgeProtection: true, keyRotationPolicy: false, networkRules: false });
      assert.equal(b.info.identity.objectId, OPERATOR);
      // The data plane answers under the discovered suffix with the 2016-10-01 API (the stamp profile refuses newer ones).
      const app = (await b.vaults.list()).find((v) => v.name === 'contoso-app-kv');
      assert.ok(app);
      assert.equal((await b.secrets.get(app, 'sql-admin-password')).value.length > 0, true);
      // Role assignments at ARM level speak Microsoft.Authorization 2015-07-01, which has no principalType.
      const assignments = await b.access.listRoleAssignments(`/subscriptions/${app.subscriptionId}`, { atScope: true });
      assert.ok(assignments.some((a) => a.principalId === OPERATOR));
      assert.ok(assignments.every((a) => a.principalType === undefined));
      await b.close?.();
    } finally {
      await emu.close();
    }
  });
});
