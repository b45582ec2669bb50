/**
 * One-shot command figures, whole process from spawn to exit (start-up and sign-in included), as a
 * script calling kvdeck would see them:
 *  - `kvdeck get` against the emulator (`kvdeck serve`, its own process), PAIRED with a bare Node HTTPS
 *    GET of the same secret (bench/bare-get.mjs: no SDK, a token in hand — the floor of the job).
 *    The two run in turn, A B A B …, and the ratio is taken pair by pair, so a drift in the machine's
 *    speed during the run moves both sides of each ratio alike. Goal: ≤ 1.2× the bare GET.
 *  - `kvdeck get` on the demo engine with --state (no network; informative).
 * Medians of RUNS pairs after WARMUP unmeasured ones; min and max show the spread. On Linux the CPU time
 * of all measured runs is also given (from /proc/self/stat's reaped-children fields, 10 ms ticks, so
 * only the sum over the runs is meaningful): unlike wall time, it hardly moves with the machine's load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '../source/engine/index.js';
import { mintToken } from '../source/emulator/token.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const BIN = 'dist/kvdeck.js';
const SECRET = `${DEMO.vaults.app}/sql-admin-password`;

if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first.`);
const dir = mkdtempSync(join(tmpdir(), 'kvdeck-oneshot-bench-'));
const env: NodeJS.ProcessEnv = { ...process.env, KVDECK_CONFIG_DIR: join(dir, 'config') };
delete env.CI;

/** CPU milliseconds (user + system) of every child this process has waited for; undefined off Linux. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th (USER_HZ ticks, 100 a second).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs a command to its exit; wall milliseconds from spawn to exit. Fails loudly on a non-zero exit. */
function timed(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0 || !out) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim()}`));
      else resolve(ms);
    });
  });
}

async function serve(): Promise<{ child: ChildProcess; arm: string; port: number; caCert: string }> {
  const ready = join(dir, 'ready.json');
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--cert-dir', join(dir, 'certs'), '--ready-file', ready], { env, stdio: 'ignore' });
  const until = Date.now() + 15_000;
  while (!existsSync(ready)) {
    if (Date.now() > until) throw new Error('the emulator did not start');
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, ...(JSON.parse(readFileSync(ready, 'utf8')) as { arm: string; port: number; caCert: string }) };
}

const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
const median = (xs: number[]) => { const s = sorted(xs); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const spread = (xs: number[], unit: string, digits = 0) => `${median(xs).toFixed(digits)}${unit} (min ${sorted(xs)[0].toFixed(digits)}, max ${sorted(xs).at(-1)!.toFixed(digits)})`;

const emu = await serve();
try {
  const kvdeckGet = [BIN, 'get', SECRET, '--emulator', emu.arm, '--ca', emu.caCert];
  const token = mintToken({ oid: DEMO.principals.operator, tid: DEMO.tenantId, aud: `https://vault.localhost:${emu.port}` });
  const bareGet = ['bench/bare-get.mjs', `https://${DEMO.vaults.app}.vault.localhost:${emu.port}/secrets/sql-admin-password`, emu.caCert, token];

  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  let cpuA = 0;
  let cpuB = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const c0 = childrenCpuMs();
    const ta = await timed(process.execPath, kvdeckGet);
    const c1 = childrenCpuMs();
    const tb = await timed(process.execPath, bareGet);
    const c2 = childrenCpuMs();
    if (i < WARMUP) continue;
    a.push(ta);
    b.push(tb);
    ratios.push(ta / tb);
    if (c0 !== undefined) {
      cpuA += c1! - c0;
      cpuB += c2! - c1!;
    }
  }

  const statePath = join(dir, 'state.json');
  const demo: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = await timed(process.execPath, [BIN, 'get', SECRET, '--state', statePath]);
    if (i >= WARMUP) demo.push(t);
  }

  const ratio = median(ratios);
  const rows: [string, string, string, string][] = [
    ['kvdeck get, emulator (A)', spread(a, ' ms'), '', ''],
    ['bare Node HTTPS GET, same secret (B)', spread(b, ' ms'), '', ''],
    ['A / B, pair by pair', spread(ratios, '×', 2), '≤ 1.2×', ratio <= 1.2 ? 'ok' : 'MISSED'],
    ...(cpuB > 0 ? [['CPU per run, A / B (all runs)', `${(cpuA / RUNS).toFixed(0)} / ${(cpuB / RUNS).toFixed(0)} ms = ${(cpuA / cpuB).toFixed(2)}×`, '≤ 1.2×', cpuA / cpuB <= 1.2 ? 'ok' : 'MISSED'] as [string, string, string, string]] : []),
    ['kvdeck get, demo engine with --state', spread(demo, ' ms'), 'informative', ''],
  ];
  console.log(`one-shot commands, process start to exit, medians of ${RUNS} (pairs run in turn: A B A B …)`);
  const w = [40, 34, 14];
  console.log(`${'figure'.padEnd(w[0])}${'median'.padEnd(w[1])}${'goal'.padEnd(w[2])}`);
  for (const [label, value, goal, ok] of rows) console.log(`${label.padEnd(w[0])}${value.padEnd(w[1])}${goal.padEnd(w[2])}${ok}`);
} finally {
  emu.child.kill('SIGTERM');
  await new Promise((r) => emu.child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
