/**
 * One emulator per test file and the backends opened on it, all closed after the file; profiles kept
 * out of the developer's own config. `rejection` hands back what a promise rejects with.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createAzureBackend, type AzureBackend, type AzureBackendExtras } from '../../source/backend/azure/index.js';
import type { Backend } from '../../source/backend/backend.js';
import { parseGlobalOptions } from '../../source/cli/global-options.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../source/emulator/index.js';

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** `prepare` runs once the emulator is up, before any test (root `before` hooks do not wait for each other). */
export function emulatorSession(options: EmulatorOptions = {}, prepare?: (emu: RunningEmulator) => Promise<void>) {
  process.env.KVDECK_CONFIG_DIR = tempDir('kvdeck-conf-');
  let emu: RunningEmulator | undefined;
  const opened: Backend[] = [];
  const keep = <B extends Backend>(b: B): B => {
    opened.push(b);
    return b;
  };
  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', certDir: tempDir('kvdeck-cert-'), ...options });
    await prepare?.(emu);
  });
  after(async () => {
    for (const b of opened) await b.close?.();
    await emu?.close();
  });
  return {
    get emu(): RunningEmulator {
      if (!emu) throw new Error('the emulator starts in before()');
      return emu;
    },
    /** A backend to close after the file. */
    keep,
    /** The Azure backend with these command-line flags (none: on this file's emulator, as the Operator). */
    async open(args: string[] = [], extras: AzureBackendExtras = {}): Promise<AzureBackend> {
      const flags = args.includes('--emulator') || args.includes('--arm') ? args : ['--emulator', this.emu.arm, '--ca', this.emu.caCertPath, ...args];
      return keep(await createAzureBackend(parseGlobalOptions(flags), extras));
    },
  };
}

export const rejection = (p: Promise<unknown>): Promise<unknown> => p.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
