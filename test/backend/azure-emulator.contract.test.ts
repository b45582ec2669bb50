/**
 * The backend contract against the Azure backend pointed at the emulator: the same assertions the
 * memory backend passes, through real HTTPS, real TLS trust (the emulator's CA) and the official SDK
 * clients — the code paths that talk to Azure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAzureBackend } from '../../source/backend/azure/index.js';
import { startEmulator } from '../../source/emulator/index.js';
import { runBackendContract } from './contract/index.js';

// Profiles must never leak in from the developer's own config.
process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));

runBackendContract('azure backend → emulator', async () => {
  const emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
  const make = (as?: string) =>
    createAzureBackend({ emulator: emu.arm, ca: emu.caCertPath, as });
  const opened = [await make()];
  return {
    backend: opened[0],
    asPrincipal: async (oid) => {
      const b = await make(oid);
      opened.push(b);
      return b;
    },
    close: async () => {
      for (const b of opened) await b.close?.();
      await emu.close();
    },
  };
});
