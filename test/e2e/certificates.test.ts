/**
 * Importing a PFX in a real terminal: the demo engine in process, and the Azure backend (the official
 * certificates client) over HTTPS to a `kvdeck serve` emulator — the same keys, the same result.
 */
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../source/emulator/index.js';
import { makePfx, needsOpenssl } from '../ui/pfx.js';
import { launch } from './helpers.js';
import { importPfx } from './scenarios.js';

test('a PFX made by OpenSSL is imported with its password and listed in the Certificates pane (demo engine)', needsOpenssl, async (t) => {
  const pfx = makePfx('imported.contoso.com', 'e2e-s3cret');
  await importPfx(await launch(t), pfx, 'e2e-s3cret');
});

test('the same import through the emulator and the official certificates client', needsOpenssl, async (t) => {
  const pfx = makePfx('imported.contoso.com', 'e2e-s3cret');
  const certDir = mkdtempSync(join(tmpdir(), 'kvdeck-e2e-emu-'));
  const emulator = await startEmulator({ port: 0, seed: 'demo', certDir });
  t.after(async () => {
    await emulator.close();
    rmSync(certDir, { recursive: true, force: true });
  });
  await importPfx(await launch(t, { args: ['--emulator', emulator.arm, '--ca', emulator.caCertPath] }), pfx, 'e2e-s3cret');
});
