/**
 * Refusals on the Azure path read exactly like the demo's. The newer SDK pagers (keyvault-secrets,
 * keyvault-keys, arm-keyvault) throw "Pagination failed with unexpected statusCode 403" and drop the
 * service's body; the backend keeps every failed answer's body and maps it in one place (errors.ts),
 * so the Azure backend against the emulator raises the same KeyVaultError as the engine itself.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { KeyVaultError } from '../../source/domain/errors.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { DEMO } from '../../source/engine/index.js';
import { startEmulator } from '../../source/emulator/index.js';
import { explainError } from '../../source/ui/explain-error.js';
import { renderApp } from '../ui/helpers.js';
import { emulatorSession, rejection as refusal, tempDir } from './emulator-session.js';
import { paneNumber } from '../../source/ui/panes/ids.js';

// contoso-web-app is Reader of Production only; made Reader of the Edge subscription too, it sees
// ase-edge01-kv, whose access policies leave `list` out for it.
const session = emulatorSession({}, async (emu) => {
  emu.engine.access.create({ objectId: DEMO.principals.operator }, { scope: `/subscriptions/${DEMO.subscriptions.edge}`, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.webApp });
});
const azureAs = (objectId: string) => session.open(['--as', objectId]);
const facts = (e: unknown) => {
  assert.ok(e instanceof KeyVaultError, `a KeyVaultError, got ${String(e)}`);
  return { status: e.status, code: e.code, innerCode: e.innerCode, message: e.message };
};
const vaultOf = async (b: Backend, name: string) => (await b.vaults.list()).find((v) => v.name === name)!;

after(() => cleanup());

describe('a principal without list, on the Azure backend against the emulator', () => {
  // Each pager, on a vault whose access policies leave `list` out for the web app.
  const cases = [
    { pager: 'keys', vault: DEMO.vaults.app, list: (b: Backend, v: Awaited<ReturnType<typeof vaultOf>>) => b.keys.listPage(v) },
    { pager: 'secrets', vault: DEMO.vaults.edge, list: (b: Backend, v: Awaited<ReturnType<typeof vaultOf>>) => b.secrets.listPage(v) },
  ];
  for (const c of cases) {
    it(`gets the same KeyVaultError from the ${c.pager} pager as from the engine, explained as the permission sentence`, async () => {
      const azure = await azureAs(DEMO.principals.webApp);
      const memory = createMemoryBackend(session.emu.engine, { objectId: DEMO.principals.webApp, appId: DEMO.principals.webApp });
      const raised = await refusal(c.list(azure, await vaultOf(azure, c.vault)));
      const fromAzure = facts(raised);
      assert.deepEqual(fromAzure, facts(await refusal(c.list(memory, await vaultOf(memory, c.vault)))));
      assert.equal(fromAzure.status, 403);
      assert.doesNotMatch(fromAzure.message, /Pagination failed/);
      assert.equal(explainError(raised), `You lack the ${c.pager}/list permission on vault ${c.vault}. An access policy can grant it (pane ${paneNumber('access')}).`);
    });
  }

  it('the console\'s Keys pane shows the permission sentence, not the SDK\'s text', async () => {
    const backend = await azureAs(DEMO.principals.webApp);
    const app = renderApp({ backend });
    // Every subscription has answered (the rows stream in as each does): the second row is contoso-app-kv.
    await app.waitFor((f) => f.includes('contoso-shared-kv') && !f.includes('so far'), 'vaults', 10_000);
    await app.press('j');
    await app.pane('keys');
    const f = await app.waitFor((f) => f.includes('You lack the keys/list permission'), 'the refusal', 10_000);
    assert.ok(f.includes(`You lack the keys/list permission on vault contoso-app-kv. An access policy can grant it (pane ${paneNumber('access')}).`), f);
    assert.doesNotMatch(f, /Pagination failed|statusCode/);
    app.unmount();
  });
});

describe('a failed page reads in the service\'s words on every client', () => {
  it('ARM\'s vault pager, the REST helper and the data-plane pager all carry the error body\'s code and message', async () => {
    const faulty = await startEmulator({ port: 0, seed: 'demo', certDir: tempDir('kvdeck-cert-'), faultRate: 1, faultSeed: 3 });
    try {
      const b = await session.open(['--emulator', faulty.arm, '--ca', faulty.caCertPath], { retry: { maxRetries: 0 }, eagerIdentity: false });
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
