/** The built `kvdeck serve` as a child process in a temporary directory, as a user starts it; stopped and cleaned after the test. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import type { EmulatorReadyInfo } from '../../source/emulator/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function serveChild(t: TestContext, prefix: string): Promise<{ info: EmulatorReadyInfo; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const ready = join(dir, 'ready.json');
  const server = spawn(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'dist/kvdeck.js'), 'serve', '--port', '0', '--seed', 'demo', '--cert-dir', join(dir, 'certs'), '--ready-file', ready], { stdio: 'ignore' });
  t.after(() => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  for (let i = 0; i < 400 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 50));
  return { info: JSON.parse(readFileSync(ready, 'utf8')) as EmulatorReadyInfo, dir };
}
