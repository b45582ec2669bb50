/**
 * Console figures of issue 3 with `--perf 100000` (a vault of 100,000 secrets), on the real app:
 *  - cold start to first full frame: `node dist/kvdeck.js --perf 100000` in a pseudo-terminal (script(1)),
 *    timed from spawn until the vault list is drawn; median of 7 (Node's compile cache on, as the bundle
 *    sets it; also shown with it off). Goal ≤ 300 ms.
 *  - keypress to frame, in process: Ink's renderer with a fake stdout that timestamps every write, the
 *    real memory backend and engine; moving (j), paging (PgDn) and each filter keystroke in perf-kv
 *    (goal ≤ 16 ms), quick lookup per keystroke across all vaults (goal ≤ 30 ms). The time runs from the
 *    key written to stdin to the last write of the frame burst it caused (same maxFps and incremental
 *    rendering as the CLI).
 *  - the Certificates pane with 10,000 certificates in perf-kv (copies of one record, as bench/certificates.bench.ts
 *    makes them): move, page and filter keystrokes, within the same 16 ms as the other panes.
 *  - resident memory of the real process after it has shown perf-kv's secrets and a quick lookup (peak
 *    VmHWM and current VmRSS). Goal ≤ 250 MB.
 */
import { EventEmitter } from 'node:events';
import { COLS, memoryMb, ROWS, startInPty, strip } from './pty.js';

// Ink must see an interactive terminal: CI=true would make it draw only the final frame.
delete process.env.CI;
// The bench's own stdout may be a pipe: chalk would then drop colours and inverse, and moving the
// selection would change nothing on screen. Colour as a terminal would (Ink and chalk load later).
process.env.FORCE_COLOR = '3';
// As in the bundle (esbuild defines it): React's production build, not the much slower development one.
process.env.NODE_ENV = 'production';
delete process.env.NO_COLOR;

const N = 100_000;
// BENCH_PHASES=move,page,filter,certs,lookup,pty runs only those (e.g. to profile one with --cpu-prof).
const PHASES = new Set((process.env.BENCH_PHASES ?? 'pty,move,page,filter,certs,lookup').split(','));
const CERTS = 10_000;

const pct = (xs: number[], p: number) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]; };
const median = (xs: number[]) => pct(xs, 0.5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row { figure: string; median: string; p95: string; goal: string; ok: boolean; n: number; ink?: string }
const rows: Row[] = [];
const add = (figure: string, xs: number[], goal: number, unit = 'ms', ink?: number[]) => {
  rows.push({
    figure, median: `${median(xs).toFixed(1)} ${unit}`, p95: `${pct(xs, 0.95).toFixed(1)} ${unit}`, goal: `≤ ${goal} ${unit}`, ok: median(xs) <= goal, n: xs.length,
    ink: ink ? `${median(ink).toFixed(1)} ${unit}` : undefined,
  });
};

// ───────────────────────── the real process in a pseudo-terminal (bench/pty.ts) ─────────────────────────

async function coldStartAndMemory(): Promise<void> {
  const starts: number[] = [];
  for (let i = 0; i < 7; i++) {
    const run = await startInPty(N);
    starts.push(run.firstFrameMs);
    if (i < 6) { run.stop(); await sleep(100); continue; }
    // The last run goes on to the heavy screens, then its memory is read (and at each stage, to see where it goes).
    await sleep(300);
    const atStart = memoryMb(run.pid()).rss;
    run.write('G');
    await sleep(150);
    run.write('2');
    await run.waitFor('100,000 secrets');
    await sleep(300);
    const withList = memoryMb(run.pid()).rss;
    run.write('/');
    await sleep(100);
    run.write('0042');
    await run.waitFor('of 100,000');
    run.write('\u001b');
    await sleep(200);
    run.write('\u0010');
    await run.waitFor('Find a secret');
    run.write('secret-00999');
    // Incremental rendering writes only the changed part of a line, and keys typed in one burst may be
    // drawn one frame each, so the whole query need not appear in one piece: wait for part of it (or a
    // few seconds at most), then let the app settle.
    await run.waitFor('999', 5000).catch(() => {});
    await sleep(800);
    const mem = memoryMb(run.pid());
    run.stop();
    rows.push({ figure: 'resident memory, peak (VmHWM)', median: `${mem.hwm.toFixed(0)} MB`, p95: '—', goal: '≤ 250 MB', ok: mem.hwm <= 250, n: 1 });
    rows.push({ figure: 'resident memory after the tour (VmRSS)', median: `${mem.rss.toFixed(0)} MB`, p95: '—', goal: '≤ 250 MB', ok: mem.rss <= 250, n: 1 });
    rows.push({ figure: '  … 300 ms after the first frame (perf-kv being filled)', median: `${atStart.toFixed(0)} MB`, p95: '—', goal: '', ok: true, n: 1 });
    rows.push({ figure: '  … with perf-kv\'s 100,000 secrets listed (pane 2)', median: `${withList.toFixed(0)} MB`, p95: '—', goal: '', ok: true, n: 1 });
  }
  add('cold start to first full frame (--perf 100000)', starts, 300);
  // For comparison: the same without the 100,000 generated secrets (what the bundle and Ink cost alone).
  const plain: number[] = [];
  for (let i = 0; i < 5; i++) {
    const run = await startInPty(0);
    plain.push(run.firstFrameMs);
    run.stop();
    await sleep(100);
  }
  rows.push({ figure: '  … cold start without --perf (demo dataset only)', median: `${median(plain).toFixed(1)} ms`, p95: `${pct(plain, 0.95).toFixed(1)} ms`, goal: '', ok: true, n: plain.length });
  // The bundle turns on Node's on-disk compile cache (scripts/build.mjs); a first start ever, or one
  // with the cache off, compiles the console's chunk again.
  const uncached: number[] = [];
  process.env.NODE_DISABLE_COMPILE_CACHE = '1';
  for (let i = 0; i < 5; i++) {
    const run = await startInPty(N);
    uncached.push(run.firstFrameMs);
    run.stop();
    await sleep(100);
  }
  delete process.env.NODE_DISABLE_COMPILE_CACHE;
  rows.push({ figure: '  … cold start with the compile cache off (--perf 100000)', median: `${median(uncached).toFixed(1)} ms`, p95: `${pct(uncached, 0.95).toFixed(1)} ms`, goal: '', ok: true, n: uncached.length });
}

// ───────────────────────── in process: Ink with a fake terminal ─────────────────────────

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = COLS;
  rows = ROWS;
  writes: { at: number; data: string }[] = [];
  write = (data: string, cb?: () => void) => { this.writes.push({ at: performance.now(), data }); cb?.(); return true; };
  // Ink's writers may ask for these.
  cork() {}
  uncork() {}
  end() {}
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) { this.data = data; this.emit('readable'); this.emit('data', data); }
  read = () => { const d = this.data; this.data = null; return d; };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

async function inProcess(): Promise<void> {
  const [{ render }, React, { createEngine, DEMO }, { createMemoryBackend }, { App }, { createClipboard }, { memorySettings }, { COMMANDS, paneCommand }] = await Promise.all([
    import('ink'), import('react'), import('../source/engine/index.js'), import('../source/backend/memory/index.js'),
    import('../source/ui/app.js'), import('../source/ui/clipboard.js'), import('../source/ui/settings.js'), import('../source/ui/keymap/commands.js'),
  ]);
  /** The key that opens a pane (the table's default), as the terminal sends it. */
  const paneKey = (id: Parameters<typeof paneCommand>[0]) => COMMANDS[paneCommand(id)].keys[0];
  // As the console does at start (source/ui/run-console.tsx).
  (await import('../source/ui/young-generation.js')).capYoungGeneration();
  const engine = createEngine({ seed: 'demo', perf: N });
  if (PHASES.has('certs')) {
    // 10,000 certificates in perf-kv: copies of one self-signed record under other names (the list reads records only).
    const ctx = { objectId: DEMO.principals.operator };
    const source = createEngine();
    source.certificates.create(ctx, DEMO.vaults.app, 'template', { policy: { issuerName: 'Self', subject: 'CN=bench.contoso.com', subjectAlternativeNames: { dnsNames: ['bench.contoso.com'] } } });
    const record = source.core.state.vaults.get(DEMO.vaults.app)!.objects.certificate.get('template')!;
    const store = engine.core.state.vaults.get(DEMO.vaults.perf)!.objects.certificate;
    for (let i = 0; i < CERTS; i++) store.insert({ ...record, name: `cert-${String(i).padStart(5, '0')}`, versions: record.versions.map((v) => ({ ...v })) });
  }
  const backend = createMemoryBackend(engine);
  const stdout = new FakeStdout();
  const inkTimes: { at: number; ms: number }[] = [];
  let inkOfLastPress = 0;
  const stdin = new FakeStdin();
  const clipboard = createClipboard({ write: () => {}, env: {}, findTool: false, clearAfterMs: 0 });
  const ink = render(React.createElement(App, { backend, settings: memorySettings(), clipboard, initialPane: 'vaults', onQuit: () => {} }), {
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
    interactive: true, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 60,
    // Ink's own share of a frame: layout and drawing the tree into a string (React's work is the rest).
    onRender: ({ renderTime }) => inkTimes.push({ at: performance.now(), ms: renderTime }),
  });
  // A headless terminal replays the output only while waiting for something to appear (never while
  // timing a key), so the screen can be read despite incremental rendering's partial line updates.
  const xtermModule = await import('@xterm/headless');
  const xterm = (xtermModule as unknown as { default?: typeof xtermModule }).default ?? xtermModule;
  const screen = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, convertEol: true });
  let fed = 0;
  const screenText = async () => {
    const data = stdout.writes.slice(fed).map((w) => w.data).join('');
    fed = stdout.writes.length;
    await new Promise<void>((r) => screen.write(data, r));
    const lines: string[] = [];
    for (let y = 0; y < ROWS; y++) lines.push(screen.buffer.active.getLine(y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  const waitText = async (text: string, ms = 20_000) => {
    const until = performance.now() + ms;
    let last = '';
    while (!(last = await screenText()).includes(text)) {
      if (performance.now() > until) throw new Error(`in-process app did not show "${text}":\n${last}`);
      await sleep(10);
    }
  };
  /** Writes a key and returns the time until the last write of the burst it caused (quiet for 40 ms). */
  const press = async (key: string): Promise<number> => {
    await sleep(25); // idle first: Ink's frame throttle starts each burst on its leading edge
    const from = stdout.writes.length;
    const t0 = performance.now();
    stdin.write(key);
    const until = t0 + 2000;
    for (;;) {
      await sleep(2);
      const last = stdout.writes.at(-1);
      if (stdout.writes.length > from && last && performance.now() - last.at > 40) {
        if (process.env.BENCH_DEBUG) console.error(JSON.stringify(key), 'writes', stdout.writes.slice(from).map((w) => `${(w.at - t0).toFixed(1)}:${w.data.length}`).join(' '));
        inkOfLastPress = inkTimes.filter((r) => r.at >= t0 && r.at <= last.at + 1).reduce((a, r) => a + r.ms, 0);
        return last.at - t0;
      }
      if (performance.now() > until) throw new Error(`no frame after key ${JSON.stringify(key)}:\n${await screenText()}`);
    }
  };

  await waitText('perf-kv');
  await press('G');
  await press(paneKey('secrets'));
  await waitText('100,000 secrets');

  /** Presses a key, keeping the time to frame and Ink's share of it. */
  const sample = async (key: string, times: number[], ink: number[]) => { times.push(await press(key)); ink.push(inkOfLastPress); };

  const moves: number[] = [];
  const movesInk: number[] = [];
  if (PHASES.has('move')) for (let i = 0; i < 40; i++) await sample('j', moves, movesInk);
  if (moves.length) add('keypress→frame: move j (100,000 secrets)', moves, 16, 'ms', movesInk);

  const pages: number[] = [];
  const pagesInk: number[] = [];
  if (PHASES.has('page')) for (let i = 0; i < 30; i++) await sample('\u001b[6~', pages, pagesInk);
  if (pages.length) add('keypress→frame: page PgDn (100,000 secrets)', pages, 16, 'ms', pagesInk);

  const filters: number[] = [];
  const filtersInk: number[] = [];
  for (const q of PHASES.has('filter') ? ['secret-0099', '0042917', 'prf7'] : []) {
    await press('/');
    for (const ch of q) await sample(ch, filters, filtersInk);
    await press('\u001b');
    await sleep(80);
  }
  if (filters.length) add('keypress→frame: filter keystroke (100,000 secrets)', filters, 16, 'ms', filtersInk);

  // The Certificates pane of perf-kv: 10,000 certificates, the same keys and budgets.
  if (PHASES.has('certs')) {
    await press(paneKey('certificates'));
    await waitText(`${CERTS.toLocaleString('en-US')} certificates`);
    const certMoves: number[] = [];
    const certMovesInk: number[] = [];
    for (let i = 0; i < 40; i++) await sample('j', certMoves, certMovesInk);
    add(`keypress→frame: move j (${CERTS.toLocaleString('en-US')} certificates)`, certMoves, 16, 'ms', certMovesInk);
    const certPages: number[] = [];
    const certPagesInk: number[] = [];
    for (let i = 0; i < 30; i++) await sample('\u001b[6~', certPages, certPagesInk);
    add(`keypress→frame: page PgDn (${CERTS.toLocaleString('en-US')} certificates)`, certPages, 16, 'ms', certPagesInk);
    const certFilters: number[] = [];
    const certFiltersInk: number[] = [];
    for (const q of ['cert-0099', '04291']) {
      await press('/');
      for (const ch of q) await sample(ch, certFilters, certFiltersInk);
      await press('\u001b');
      await sleep(80);
    }
    add(`keypress→frame: filter keystroke (${CERTS.toLocaleString('en-US')} certificates)`, certFilters, 16, 'ms', certFiltersInk);
    await press(paneKey('secrets'));
    await waitText('100,000 secrets');
  }

  if (!PHASES.has('lookup')) { ink.unmount(); return; }
  // Quick lookup: the first open fetches every vault's names once (timed apart), then per keystroke.
  const t0 = performance.now();
  stdin.write('\u0010');
  await waitText('of 100,0');
  const lookupLoad = performance.now() - t0;
  const lookups: number[] = [];
  const lookupsInk: number[] = [];
  for (const q of ['secret-0012', 'chan']) {
    for (const ch of q) await sample(ch, lookups, lookupsInk);
    for (let i = 0; i < q.length; i++) await sample('\u007f', lookups, lookupsInk);
  }
  add('keypress→frame: quick lookup keystroke (all vaults)', lookups, 30, 'ms', lookupsInk);
  rows.push({ figure: 'quick lookup first open (fetch all names)', median: `${lookupLoad.toFixed(0)} ms`, p95: '—', goal: '(once per session)', ok: true, n: 1 });
  ink.unmount();
}

async function main(): Promise<void> {
  if (PHASES.has('pty')) await coldStartAndMemory();
  await inProcess();
  const head = ['figure', 'median', 'p95', 'goal', 'n', 'Ink draw (median)', ''];
  const body = rows.map((r) => [r.figure, r.median, r.p95, r.goal, String(r.n), r.ink ?? '—', r.ok ? 'ok' : 'MISSED']);
  const widths = head.map((_, i) => Math.max(head[i].length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`kvdeck console with --perf ${N.toLocaleString('en-US')} (${COLS}×${ROWS})`);
  console.log(line(head));
  for (const b of body) console.log(line(b));
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
