/**
 * The real binary (the dist bundle) on the Azure path, when it cannot get anywhere: a closed port is
 * named as such, and `--auth cli` without the Azure CLI says so — whether or not this machine has
 * `az` (the child gets a PATH without it).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadOrCreateTls } from '../../source/emulator/tls.js';

const BIN = 'dist/kvdeck.js';
const env: NodeJS.ProcessEnv = { ...process.env, KVDECK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kvdeck-conf-')) };
delete env.CI;

function kvdeck(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
    child.stdin.end();
  });
}

before(() => {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});

describe('kvdeck get when it cannot get anywhere', () => {
  it('names a refused connection and the vault it was for, without seconds of retries', async () => {
    const ca = (await loadOrCreateTls(mkdtempSync(join(tmpdir(), 'kvdeck-cert-')))).caCertPath;
    const r = await kvdeck(['get', 'contoso-app-kv/sql-admin-password', '--emulator', 'https://localhost:1', '--ca', ca]);
    assert.equal(r.stderr, 'kvdeck: Cannot reach https://contoso-app-kv.vault.localhost:1 (connection refused).\n');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    // Process start included; the SDK's retries alone used to take ~5 s.
    assert.ok(r.ms < 3000, `took ${r.ms.toFixed(0)} ms`);
  });

  it('--auth cli without the Azure CLI on PATH says so', async () => {
    const emptyPath = mkdtempSync(join(tmpdir(), 'kvdeck-no-az-'));
    const r = await kvdeck(['get', 'contoso-app-kv/sql-admin-password', '--auth', 'cli'], { PATH: emptyPath });
    assert.equal(r.stderr, 'kvdeck: The Azure CLI (az) is not installed or not on PATH, so --auth cli cannot sign in: install it (https://aka.ms/azure-cli) and run az login, or choose another --auth method.\n');
    assert.equal(r.code, 1);
  });
});
