/**
 * `--as NAME` on the emulator: a display name or a user principal name is resolved through the
 * directory the backend has (the emulator's Microsoft Graph), and the backend then acts as that
 * principal — its access policies apply, its name is in the header. An unknown name is a usage error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAzureBackend, type AzureBackend } from '../../source/backend/azure/index.js';
import { createBackend } from '../../source/backend/select.js';
import { backendOptions, parseGlobalOptions } from '../../source/cli/global-options.js';
import { OptionError } from '../../source/backend/options.js';
import { KeyVaultError } from '../../source/domain/errors.js';
import { DEMO } from '../../source/engine/index.js';
import { startEmulator } from '../../source/emulator/index.js';
import { emulatorSession, tempDir } from './emulator-session.js';

const session = emulatorSession();
/** Through the Azure backend itself, or through the console's backend selection (select.ts). */
const as = async (who: string, via: 'azure' | 'select' = 'azure') => {
  if (via === 'azure') return session.open(['--as', who]);
  const opts = backendOptions(parseGlobalOptions(['--emulator', session.emu.arm, '--ca', session.emu.caCertPath, '--as', who]));
  return session.keep(await createBackend(opts)) as AzureBackend;
};

describe('--as NAME on the emulator', () => {
  it('an application\'s display name acts as that application, with its access policies', async () => {
    const b = await as('contoso-web-app');
    assert.equal(b.info.identity.objectId, DEMO.principals.webApp);
    const app = b.vaultRefFor(DEMO.vaults.app);
    assert.ok((await b.secrets.listPage(app)).items.length > 0, 'the app may list secrets in contoso-app-kv');
    await assert.rejects(b.keys.listPage(app), (e: unknown) => e instanceof KeyVaultError && e.status === 403 && /keys list permission/.test(e.message));
  });

  it('a user principal name acts as that user (the demo Operator), named in the header', async () => {
    const b = await as('ops@contoso.com');
    assert.equal(b.info.identity.objectId, DEMO.principals.operator);
    assert.equal(b.info.identity.displayName, 'Operator');
    assert.ok((await b.keys.listPage(b.vaultRefFor(DEMO.vaults.app))).items.length > 0, 'the Operator may list keys');
  });

  it('a display name with a space, in any case, through the console\'s backend selection too', async () => {
    const b = await as('security admin', 'select');
    assert.equal(b.info.identity.objectId, DEMO.principals.securityAdmin);
  });

  it('a name nobody has is a usage error naming it', async () => {
    await assert.rejects(as('nobody@contoso.com'), (e: unknown) => e instanceof OptionError && /--as 'nobody@contoso\.com' matches no principal/.test(e.message));
    await assert.rejects(as('no such app'), (e: unknown) => e instanceof OptionError && /matches no principal/.test(e.message));
  });

  it('on an emulator with an empty directory, a name is a usage error too (not Graph\'s refusal)', async () => {
    const empty = await startEmulator({ port: 0, seed: 'empty', certDir: tempDir('kvdeck-cert-') });
    try {
      // The empty seed's only principal is the Owner of its subscription (the demo Operator): any other name is unknown.
      const opts = backendOptions(parseGlobalOptions(['--emulator', empty.arm, '--ca', empty.caCertPath, '--as', 'secadmin@contoso.com']));
      await assert.rejects(createAzureBackend(opts), (e: unknown) => e instanceof OptionError && /matches no principal in the directory/.test(e.message));
    } finally {
      await empty.close();
    }
  });
});
