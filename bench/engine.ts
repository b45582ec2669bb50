/**
 * Engine figures of issue 2 §5, with 100,000 secrets in one vault, in process. Each figure is the
 * median of several runs. Goals: get ≥ 200,000 ops/s, set ≥ 50,000 ops/s, full name listing ≤ 50 ms,
 * a page of 25 ≤ 1 ms, start with the demo seed ≤ 20 ms, snapshot save ≤ 1 s (and reads keep flowing).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAll } from '../source/backend/backend.js';
import { Engine } from '../source/engine/engine.js';
import { createEngine, DEMO } from '../source/engine/index.js';
import { attachPersistence } from '../source/engine/persistence.js';
import { perfSecretName, seedPerf } from '../source/engine/seed/perf.js';

const N = 100_000;
const ctx = { objectId: DEMO.principals.operator };
const vault = DEMO.vaults.perf;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: [string, string, string, boolean][] = [];
const report = (label: string, value: number, unit: string, goal: string, ok: boolean) => {
  rows.push([label, `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`, goal, ok]);
};

function timeIt(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// Engine start with the demo seed.
for (let i = 0; i < 3; i++) createEngine(); // warm the module and JIT
report('engine start (demo seed)', median(Array.from({ length: 9 }, () => timeIt(() => createEngine()))), 'ms', '≤ 20 ms', true);
rows[rows.length - 1][3] = parseFloat(rows[rows.length - 1][1]) <= 20;

const engine = createEngine({ perf: N });
const names = Array.from({ length: N }, (_, i) => perfSecretName(i));

// get ops/s
const getRuns: number[] = [];
for (let r = 0; r < 5; r++) {
  const ops = 200_000;
  const ms = timeIt(() => {
    for (let i = 0; i < ops; i++) engine.secrets.get(ctx, vault, names[(i * 7919) % N]);
  });
  getRuns.push(ops / (ms / 1000));
}
const get = median(getRuns);
report('secret get', get, 'ops/s', '≥ 200,000 ops/s', get >= 200_000);

// set ops/s (new versions of existing secrets and new names)
const setRuns: number[] = [];
for (let r = 0; r < 5; r++) {
  const ops = 50_000;
  const ms = timeIt(() => {
    for (let i = 0; i < ops; i++) engine.secrets.set(ctx, vault, i % 2 ? names[(i * 31) % N] : `bench-new-${r}-${i}`, { value: `v${i}` });
  });
  setRuns.push(ops / (ms / 1000));
}
const set = median(setRuns);
report('secret set', set, 'ops/s', '≥ 50,000 ops/s', set >= 50_000);

// Rebuild a clean 100,000-secret vault for the listing and save figures.
const fresh = createEngine({ perf: N });
const listRuns: number[] = [];
const wireListRuns: number[] = [];
for (let r = 0; r < 7; r++) {
  // The console's way: listAll with in-process pages (LIST_ALL_PAGE_SIZE).
  let t = performance.now();
  const all = await listAll(async (p) => fresh.secrets.listPage(ctx, vault, p));
  if (all.length !== N) throw new Error(`listed ${all.length}`);
  listRuns.push(performance.now() - t);
  // The wire's way (the emulator and Azure): 4,000 pages of 25.
  t = performance.now();
  let count = 0;
  let token: string | undefined;
  do {
    const p = fresh.secrets.listPage(ctx, vault, { continuationToken: token, maxPageSize: 25 });
    count += p.items.length;
    token = p.continuationToken;
  } while (token);
  if (count !== N) throw new Error(`listed ${count}`);
  wireListRuns.push(performance.now() - t);
}
const list = median(listRuns);
report('full name listing (listAll, in process)', list, 'ms', '≤ 50 ms', list <= 50);
const wireList = median(wireListRuns);
report('full listing in 4,000 pages of 25 (wire paging)', wireList, 'ms', 'informative', true);

const pageRuns: number[] = [];
let token: string | undefined;
for (let r = 0; r < 2000; r++) {
  const t = performance.now();
  const p = fresh.secrets.listPage(ctx, vault, { continuationToken: token });
  pageRuns.push(performance.now() - t);
  token = p.continuationToken;
}
const page = median(pageRuns);
report('a page of 25', page, 'ms', '≤ 1 ms', page <= 1);

// Snapshot save of 100,000 secrets, with a reader running and measuring its longest stall.
const dir = await mkdtemp(join(tmpdir(), 'kvdeck-bench-'));
const saveRuns: number[] = [];
const stallRuns: number[] = [];
for (let r = 0; r < 3; r++) {
  const e = new Engine({});
  e.core.state = fresh.core.state;
  attachPersistence(e, join(dir, `state-${r}.json`));
  let stop = false;
  let maxStall = 0;
  let last = performance.now();
  const reader = (async () => {
    let i = 0;
    while (!stop) {
      e.secrets.get(ctx, vault, names[i++ % N]);
      await new Promise((res) => setImmediate(res));
      const now = performance.now();
      maxStall = Math.max(maxStall, now - last);
      last = now;
    }
  })();
  await new Promise((res) => setTimeout(res, 20));
  maxStall = 0;
  last = performance.now();
  const t = performance.now();
  e.core.changed();
  await e.flush();
  saveRuns.push(performance.now() - t);
  stop = true;
  await reader;
  stallRuns.push(maxStall);
  await e.close();
}
await rm(dir, { recursive: true, force: true });
const save = median(saveRuns);
report('snapshot save, 100,000 secrets', save, 'ms', '≤ 1,000 ms', save <= 1000);
const stall = median(stallRuns);
report('longest read stall during the save', stall, 'ms', '< save time', stall < 1000);

const w = [38, 22, 18];
console.log(`${'figure'.padEnd(w[0])}${'median'.padEnd(w[1])}${'goal'.padEnd(w[2])}`);
for (const [label, value, goal, ok] of rows) console.log(`${label.padEnd(w[0])}${value.padEnd(w[1])}${goal.padEnd(w[2])}${ok ? 'ok' : 'MISSED'}`);
