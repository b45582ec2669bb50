/**
 * The console's core scenarios through the Azure backend: the official SDK clients over real HTTPS to
 * a `kvdeck serve` emulator started in this process (demo dataset), trusted through --ca.
 * Each test gets a fresh emulator, so one scenario's changes never colour another's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions } from '../../source/emulator/index.js';
import { launch, type Ctx } from './helpers.js';
import { lockBlocksDelete, purgeProtectionRefusal, quickLookupAndCopy, recoverDeletedVault } from './scenarios.js';

async function launchOnEmulator(t: Ctx, faults: Pick<EmulatorOptions, 'faultRate' | 'faultSeed' | 'latencyMs'> = {}) {
  const certDir = mkdtempSync(join(tmpdir(), 'kvdeck-e2e-emu-'));
  const emulator = await startEmulator({ port: 0, seed: 'demo', certDir, ...faults });
  t.after(async () => {
    await emulator.close();
    rmSync(certDir, { recursive: true, force: true });
  });
  const term = await launch(t, { args: ['--emulator', emulator.arm, '--ca', emulator.caCertPath] });
  assert.match(await term.screen(), new RegExp(`Emulator ${emulator.arm}`), 'the header names the emulator backend');
  return term;
}

test('emulator: quick lookup finds channel-integrity-key and c copies its value through OSC 52', async (t) => {
  await quickLookupAndCopy(await launchOnEmulator(t));
});

test('emulator: recovering billing-old-kv brings it back with its secret invoice-api-key', async (t) => {
  await recoverDeletedVault(await launchOnEmulator(t));
});

test('emulator: deleting ase-edge01-kv is refused and the message names the lock ase-edge01-kv-lock', async (t) => {
  await lockBlocksDelete(await launchOnEmulator(t));
});

test('emulator: purging ase-edge00-kv is refused with the reason and the purge date', async (t) => {
  await purgeProtectionRefusal(await launchOnEmulator(t));
});

// Issue 5, faults: an unreliable, slow service (a fifth of all requests answered 500/503, 40 ms on each)
// must not break the console: the SDK's retry policy absorbs the failures and the user's keys still work.
test('emulator with injected faults and latency: quick lookup, copy and a vault recovery still succeed', async (t) => {
  const term = await launchOnEmulator(t, { faultRate: 0.2, faultSeed: 7, latencyMs: 40 });
  await quickLookupAndCopy(term); // c copies and closes the lookup
  await recoverDeletedVault(term);
});
