/**
 * Faults through the emulator's fault injection: the Azure backend keeps working (the SDK's retry
 * policy, Retry-After honoured), reports throttling while it happens, and times out or cancels.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createAzureBackend, type AzureActivity, type AzureBackendExtras } from '../../source/backend/azure/index.js';
import { KeyVaultError } from '../../source/domain/errors.js';
import { startEmulator, type EmulatorOptions } from '../../source/emulator/index.js';

process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));

async function withEmulator(faults: EmulatorOptions, extras: AzureBackendExtras, fn: (b: Awaited<ReturnType<typeof createAzureBackend>>) => Promise<void>) {
  const emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')), ...faults });
  const b = await createAzureBackend({ emulator: emu.arm, ca: emu.caCertPath }, extras);
  try {
    await fn(b);
  } finally {
    await b.close?.();
    await emu.close();
  }
}

const appRef = (b: { vaultRefFor(n: string): import('../../source/domain/vault.js').VaultRef }) => b.vaultRefFor('contoso-app-kv');

describe('azure backend under faults', () => {
  it('keeps answering with 30% of requests failing 500/503 and latency, through retries', async () => {
    await withEmulator({ faultRate: 0.3, faultSeed: 7, latencyMs: 5 }, { retry: { maxRetries: 6, retryDelayInMs: 5, maxRetryDelayInMs: 50 } }, async (b) => {
      for (let i = 0; i < 15; i++) assert.ok((await b.secrets.get(appRef(b), 'sql-admin-password')).value);
      assert.ok(b.stats.transientFailures > 0, 'some requests failed and were retried');
    });
  });

  it('reports throttling while it waits out Retry-After, then succeeds', async () => {
    const seen: AzureActivity[] = [];
    // 6 allowed per window (1 s here, 10 s on Azure); the sign-in challenge is one request, so the 6th get
    // is throttled once and waits out Retry-After (1 s, its floor).
    await withEmulator({ throttle: 6, throttleWindowMs: 1000 }, { onActivity: (a) => seen.push(a) }, async (b) => {
      for (let i = 0; i < 6; i++) assert.ok((await b.secrets.get(appRef(b), 'sql-admin-password')).value);
      const throttled = seen.filter((a) => a.kind === 'throttled');
      assert.ok(throttled.length > 0, 'throttling was reported');
      assert.ok(throttled.every((a) => a.kind === 'throttled' && (a.retryAfterSeconds ?? 0) >= 1));
      assert.equal(b.stats.throttled, throttled.length);
    });
  });

  it('without retries left, a throttled call is a 429 KeyVaultError carrying Retry-After', async () => {
    // The first get is two requests (the 401 challenge, then the call): the second get is over the limit.
    await withEmulator({ throttle: 2 }, { retry: { maxRetries: 0 } }, async (b) => {
      await b.secrets.get(appRef(b), 'sql-admin-password');
      const e = await b.secrets.get(appRef(b), 'sql-admin-password').then(() => undefined, (x: unknown) => x);
      assert.ok(e instanceof KeyVaultError);
      assert.equal(e.status, 429);
      assert.equal(e.code, 'Throttled');
      assert.ok((e.retryAfterSeconds ?? 0) >= 1);
    });
  });

  it('a call slower than the timeout is a 408 RequestTimeout; a cancelled call rejects with AbortError', async () => {
    await withEmulator({ latencyMs: 400 }, { timeoutMs: 100, retry: { maxRetries: 0 } }, async (b) => {
      await assert.rejects(b.secrets.get(appRef(b), 'sql-admin-password'), (e: unknown) => e instanceof KeyVaultError && e.status === 408 && e.code === 'RequestTimeout');
      const ac = new AbortController();
      const p = b.secrets.get(appRef(b), 'sql-admin-password', undefined, { signal: ac.signal });
      setTimeout(() => ac.abort(), 20);
      await assert.rejects(p, (e: unknown) => (e as Error).name === 'AbortError');
      const entries = await b.audit.query({ operation: 'SecretGet' });
      assert.ok(entries.some((x) => x.resultCode === 408));
    });
  });
});
