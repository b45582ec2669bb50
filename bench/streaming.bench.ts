/**
 * Lists as pages arrive (issue 12, "Performance"): the real binary in a real pty (bench/pty.ts) against
 * `kvdeck serve --latency 40 --perf-estate --perf 10000` in its own process — 200 vaults × 250 secrets
 * (estate-NNN-kv) plus perf-kv with 10,000, beside the demo's vaults. Figures, medians of several fresh
 * console processes (the machine's load average is printed with them):
 *  - console start to the vaults list, against its floor: the same binary's cold start on the demo engine
 *    (no network, run in turn with it) + two round trips (subscriptions, then each subscription's vaults).
 *    Goal ≤ 1.5× the floor.
 *  - first rows of perf-kv (10,000 secrets, 400 pages of 25) on screen after pane 2 is opened. Goal ≤ 0.3 s.
 *  - Ctrl-P to the first match of a name only estate-137-kv holds, with estate-137-kv and perf-kv the
 *    vaults opened most recently (so the big vault is read from the start too). Goal ≤ 1 s.
 *    Also, for scale, with no vault opened recently: a name of estate-198-kv (it comes when its turn
 *    does) and the index complete (perf-kv, read last, ends last: its 400 pages start late).
 *  - Ctrl-P index complete, against its floor: the longest vault's sequential pages × latency, or every
 *    listing request ÷ concurrency × latency, whichever is larger (counted here from the same seed).
 *    Goal ≤ 1.3× the floor.
 *  - idle console: bytes written to the terminal in 5 s at rest on the vaults list, and on pane 2 with
 *    perf-kv's 10,000 secrets listed. Goal 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMemoryBackend } from '../source/backend/memory/index.js';
import { createEngine, DEFAULT_ESTATE, DEMO } from '../source/engine/index.js';
import { estateSecretName, estateVaultName } from '../source/engine/seed/estate.js';
import { openPty, type PtyRun } from './pty.js';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const BUNDLE = join(ROOT, 'dist/kvdeck.js');
const LATENCY = 40;
const BIG = 10_000;
const CONCURRENCY = 16; // the Azure backend's default bound (request-gate.ts)
const PAGE = 25; // Key Vault's largest page
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SMALL = 137;
const UNOPENED = 198;

if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first.`);

const median = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg()[0].toFixed(1);

// ───────────────────────── the emulator, its own process ─────────────────────────

const dir = mkdtempSync(join(tmpdir(), 'kvdeck-stream-bench-'));
const readyFile = join(dir, 'ready.json');
const serveArgs = ['serve', '--port', '0', '--cert-dir', join(tmpdir(), 'kvdeck-test-certs'), '--ready-file', readyFile,
  '--latency', String(LATENCY), '--perf-estate', '--perf', String(BIG)];
const emulator: ChildProcess = spawn(NODE, [BUNDLE, ...serveArgs], { stdio: 'ignore' });
process.on('exit', () => { emulator.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); });
while (!existsSync(readyFile)) {
  if (emulator.exitCode !== null) throw new Error(`kvdeck serve exited (${emulator.exitCode}); run it by hand: node dist/kvdeck.js ${serveArgs.join(' ')}`);
  await sleep(5);
}
const emu = JSON.parse(readFileSync(readyFile, 'utf8')) as { arm: string; caCert: string };
const consoleArgs = ['--emulator', emu.arm, '--ca', emu.caCert];

// ───────────────────────── the floors, counted from the same seed ─────────────────────────

const engine = createEngine({ seed: 'demo', perf: BIG, estate: DEFAULT_ESTATE });
const backend = createMemoryBackend(engine);
const vaults = await backend.vaults.list();
/** Pages of 25 a listing takes (a refused or empty listing is still one request). */
const pagesOf = async (list: (token?: string) => Promise<{ continuationToken?: string }>) => {
  let pages = 0;
  let token: string | undefined;
  do { pages++; token = await list(token).then((p) => p.continuationToken, () => undefined); } while (token);
  return pages;
};
let requests = 0;
let longest = 0;
for (const v of vaults) {
  const secrets = await pagesOf((t) => backend.secrets.listPage(v, { maxPageSize: PAGE, continuationToken: t }));
  const certificates = await pagesOf((t) => backend.certificates.listPage(v, { maxPageSize: PAGE, continuationToken: t }));
  requests += secrets + certificates;
  longest = Math.max(longest, secrets, certificates);
}
const chainFloor = longest * LATENCY;
const fanFloor = (requests / CONCURRENCY) * LATENCY;
const indexFloor = Math.max(chainFloor, fanFloor);
const subscriptionOf = (name: string) => vaults.find((v) => v.name === name)!.subscriptionId;
const recent = [
  { name: estateVaultName(SMALL), subscriptionId: subscriptionOf(estateVaultName(SMALL)) },
  { name: DEMO.vaults.perf, subscriptionId: subscriptionOf(DEMO.vaults.perf) },
];

// ───────────────────────── figures ─────────────────────────

interface Row { figure: string; value: string; goal: string; ok?: boolean; note?: string }
const rows: Row[] = [];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;

/** The vault list is on screen: the first estate vault's row and the footer. */
const VAULT_LIST = ['estate-000-kv', 'q quit'];
const startConsole = (settings?: Record<string, unknown>) => openPty({ args: consoleArgs, ready: VAULT_LIST, settings });

/** Presses keys and resolves with the time they were written. */
const press = (run: PtyRun, keys: string) => { const t = performance.now(); run.write(keys); return t; };

async function startFigures(): Promise<void> {
  const ratios: number[] = [];
  const starts: number[] = [];
  const colds: number[] = [];
  const loads: string[] = [load()];
  for (let i = 0; i < RUNS + 1; i++) {
    // In turn, so a drift in the machine's speed moves both sides of each ratio alike; the first pair warms up.
    const cold = await openPty({ args: [], ready: ['contoso-shared-kv', 'q quit'] });
    cold.stop();
    await sleep(150);
    const run = await startConsole();
    run.stop();
    await sleep(150);
    if (i === 0) continue;
    colds.push(cold.firstFrameMs);
    starts.push(run.firstFrameMs);
    ratios.push(run.firstFrameMs / (cold.firstFrameMs + 2 * LATENCY));
  }
  loads.push(load());
  rows.push({ figure: 'console start to the vaults list (emulator)', value: ms(median(starts)), goal: '', note: `load ${loads.join('→')}` });
  rows.push({ figure: '  floor: cold start on the demo engine + 2 round trips', value: `${ms(median(colds))} + ${2 * LATENCY} ms`, goal: '' });
  rows.push({ figure: '  start ÷ floor, pair by pair', value: `${median(ratios).toFixed(2)}×`, goal: '≤ 1.5×', ok: median(ratios) <= 1.5, note: `range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` });
}

/** Opens perf-kv in pane 2: filter the vault list to it, keep the filter (it is selected), then 2. */
async function openBigVault(run: PtyRun): Promise<number> {
  run.write('/');
  await run.waitScreen((sc) => sc.includes('keep'), 'the filter line', 10_000);
  run.write(DEMO.vaults.perf);
  await run.waitScreen((sc) => /^\/perf-kv/m.test(sc) && /^\s*\S*\s*perf-kv\s/m.test(sc.split('\n').slice(5).join('\n')), 'perf-kv alone in the list', 10_000);
  run.write('\r');
  await sleep(100);
  const t = press(run, '2');
  const at = await run.waitScreen((sc) => sc.includes('perf-secret-0000000'), 'perf-kv\'s first row', 60_000);
  return at - t;
}

async function firstRowsFigure(): Promise<void> {
  const times: number[] = [];
  const loads: string[] = [load()];
  for (let i = 0; i < RUNS; i++) {
    const run = await startConsole();
    await sleep(300); // locks and the rest of the start settle
    times.push(await openBigVault(run));
    if (i === RUNS - 1) await idleFigure(run, 'idle on pane 2 with perf-kv\'s 10,000 secrets listed', (sc) => /10,000 secrets/.test(sc));
    run.stop();
    await sleep(150);
  }
  loads.push(load());
  rows.push({ figure: 'first rows of perf-kv (10,000 secrets) on screen', value: ms(median(times)), goal: '≤ 300 ms', ok: median(times) <= 300, note: `range ${ms(Math.min(...times))}–${ms(Math.max(...times))}; load ${loads.join('→')}` });
}

/** The lookup's result row for a name: the name, then its vault further along the line. */
const resultRow = (name: string, vault: string) => (sc: string) => sc.split('\n').some((l) => l.includes(name) && l.includes(vault) && !l.includes('›'));
const INDEX_COMPLETE = /of [\d,]+ in every vault/;

async function lookupFigures(): Promise<void> {
  const firsts: number[] = [];
  const completes: number[] = [];
  const loads: string[] = [load()];
  const settings = { recentVaults: recent, lastVault: recent[0] };
  for (let i = 0; i < RUNS; i++) {
    const run = await startConsole(settings);
    await sleep(300);
    const name = estateSecretName(SMALL, 200); // on its vault's ninth page
    const t = press(run, '\u0010');
    run.write(name);
    const first = await run.waitScreen(resultRow(name, estateVaultName(SMALL)), `${name} found`, 60_000);
    firsts.push(first - t);
    const complete = await run.waitScreen((sc) => INDEX_COMPLETE.test(sc), 'the index complete', 120_000);
    completes.push(complete - t);
    if (i === RUNS - 1) {
      run.write('\u001b');
      await idleFigure(run, 'idle on the vaults list', (sc) => sc.includes('vaults across subscriptions') && !sc.includes('Find a secret'));
    }
    run.stop();
    await sleep(150);
  }
  loads.push(load());
  rows.push({ figure: `Ctrl-P to the first match in ${estateVaultName(SMALL)} (opened recently, as perf-kv)`, value: ms(median(firsts)), goal: '≤ 1000 ms', ok: median(firsts) <= 1000, note: `range ${ms(Math.min(...firsts))}–${ms(Math.max(...firsts))}; load ${loads.join('→')}` });
  rows.push({ figure: 'Ctrl-P index complete', value: s(median(completes)), goal: `≤ ${s(1.3 * indexFloor)}`, ok: median(completes) <= 1.3 * indexFloor, note: `${(median(completes) / indexFloor).toFixed(2)}× the floor; range ${s(Math.min(...completes))}–${s(Math.max(...completes))}` });
  rows.push({ figure: `  floor: max(longest listing ${longest} pages × ${LATENCY} ms, ${requests} requests ÷ ${CONCURRENCY} × ${LATENCY} ms)`, value: s(indexFloor), goal: '', note: `${s(chainFloor)} vs ${s(fanFloor)}` });

  // For scale, with no vault opened recently: a vault comes when its turn does (vaults are read in the
  // vault list's order, each listing's pages in sequence), and perf-kv, read last, finishes last.
  const unopened: number[] = [];
  const unopenedComplete: number[] = [];
  const unopenedLoads: string[] = [load()];
  for (let i = 0; i < Math.min(3, RUNS); i++) {
    const run = await startConsole();
    await sleep(300);
    const name = estateSecretName(UNOPENED, 200);
    const t = press(run, '\u0010');
    run.write(name);
    unopened.push(await run.waitScreen(resultRow(name, estateVaultName(UNOPENED)), `${name} found`, 60_000) - t);
    unopenedComplete.push(await run.waitScreen((sc) => INDEX_COMPLETE.test(sc), 'the index complete', 120_000) - t);
    run.stop();
    await sleep(150);
  }
  unopenedLoads.push(load());
  rows.push({ figure: `  … no vault opened recently: a name of ${estateVaultName(UNOPENED)}`, value: ms(median(unopened)), goal: '(informative)', note: `range ${ms(Math.min(...unopened))}–${ms(Math.max(...unopened))}; load ${unopenedLoads.join('→')}` });
  rows.push({ figure: '  … no vault opened recently: index complete (perf-kv read last)', value: s(median(unopenedComplete)), goal: '(informative)', note: `${(median(unopenedComplete) / indexFloor).toFixed(2)}× the floor; range ${s(Math.min(...unopenedComplete))}–${s(Math.max(...unopenedComplete))}` });
}

/** Waits for the screen to show `settled`, lets it come to rest, then counts what is written in 5 s. */
async function idleFigure(run: PtyRun, figure: string, settled: (screen: string) => boolean): Promise<void> {
  await run.waitScreen(settled, figure, 60_000);
  await sleep(1000);
  const before = run.bytes();
  await sleep(5000);
  const written = run.bytes() - before;
  rows.push({ figure: `${figure}: bytes written in 5 s`, value: String(written), goal: '0', ok: written === 0 });
}

const PHASES = new Set((process.env.BENCH_PHASES ?? 'start,rows,lookup').split(','));
if (PHASES.has('start')) await startFigures();
if (PHASES.has('rows')) await firstRowsFigure();
if (PHASES.has('lookup')) await lookupFigures();

console.log(`kvdeck against kvdeck serve --latency ${LATENCY} --perf-estate --perf ${BIG}: ${vaults.length} vaults, ${RUNS} runs each (2 cores, load average shown)`);
const head = ['figure', 'median', 'goal', '', 'notes'];
const body = rows.map((r) => [r.figure, r.value, r.goal, r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED', r.note ?? '']);
const widths = head.map((_, i) => Math.max(head[i].length, ...body.map((b) => b[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(head));
for (const b of body) console.log(line(b));
process.exit(0);
