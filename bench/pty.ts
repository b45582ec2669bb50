/**
 * kvdeck in a real pseudo-terminal for the console bench: script(1) gives it a 120×34 pty; the output is
 * read as it comes (no polling), so "first full frame" is timed to the millisecond. Every started
 * kvdeck is stopped at exit, even when a step failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const BUNDLE = join(ROOT, 'dist/kvdeck.js');
export const COLS = 120;
export const ROWS = 34;

/** Escape sequences out, text in. */
export const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Z0-9]|\u001b[=>78]/g, '');

/** Stops every kvdeck still running, even when a step failed. */
const running = new Set<() => void>();
const cleanups: (() => void)[] = [];
process.on('exit', () => {
  for (const stop of [...running]) stop();
  for (const c of cleanups) try { c(); } catch { /* leave it */ }
});

export interface PtyRun { firstFrameMs: number; write(s: string): void; waitFor(text: string, ms?: number): Promise<void>; pid(): number; stop(): void }

/** Starts kvdeck (with `--perf N` when N > 0) under script(1) and resolves when the vault list is on screen. */
export async function startInPty(perf: number): Promise<PtyRun> {
  // Fresh settings each run: a remembered pane would change what the first frame is.
  const config = mkdtempSync(join(tmpdir(), 'kvdeck-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: config };
  delete env.NO_COLOR;
  delete env.NODE_TEST_CONTEXT;
  const cmd = `stty cols ${COLS} rows ${ROWS}; exec ${NODE} ${BUNDLE}${perf ? ` --perf ${perf}` : ''}`;
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
  let seen = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    seen += strip(d.toString('utf8'));
    if (seen.length > 1 << 20) seen = seen.slice(-(1 << 19));
    for (const l of listeners) l();
  });
  const waitFor = (text: string, ms = 20_000) => new Promise<void>((res, rej) => {
    const check = () => { if (seen.includes(text)) { listeners.delete(check); clearTimeout(timer); res(); } };
    const timer = setTimeout(() => { listeners.delete(check); rej(new Error(`kvdeck did not show "${text}" within ${ms} ms; it showed: ${JSON.stringify(seen.slice(-1500))}`)); }, ms);
    listeners.add(check);
    check();
  });
  // The vault list is drawn when its last row (perf-kv, sorted last) and the footer are there.
  try {
    await Promise.all([waitFor(perf ? 'perf-kv' : 'contoso-shared-kv'), waitFor('q quit')]);
  } catch (e) {
    stop();
    throw e;
  }
  const firstFrameMs = performance.now() - t0;
  return {
    firstFrameMs,
    write: (s) => child.stdin.write(s),
    waitFor: async (text, ms) => { seen = ''; await waitFor(text, ms); },
    // script's child is kvdeck itself (exec).
    pid: kvdeckPid,
    stop,
  };
}

export function memoryMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}
