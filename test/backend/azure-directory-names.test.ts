/**
 * Principal names on the Azure backend: Microsoft Graph (getByIds, /me) per cloud, tried for real
 * against the emulator's Graph; without Graph (an unknown caller, an ADFS stamp) names fall back to
 * objectIds without an error. Also the vault's diagnostic settings hint, read from the emulator.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAzureBackend, type AzureBackend } from '../../source/backend/azure/index.js';
import { builtInCloud, cloudFromMetadata } from '../../source/backend/azure/clouds.js';
import { DEMO } from '../../source/engine/index.js';
import { startEmulator, type RunningEmulator } from '../../source/emulator/index.js';

process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));

const STRANGER = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
let emu: RunningEmulator;
const opened: AzureBackend[] = [];
const open = async (as?: string) => {
  const b = await createAzureBackend({ emulator: emu.arm, ca: emu.caCertPath, as });
  opened.push(b);
  return b;
};

before(async () => {
  emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
});
after(async () => {
  for (const b of opened) await b.close?.();
  await emu.close();
});

describe('Microsoft Graph endpoints per cloud', () => {
  it('public, US Government and China clouds have their own Graph; an ADFS stamp has none', () => {
    assert.equal(builtInCloud('AzureCloud').graphEndpoint, 'https://graph.microsoft.com');
    assert.equal(builtInCloud('AzureCloud').graphScope, 'https://graph.microsoft.com/.default');
    assert.equal(builtInCloud('AzureUSGovernment').graphEndpoint, 'https://graph.microsoft.us');
    assert.equal(builtInCloud('AzureChinaCloud').graphEndpoint, 'https://microsoftgraph.chinacloudapi.cn');
    const adfs = cloudFromMetadata('https://management.local.azurestack.external', {
      graphEndpoint: 'https://graph.local.azurestack.external/',
      authentication: { loginEndpoint: 'https://adfs.local.azurestack.external/adfs/', audiences: ['https://management.adfs.azurestack.local/x'] },
    });
    assert.equal(adfs.graphEndpoint, undefined);
    const entra = cloudFromMetadata('https://management.local.azurestack.external', {
      authentication: { loginEndpoint: 'https://login.microsoftonline.com/', audiences: ['https://management.azurestackci.onmicrosoft.com/x'] },
    });
    assert.equal(entra.graphEndpoint, 'https://graph.microsoft.com');
  });
});

describe('azure backend names principals through Graph', () => {
  it('the header identity is the Operator by name, from Graph /me', async () => {
    const b = await open();
    assert.equal(b.info.identity.objectId, DEMO.principals.operator);
    assert.equal(b.info.identity.displayName, 'Operator');
    assert.equal(b.info.identity.upn, 'ops@contoso.com');
  });

  it('getPrincipal names an application and a managed identity; an id Graph does not know is undefined', async () => {
    const b = await open();
    assert.deepEqual(await b.directory.getPrincipal(DEMO.principals.webApp), {
      objectId: DEMO.principals.webApp, displayName: 'contoso-web-app', kind: 'application', appId: DEMO.appIds.webApp,
    });
    assert.equal((await b.directory.getPrincipal(DEMO.principals.edgeIdentity))?.kind, 'managedIdentity');
    assert.equal(await b.directory.getPrincipal('99999999-9999-4999-8999-999999999999'), undefined);
  });

  it('names the principals of a vault\'s access policies in one listing', async () => {
    const b = await open();
    const edge = (await b.vaults.list()).find((v) => v.name === DEMO.vaults.edge)!;
    await b.policies.list(edge);
    const names = (await b.directory.listPrincipals()).map((p) => p.displayName);
    assert.ok(names.includes('Operator'));
    assert.ok(names.includes('ase-edge01'));
  });

  it('a service principal signed in is named by getByIds (it has no /me)', async () => {
    const b = await open(DEMO.principals.webApp);
    assert.equal(b.info.identity.displayName, 'contoso-web-app');
  });

  it('when Graph refuses the caller, names fall back to objectIds without errors', async () => {
    const b = await open(STRANGER);
    assert.equal(b.info.identity.objectId, STRANGER);
    assert.equal(b.info.identity.displayName, STRANGER);
    assert.equal(await b.directory.getPrincipal(DEMO.principals.webApp), undefined);
    const listed = await b.directory.listPrincipals();
    assert.deepEqual(listed.map((p) => p.objectId), [STRANGER]);
  });

  it('an ADFS Stack Hub sign-in has no Graph: the header shows the objectId and lookups are undefined', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AZURE_TENANT_ID: 'adfs', AZURE_CLIENT_ID: DEMO.principals.operator, AZURE_CLIENT_SECRET: 'x' });
    let b: AzureBackend;
    try {
      b = await createAzureBackend({ arm: emu.arm, ca: emu.caCertPath, auth: 'env' });
      opened.push(b);
    } finally {
      for (const k of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
    assert.equal(b.cloud.graphEndpoint, undefined);
    assert.equal(b.info.identity.displayName, DEMO.principals.operator);
    assert.equal(await b.directory.getPrincipal(DEMO.principals.webApp), undefined);
  });
});

describe('azure backend diagnostics hint', () => {
  it('says the edge vault\'s AuditEvent logs go to its storage account', async () => {
    const b = await open();
    const edge = (await b.vaults.list()).find((v) => v.name === DEMO.vaults.edge)!;
    const hint = await b.audit.diagnosticsHint!(edge);
    assert.match(hint ?? '', /AuditEvent log goes to storage account aseedge01kvlogs/);
  });

  it('says a vault without diagnostic settings sends its AuditEvent log nowhere', async () => {
    const b = await open();
    const app = (await b.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
    const hint = await b.audit.diagnosticsHint!(app);
    assert.match(hint ?? '', /sends its AuditEvent log nowhere/);
  });
});
