/**
 * The secrets map of perf-kv, filled after the fact. Generating 100,000 records costs 150–250 ms
 * (mostly the garbage collector promoting them), which used to sit between `kvdeck --perf 100000`
 * and its first frame, although the first screen (the vault list) never looks at them.
 *
 * So the map starts empty and fills itself in small slices in the background, starting shortly after
 * it is created; any read or write before it is complete first finishes the fill synchronously, so
 * callers always see every secret. Only Map's own methods are overridden: the engine, the name index
 * and the state codec use nothing else.
 */
import type { SecretRecord, SecretVersionRecord } from '../state.js';

/** Tags are always replaced, never mutated, by the engine: one frozen empty object serves them all. */
const NO_TAGS: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** Records per background slice: ~2–5 ms, short enough not to delay a keypress noticeably. */
const SLICE = 5_000;
/** Let the console draw its first frame before the background fill starts. */
const START_AFTER_MS = 250;

export function perfSecretName(i: number): string {
  // "perf-secret-" + 7 digits (i < 10,000,000): one flat string, no padStart.
  return `perf-secret-${String(10_000_000 + i).slice(1)}`;
}

/** Deterministic, unique 32-hex-digit versions (a real set() draws random ones). */
const perfVersion = (i: number) => `${(0x10000000 + i).toString(16)}aaaaaaaaaaaaaaaaaaaaaaaa`;

export class PerfSecrets extends Map<string, SecretRecord> {
  private next = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  /** `created(i)` gives the creation time (epoch ms) of the i-th secret; `name(i)` its name (perf-secret-NNNNNNN). */
  constructor(private readonly total: number, private readonly created: (i: number) => number, private readonly name: (i: number) => string = perfSecretName) {
    super();
    if (total > 0) {
      this.timer = setTimeout(() => this.slice(), START_AFTER_MS);
      this.timer.unref?.();
    }
  }

  /** True until every generated secret is in the map. */
  get filling(): boolean {
    return this.next < this.total;
  }

  private generate(until: number): void {
    const set = Map.prototype.set;
    for (let i = this.next; i < until; i++) {
      const name = this.name(i);
      const at = this.created(i);
      const v: SecretVersionRecord = { version: perfVersion(i), value: `perf-value-${i}`, tags: NO_TAGS, enabled: true, created: at, updated: at };
      set.call(this, name, { name, versions: [v] });
    }
    this.next = until;
  }

  private slice(): void {
    this.timer = undefined;
    if (!this.filling) return;
    this.generate(Math.min(this.total, this.next + SLICE));
    if (this.filling) {
      this.timer = setImmediate(() => this.slice());
      this.timer.unref?.();
    }
  }

  /** Completes the fill now (any access does this first). */
  complete(): this {
    if (this.filling) {
      if (this.timer) { clearTimeout(this.timer as NodeJS.Timeout); clearImmediate(this.timer as NodeJS.Immediate); this.timer = undefined; }
      this.generate(this.total);
    }
    return this;
  }

  override get size(): number { this.complete(); return super.size; }
  override get(key: string) { this.complete(); return super.get(key); }
  override has(key: string) { this.complete(); return super.has(key); }
  override set(key: string, value: SecretRecord) { this.complete(); return super.set(key, value); }
  override delete(key: string) { this.complete(); return super.delete(key); }
  override clear() { this.complete(); super.clear(); }
  override forEach(fn: (value: SecretRecord, key: string, map: Map<string, SecretRecord>) => void, thisArg?: unknown) { this.complete(); super.forEach(fn, thisArg); }
  override keys() { this.complete(); return super.keys(); }
  override values() { this.complete(); return super.values(); }
  override entries() { this.complete(); return super.entries(); }
  override [Symbol.iterator]() { this.complete(); return super[Symbol.iterator](); }
}
