/**
 * The optional state file. Loads at start (a missing file means "start from the seed"; an unreadable
 * or corrupt one is reported and never overwritten) and saves every change atomically: write a
 * temporary file in the same directory, fsync it, rename it over the state file, fsync the directory.
 *
 * Saves are coalesced (many changes, one save) and the snapshot is captured in time slices of a few
 * milliseconds so reads keep flowing. A change during capture restarts it (the file must hold one
 * consistent state); after two restarts the capture is done in one go.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EngineCore } from './core.js';
import type { Engine } from './engine.js';
import { seedDemoRoles } from './seed/demo-roles.js';
import { parseState, serializeState } from './state-codec.js';
import { changeSignalSink } from './store/sink.js';

export const STATE_FILE_MODE = 0o600;
const SLICE_MS = 4;
const COALESCE_MS = 20;
const WRITE_CHUNK = 1 << 20;

const tempPrefix = (path: string) => `.${basename(path)}.`;

/** Reads the state file into core.state. False when it does not exist; throws a plain Error when unusable. */
export async function loadOrSeed(core: EngineCore, path: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new Error(`kvdeck cannot read its state file ${path}: ${(e as Error).message}. The file was left untouched.`);
  }
  let rolesMissing: boolean;
  try {
    ({ store: core.state, rolesMissing } = parseState(text));
  } catch (e) {
    throw new Error(
      `kvdeck's state file ${path} is corrupt or not a kvdeck state file (${(e as Error).message}). It was left untouched: move it away or fix it, then start again.`,
    );
  }
  // A file from before role assignments: any principal could manage anything then. Grant the demo's
  // roles to the demo's principals still there, rather than lock everyone out of their own state.
  if (rolesMissing) seedDemoRoles(core);
  await removeStaleTemps(path);
  return true;
}

/** Temporary files left by a save that was killed half-way. */
async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = tempPrefix(path);
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    if (f.startsWith(prefix) && f.endsWith('.tmp')) await unlink(join(dir, f)).catch(() => {});
  }
}

/** Captures the state as text pieces, yielding between slices; undefined when a change interrupted it. */
async function capture(core: EngineCore, generation: () => number, sliced: boolean): Promise<string[] | undefined> {
  const start = generation();
  const audit = core.state.audit.all().slice(); // reads append to the log without a change signal
  const chunks: string[] = [];
  let buf: string[] = [];
  let size = 0;
  let sliceStart = performance.now();
  let n = 0;
  for (const piece of serializeState(core.state, audit, core.now())) {
    buf.push(piece);
    size += piece.length;
    if (size >= WRITE_CHUNK) {
      chunks.push(buf.join(''));
      buf = [];
      size = 0;
    }
    if (sliced && (++n & 255) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      if (generation() !== start) return undefined;
      sliceStart = performance.now();
    }
  }
  chunks.push(buf.join(''));
  return chunks;
}

async function writeAtomically(path: string, chunks: string[]): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `${tempPrefix(path)}${process.pid}.${Date.now().toString(36)}.tmp`);
  const fh = await open(tmp, 'wx', STATE_FILE_MODE);
  try {
    for (const c of chunks) await fh.write(c);
    await fh.chmod(STATE_FILE_MODE);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  await rename(tmp, path);
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

export interface PersistenceOptions {
  /** Write at once (a state file that did not exist yet). */
  saveNow?: boolean;
  onError?: (e: Error) => void;
}

/** Saves the engine's state to `path` after every change; sets engine.flush and engine.close. */
export function attachPersistence(engine: Engine, path: string, options: PersistenceOptions = {}): void {
  const core = engine.core;
  let generation = 0;
  let savedGeneration = options.saveNow ? -1 : 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let lastError: Error | undefined;
  const onError = options.onError ?? ((e: Error) => console.error(`kvdeck: saving ${path} failed: ${e.message}`));

  async function saveLoop(): Promise<void> {
    let restarts = 0;
    while (savedGeneration !== generation) {
      const target = generation;
      const chunks = await capture(core, () => generation, restarts < 2);
      if (!chunks) {
        restarts++;
        continue;
      }
      restarts = 0;
      await writeAtomically(path, chunks);
      savedGeneration = target;
    }
  }

  function start(): void {
    timer = undefined;
    if (running) return;
    running = saveLoop()
      .then(() => { lastError = undefined; })
      .catch((e: Error) => {
        lastError = e;
        onError(e);
      })
      .finally(() => {
        running = undefined;
        // After a failure, retry later rather than in a hot loop (disk full, directory gone).
        if (savedGeneration !== generation && !closed) schedule(lastError ? 1000 : COALESCE_MS);
      });
  }

  function schedule(delay = COALESCE_MS): void {
    if (!timer && !running) timer = setTimeout(start, delay);
  }

  // Every change the store's tables make (audit rows aside) bumps the generation and schedules a save.
  core.state.sink = changeSignalSink(() => core.changed());
  const unsubscribe = core.onChange(() => {
    generation++;
    if (!closed) schedule();
  });

  engine.flush = async () => {
    while (savedGeneration !== generation || running || timer) {
      if (timer) clearTimeout(timer);
      if (!running) start();
      await running;
      if (lastError) throw lastError;
    }
  };
  engine.close = async () => {
    await engine.flush();
    closed = true;
    unsubscribe();
  };

  if (options.saveNow) start();
}
