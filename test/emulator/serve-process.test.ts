import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SecretClient } from '@azure/keyvault-secrets';
import { EmulatorCredential, emulatorAgent, emulatorClientOptions } from '../../source/emulator/index.js';
import { DEMO } from '../../source/engine/index.js';
import { TEST_CERT_DIR } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kvdeck-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function startServe(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'source/commands/serve-main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(path: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('kvdeck serve as a process', () => {
  it('writes the ready file, serves SDK clients, stops on SIGTERM and keeps its state across restarts', async () => {
    const ready = join(dir, 'ready.json');
    const state = join(dir, 'state.json');
    const args = ['--port', '0', '--ready-file', ready, '--cert-dir', TEST_CERT_DIR, '--state', state];
    const first = startServe(args);
    await waitFor(ready);
    const info = JSON.parse(readFileSync(ready, 'utf8'));
    assert.deepEqual(Object.keys(info).sort(), ['arm', 'caCert', 'port', 'subscriptions', 'tenantId', 'vaultSuffix']);
    assert.equal(info.arm, `https://localhost:${info.port}`);
    assert.equal(info.vaultSuffix, 'vault.localhost');
    assert.equal(info.tenantId, DEMO.tenantId);
    assert.ok(info.subscriptions.includes(DEMO.subscriptions.production));

    const agent = emulatorAgent(info);
    const client = (port: number) => new SecretClient(`https://${DEMO.vaults.app}.vault.localhost:${port}`, new EmulatorCredential({ objectId: DEMO.principals.operator }), emulatorClientOptions(info, agent));
    await client(info.port).setSecret('from-process', 'persisted');
    assert.match(first.output(), /CA certificate:/);
    assert.match(first.output(), /new SecretClient\(/);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    agent.destroy();

    rmSync(ready);
    const second = startServe(args);
    await waitFor(ready);
    const info2 = JSON.parse(readFileSync(ready, 'utf8'));
    const agent2 = emulatorAgent(info2);
    const c2 = new SecretClient(`https://${DEMO.vaults.app}.vault.localhost:${info2.port}`, new EmulatorCredential({ objectId: DEMO.principals.operator }), emulatorClientOptions(info2, agent2));
    assert.equal((await c2.getSecret('from-process')).value, 'persisted');
    agent2.destroy();
    second.child.kill('SIGINT');
    assert.equal(await second.exited, 0);
  });

  it('refuses bad flags with a usage message and exit code 2', async () => {
    const p = startServe(['--seed', 'nope']);
    assert.equal(await p.exited, 2);
    assert.match(p.output(), /--seed takes demo or empty/);
  });
});
