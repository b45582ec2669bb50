/**
 * kvdeck in a real pseudo-terminal for the console benches: script(1) gives it a 120×34 pty; the output is
 * read as it comes (no polling), so "first full frame" is timed to the millisecond. A headless xterm
 * replays the output, so a figure can wait for what is *on screen* (Ink's incremental rendering writes
 * only the changed part of a line: a counter or a row that changes in place is never whole in the raw
 * stream). Every started kvdeck is stopped at exit, even when a step failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import xtermModule from '@xterm/headless';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const BUNDLE = join(ROOT, 'dist/kvdeck.js');
export const COLS = 120;
export const ROWS = 34;
const xterm = (xtermModule as unknown as { default?: typeof xtermModule }).default ?? xtermModule;

/** Escape sequences out, text in. */
export const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Z0-9]|\u001b[=>78]/g, '');

/** Stops every kvdeck still running, even when a step failed. */
const running = new Set<() => void>();
const cleanups: (() => void)[] = [];
process.on('exit', () => {
  for (const stop of [...running]) stop();
  for (const c of cleanups) try { c(); } catch { /* leave it */ }
});

export interface PtyRun {
  /** From spawn until the `ready` texts were all in the output. */
  firstFrameMs: number;
  write(s: string): void;
  /** Waits for text in the raw output written from now on. */
  waitFor(text: string, ms?: number): Promise<void>;
  /**
   * Waits until the screen (as a terminal shows it) passes `test`; resolves with the time the output
   * that made it pass arrived (performance.now()), not when the check ran.
   */
  waitScreen(test: (screen: string) => boolean, what: string, ms?: number): Promise<number>;
  /** The screen as text, one line per row. */
  screen(): Promise<string>;
  /** Bytes kvdeck wrote to the terminal so far. */
  bytes(): number;
  pid(): number;
  stop(): void;
}

export interface PtyOptions {
  /** kvdeck's arguments. */
  args?: string[];
  /** Texts that must all have been written before the run counts as started. */
  ready: string[];
  /** Settings written to kvdeck's settings file before it starts (recent vaults, the last vault, …). */
  settings?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
}

/** Starts kvdeck under script(1) and resolves when every `ready` text has been written. */
export async function openPty(o: PtyOptions): Promise<PtyRun> {
  // Fresh settings each run: a remembered pane would change what the first frame is.
  const config = mkdtempSync(join(tmpdir(), 'kvdeck-bench-'));
  if (o.settings) {
    mkdirSync(join(config, 'kvdeck'), { recursive: true });
    writeFileSync(join(config, 'kvdeck', 'settings.json'), JSON.stringify(o.settings));
  }
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: config, ...o.env };
  delete env.NO_COLOR;
  delete env.NODE_TEST_CONTEXT;
  delete env.KVDECK_CONFIG_DIR;
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const cmd = `stty cols ${COLS} rows ${ROWS}; exec ${NODE} ${BUNDLE} ${(o.args ?? []).map(quote).join(' ')}`;
  const t0 = performance.now();
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'], detached: true });
  const kvdeckPid = () => {
    const pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    if (!(pid > 1)) throw new Error('kvdeck is not running under script');
    return pid;
  };
  const stop = () => {
    running.delete(stop);
    // kvdeck runs in script's new session: signal it and script separately.
    try { process.kill(kvdeckPid(), 'SIGTERM'); } catch { /* not started or gone */ }
    if (child.pid) try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    // The app may still be writing its settings as it quits: remove the directory at exit.
    cleanups.push(() => rmSync(config, { recursive: true, force: true }));
  };
  running.add(stop);

  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, convertEol: true });
  let seen = '';
  let bytes = 0;
  const listeners = new Set<() => void>();
  const screenListeners = new Set<(at: number) => void>();
  const screenText = () => {
    const lines: string[] = [];
    for (let y = 0; y < ROWS; y++) lines.push(term.buffer.active.getLine(y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  child.stdout.on('data', (d: Buffer) => {
    const at = performance.now();
    bytes += d.length;
    seen += strip(d.toString('utf8'));
    if (seen.length > 1 << 20) seen = seen.slice(-(1 << 19));
    for (const l of listeners) l();
    term.write(d, () => { for (const l of screenListeners) l(at); });
  });
  const waitFor = (text: string, ms = 30_000) => new Promise<void>((res, rej) => {
    const check = () => { if (seen.includes(text)) { listeners.delete(check); clearTimeout(timer); res(); } };
    const timer = setTimeout(() => { listeners.delete(check); rej(new Error(`kvdeck did not show "${text}" within ${ms} ms; it showed: ${JSON.stringify(seen.slice(-1500))}`)); }, ms);
    listeners.add(check);
    check();
  });
  const waitScreen = (test: (screen: string) => boolean, what: string, ms = 60_000) => new Promise<number>((res, rej) => {
    const check = (at: number) => {
      if (!test(screenText())) return;
      screenListeners.delete(check);
      clearTimeout(timer);
      res(at);
    };
    const timer = setTimeout(() => { screenListeners.delete(check); rej(new Error(`kvdeck did not show ${what} within ${ms} ms; the screen:\n${screenText()}`)); }, ms);
    screenListeners.add(check);
    // What is on screen already counts (at once, as of now).
    term.write('', () => check(performance.now()));
  });
  try {
    await Promise.all(o.ready.map((t) => waitFor(t)));
  } catch (e) {
    stop();
    throw e;
  }
  const firstFrameMs = performance.now() - t0;
  return {
    firstFrameMs,
    write: (s) => child.stdin.write(s),
    waitFor: async (text, ms) => { seen = ''; await waitFor(text, ms); },
    waitScreen,
    screen: () => new Promise((res) => term.write('', () => res(screenText()))),
    bytes: () => bytes,
    // script's child is kvdeck itself (exec).
    pid: kvdeckPid,
    stop,
  };
}

/** Starts kvdeck (with `--perf N` when N > 0) and resolves when the vault list is on screen. */
export function startInPty(perf: number): Promise<PtyRun> {
  // The vault list is drawn when its last row (perf-kv, sorted last) and the footer are there.
  return openPty({ args: perf ? ['--perf', String(perf)] : [], ready: [perf ? 'perf-kv' : 'contoso-shared-kv', 'q quit'] });
}

export function memoryMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}
