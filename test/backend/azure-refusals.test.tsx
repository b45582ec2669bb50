/**
 * Refusals on the Azure path read exactly like the demo's. The newer SDK pagers (keyvault-secrets,
 * keyvault-keys, arm-keyvault) throw "Pagination failed with unexpected statusCode 403" and drop the
 * service's body; the backend keeps every failed answer's body and maps it in one place (errors.ts),
 * so the Azure backend against the emulator raises the same KeyVaultError as the engine itself.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createAzureBackend, type AzureBackend } from '../../source/backend/azure/index.js';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { parseGlobalOptions } from '../../source/cli/global-options.js';
import { KeyVaultError } from '../../source/domain/errors.js';
import { DEMO } from '../../source/engine/index.js';
import { startEmulator, type RunningEmulator } from '../../source/emulator/index.js';
import { explainError } from '../../source/ui/explain-error.js';
import { renderApp } from '../ui/helpers.js';

process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));
const certDir = mkdtempSync(join(tmpdir(), 'kvdeck-cert-'));

let emu: RunningEmulator;
const opened: AzureBackend[] = [];
const azureAs = async (objectId: string, more: string[] = [], extras: Parameters<typeof createAzureBackend>[1] = {}) => {
  const b = await createAzureBackend(parseGlobalOptions(['--emulator', emu.arm, '--ca', emu.caCertPath, '--as', objectId, ...more]), extras);
  opened.push(b);
  return b;
};
const refusal = (p: Promise<unknown>) => p.then(() => assert.fail('expected a refusal'), (e: unknown) => e);
const facts = (e: unknown) => {
  assert.ok(e instanceof KeyVaultError, `a KeyVaultError, got ${String(e)}`);
  return { status: e.status, code: e.code, innerCode: e.innerCode, message: e.message };
};
const vaultOf = async (b: Backend, name: string) => (await b.vaults.list()).find((v) => v.name === name)!;

before(async () => {
  emu = await startEmulator({ port: 0, seed: 'demo', certDir });
});
after(async () => {
  cleanup();
  for (const b of opened) await b.close?.();
  await emu.close();
});

describe('a principal without list, on the Azure backend against the emulator', () => {
  it('gets the same KeyVaultError from the keys pager as from the engine, explained as the permission sentence', async () => {
    const azure = await azureAs(DEMO.principals.webApp);
    const memory = createMemoryBackend(emu.engine, { objectId: DEMO.principals.webApp, appId: DEMO.principals.webApp });
    const fromAzure = facts(await refusal(azure.keys.listPage(await vaultOf(azure, DEMO.vaults.app))));
    const fromEngine = facts(await refusal(memory.keys.listPage(await vaultOf(memory, DEMO.vaults.app))));
    assert.deepEqual(fromAzure, fromEngine);
    assert.equal(fromAzure.status, 403);
    assert.doesNotMatch(fromAzure.message, /Pagination failed/);
    assert.equal(explainError(await refusal(azure.keys.listPage(await vaultOf(azure, DEMO.vaults.app)))),
      'You lack the keys/list permission on vault contoso-app-kv. An access policy can grant it (pane 4).');
  });

  it('gets the same refusal from the secrets pager on a vault whose policies leave it out', async () => {
    const azure = await azureAs(DEMO.principals.webApp);
    const memory = createMemoryBackend(emu.engine, { objectId: DEMO.principals.webApp, appId: DEMO.principals.webApp });
    const fromAzure = facts(await refusal(azure.secrets.listPage(await vaultOf(azure, DEMO.vaults.edge))));
    const fromEngine = facts(await refusal(memory.secrets.listPage(await vaultOf(memory, DEMO.vaults.edge))));
    assert.deepEqual(fromAzure, fromEngine);
    assert.equal(explainError(new KeyVaultError(fromAzure.status, fromAzure.code, fromAzure.message, fromAzure.innerCode)),
      'You lack the secrets/list permission on vault ase-edge01-kv. An access policy can grant it (pane 4).');
  });

  it('the console\'s Keys pane shows the permission sentence, not the SDK\'s text', async () => {
    const backend = await azureAs(DEMO.principals.webApp);
    const app = renderApp({ backend });
    await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults', 10_000);
    await app.press('j', '3');
    const f = await app.waitFor((f) => f.includes('You lack the keys/list permission'), 'the refusal', 10_000);
    assert.match(f, /You lack the keys\/list permission on vault contoso-app-kv\. An access policy can grant it \(pane 4\)\./);
    assert.doesNotMatch(f, /Pagination failed|statusCode/);
    app.unmount();
  });
});

describe('a failed page reads in the service\'s words on every client', () => {
  it('ARM\'s vault pager, the REST helper and the data-plane pager all carry the error body\'s code and message', async () => {
    const faulty = await startEmulator({ port: 0, seed: 'demo', certDir, faultRate: 1, faultSeed: 3 });
    try {
      const b = await createAzureBackend(parseGlobalOptions(['--emulator', faulty.arm, '--ca', faulty.caCertPath]), { retry: { maxRetries: 0 }, eagerIdentity: false });
      opened.push(b);
      const injected = /^The (server encountered an internal error|service is temporarily unavailable) \(injected by --fault-rate\)\.$/;
      for (const call of [
        () => b.vaults.list(DEMO.subscriptions.production), // @azure/arm-keyvault's pager
        () => b.directory.listSubscriptions(), // the REST helper
        () => b.secrets.listPage(b.vaultRefFor(DEMO.vaults.app)), // @azure/keyvault-secrets' pager
        () => b.keys.listPage(b.vaultRefFor(DEMO.vaults.app)), // @azure/keyvault-keys' pager
      ]) {
        const e = facts(await refusal(call()));
        assert.match(e.message, injected);
        assert.ok(['InternalServerError', 'ServiceUnavailable'].includes(e.code), e.code);
      }
    } finally {
      await faulty.close();
    }
  });
});
