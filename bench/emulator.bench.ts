/**
 * Emulator figures (issue 4): ready time from process start, getSecret/s over HTTPS with keep-alive
 * and 16 concurrent clients (p50/p99), and RSS with 100,000 secrets. The emulator runs in its own
 * process, as users run it; the load comes from this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { emulatorAgent } from '../source/emulator/client-options.js';
import { DEMO } from '../source/engine/index.js';
import { mintToken } from '../source/emulator/token.js';

const dir = mkdtempSync(join(tmpdir(), 'kvdeck-emu-bench-'));
const certDir = join(tmpdir(), 'kvdeck-test-certs');
const bundle = join(dir, 'serve.mjs');

// The shipped CLI is an esbuild bundle; measure start-up the way users get it, not under tsx.
await build({
  entryPoints: ['source/commands/serve-main.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node22',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

interface Served { child: ChildProcess; info: { port: number; caCert: string; arm: string }; readyMs: number }

async function serve(args: string[]): Promise<Served> {
  const ready = join(dir, `ready-${Math.random().toString(36).slice(2)}.json`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle, '--port', '0', '--cert-dir', certDir, '--ready-file', ready, ...args], { stdio: 'ignore' });
  while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 2));
  const readyMs = performance.now() - t0;
  return { child, info: JSON.parse(readFileSync(ready, 'utf8')), readyMs };
}

async function stop(s: Served): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** A raw HTTPS client for one vault of a running emulator, as the demo Operator, keep-alive. */
function vaultClient(s: Served, vault: string) {
  const agent = emulatorAgent(s.info, { maxSockets: 16 });
  const token = mintToken({ oid: DEMO.principals.operator, tid: DEMO.tenantId, aud: 'https://vault.azure.net' });
  const host = `${vault}.vault.localhost`;
  const call = (method: string, path: string, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host, port: s.info.port, method, path, agent, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  return Object.assign(call, { destroy: () => agent.destroy() });
}

// 1. Ready time (warm certificates, as after the first start).
await stop(await serve([]));
const readyRuns: number[] = [];
for (let i = 0; i < 5; i++) {
  const s = await serve([]);
  readyRuns.push(s.readyMs);
  await stop(s);
}
readyRuns.sort((a, b) => a - b);
console.log(`ready from process start (bundle, demo seed): median ${readyRuns[2].toFixed(0)} ms, best ${readyRuns[0].toFixed(0)} ms, worst ${readyRuns[4].toFixed(0)} ms  (target ≤ 500 ms)`);

// 2. getSecret throughput over HTTPS, keep-alive, 16 concurrent clients.
{
  const s = await serve(['--seed', 'demo']);
  const call = vaultClient(s, DEMO.vaults.app);
  const setBody = JSON.stringify({ value: 'bench-value' });
  if ((await call('PUT', '/secrets/bench?api-version=7.6', setBody)) !== 200) throw new Error('setSecret failed');
  const path = '/secrets/bench/?api-version=7.6';
  const runFor = async (ms: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + ms;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        if ((await call('GET', path)) !== 200) errors++;
        latencies.push(performance.now() - t);
      }
    }));
    return { latencies, errors };
  };
  await runFor(1000); // warm-up: JIT and TLS sessions
  const seconds = 5;
  const { latencies, errors } = await runFor(seconds * 1000);
  latencies.sort((a, b) => a - b);
  console.log(`getSecret over HTTPS, keep-alive, 16 concurrent clients: ${(latencies.length / seconds).toFixed(0)}/s (target ≥ 4,000/s), p50 ${pct(latencies, 50).toFixed(2)} ms, p99 ${pct(latencies, 99).toFixed(2)} ms, errors ${errors}`);
  console.log(`emulator RSS after the run: ${rssMb(s.child.pid!).toFixed(0)} MB (audit log included)`);
  call.destroy();
  await stop(s);
}

// 3. Memory with 100,000 secrets.
{
  const s = await serve(['--seed', 'empty', '--perf', '100000']);
  // perf-kv fills itself lazily: a listing and a get make every one of the 100,000 secrets real first.
  const call = vaultClient(s, 'perf-kv');
  if ((await call('GET', '/secrets?api-version=7.6')) !== 200) throw new Error('listing perf-kv failed');
  if ((await call('GET', '/secrets/perf-secret-0099999/?api-version=7.6')) !== 200) throw new Error('getSecret on perf-kv failed');
  await new Promise((r) => setTimeout(r, 300));
  console.log(`RSS with 100,000 secrets (perf-kv): ${rssMb(s.child.pid!).toFixed(0)} MB (target ≤ 300 MB); ready in ${s.readyMs.toFixed(0)} ms`);
  call.destroy();
  await stop(s);
}

rmSync(dir, { recursive: true, force: true });
