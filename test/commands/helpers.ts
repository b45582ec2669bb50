/** The real binary (the dist bundle) as a child process, for the one-shot command tests. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../source/emulator/index.js';

export const BIN = 'dist/kvdeck.js';
/** Profiles must never leak in from the developer's own config; CI=true would change nothing here but is dropped as the console's tests do. */
export const env: NodeJS.ProcessEnv = { ...process.env, KVDECK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kvdeck-conf-')) };
delete env.CI;

/** Builds the bundle when it is missing (a `before` hook). */
export function ensureBuilt(): void {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

/** Asynchronous on purpose: the emulator runs in this process and must keep answering. */
export function kvdeck(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/**
 * Call inside a describe: an emulator on the demo seed for its tests. `flags` (filled once it runs)
 * point kvdeck at it.
 */
export function demoEmulator(): { emu: () => RunningEmulator; flags: string[] } {
  let emu: RunningEmulator | undefined;
  const flags: string[] = [];
  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
    flags.push('--emulator', emu.arm, '--ca', emu.caCertPath);
  });
  after(async () => emu?.close());
  return { emu: () => emu!, flags };
}
