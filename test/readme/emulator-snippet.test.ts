/**
 * Issue 4's acceptance, literally: a new user starts `kvdeck serve`, pastes the README's snippet into a
 * Node script, and sets and reads a secret. The snippet is taken from README.md as written (only the
 * port and the CA path are the user's own), and run against the built binary's emulator.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const node = join(root, 'node_modules/.bin/node');

function readmeSnippet(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Local Key Vault emulator'));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  assert.ok(m, 'the emulator section has a js snippet');
  return m[1];
}

test('the README emulator snippet, pasted into a script, sets and reads a secret', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-readme-'));
  const ready = join(dir, 'ready.json');
  const server = spawn(node, [join(root, 'dist/kvdeck.js'), 'serve', '--port', '0', '--cert-dir', join(dir, 'certs'), '--ready-file', ready], { stdio: 'ignore' });
  // The script lives inside the project so `import … from 'kvdeck'` resolves to this package.
  const script = join(root, `.readme-snippet-${process.pid}.mjs`);
  t.after(() => {
    server.kill('SIGTERM');
    rmSync(script, { force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  for (let i = 0; i < 200 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 50));
  const info = JSON.parse(readFileSync(ready, 'utf8')) as { port: number; caCert: string };

  const snippet = readmeSnippet();
  assert.match(snippet, /8443/, 'the snippet uses the documented port');
  const ours = snippet
    .replaceAll('8443', String(info.port))
    .replace(/caCert: '[^']*'/, `caCert: ${JSON.stringify(info.caCert)}`);
  writeFileSync(script, ours);
  const { stdout } = await promisify(execFile)(node, [script], { cwd: root, timeout: 30_000 });
  assert.equal(stdout.trim(), 'world');
});
