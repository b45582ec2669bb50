/** The engine's entry points: createEngine (in memory) and openEngine (with an optional state file). */
import type { Clock } from './clock.js';
import { Engine } from './engine.js';
import { attachPersistence, loadOrSeed } from './persistence.js';
import { seedDemo } from './seed/demo.js';
import { seedEstate, type EstateSize } from './seed/estate.js';
import { seedPerf } from './seed/perf.js';

export { Engine } from './engine.js';
export { DEMO } from './seed/demo-ids.js';
export { DEFAULT_ESTATE, type EstateSize } from './seed/estate.js';
export { ensureMinimalDirectory, MINIMAL_RESOURCE_GROUP } from './seed/minimal.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export type { CallContext } from './call-context.js';

export interface CreateEngineOptions {
  clock?: Clock;
  vaultUri?: (name: string) => string;
  /** Default 'demo'. */
  seed?: 'demo' | 'empty';
  /** Adds the perf-kv vault with this many generated secrets. */
  perf?: number;
  /** Adds an estate of small generated vaults (seed/estate.ts), for benchmarks. */
  estate?: EstateSize;
  /** A state file: only openEngine reads and writes it. */
  statePath?: string;
}

/** The generated data of --perf and --perf-estate, after the seed. */
function seedGenerated(engine: Engine, options: CreateEngineOptions): void {
  if (options.perf && options.perf > 0) seedPerf(engine.core, options.perf);
  if (options.estate && options.estate.vaults > 0) seedEstate(engine.core, options.estate);
}

function seeded(options: CreateEngineOptions): Engine {
  const engine = new Engine({ clock: options.clock, vaultUri: options.vaultUri });
  if ((options.seed ?? 'demo') === 'demo') seedDemo(engine.core);
  seedGenerated(engine, options);
  return engine;
}

/** An in-memory engine (no state file). */
export function createEngine(options: CreateEngineOptions = {}): Engine {
  if (options.statePath) throw new Error('createEngine keeps state in memory only; use openEngine for a state file.');
  return seeded(options);
}

/**
 * An engine, with the state file when statePath is given: a missing file starts from the seed (and
 * is written at once); an unreadable or corrupt file is reported and never overwritten (this throws).
 */
export async function openEngine(options: CreateEngineOptions = {}): Promise<Engine> {
  if (!options.statePath) return seeded(options);
  const engine = new Engine({ clock: options.clock, vaultUri: options.vaultUri });
  const loaded = await loadOrSeed(engine.core, options.statePath);
  if (!loaded) {
    if ((options.seed ?? 'demo') === 'demo') seedDemo(engine.core);
    seedGenerated(engine, options);
  }
  attachPersistence(engine, options.statePath, { saveNow: !loaded });
  return engine;
}
