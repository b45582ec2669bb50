/** The real binary (the dist bundle) as a child process, for the one-shot command tests. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
