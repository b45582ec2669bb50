/**
 * Fault injection for client reliability tests: fixed latency, random 500/503 answers from a
 * seeded generator (the same seed gives the same sequence), and per-vault throttling the way the
 * real service does it (429 + Retry-After above N requests in a 10-second window).
 */
import { KeyVaultError } from '../domain/errors.js';
import { errors } from '../domain/errors.js';
import { wireErrors } from './errors.js';

export interface FaultOptions {
  latencyMs?: number;
  /** 0..1: the share of requests answered with 500 or 503. */
  faultRate?: number;
  faultSeed?: number;
  /** Requests allowed per vault per window (10 seconds, like the service); unset = unlimited. */
  throttle?: number;
  /** The throttling window in ms (default 10,000; tests shorten it). */
  throttleWindowMs?: number;
}

const WINDOW_MS = 10_000;

/** mulberry32: small, fast, and good enough to pick which requests fail. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private readonly random: () => number;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: FaultOptions, private readonly now: () => number = Date.now) {
    this.random = seeded(options.faultSeed ?? 1);
  }

  get active(): boolean {
    return !!(this.options.latencyMs || this.options.faultRate || this.options.throttle);
  }

  async delay(): Promise<void> {
    const ms = this.options.latencyMs;
    if (ms && ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  /** The injected failure for this request, if any. */
  injected(): KeyVaultError | undefined {
    const rate = this.options.faultRate;
    if (!rate || rate <= 0) return undefined;
    if (this.random() >= rate) return undefined;
    return this.random() < 0.5 ? wireErrors.injected500() : wireErrors.injected503();
  }

  /** Counts a data-plane request against its vault's window; a 429 when over the limit. */
  throttled(vaultName: string): KeyVaultError | undefined {
    const limit = this.options.throttle;
    if (!limit || limit <= 0) return undefined;
    const now = this.now();
    const key = vaultName.toLowerCase();
    const windowMs = this.options.throttleWindowMs ?? WINDOW_MS;
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= limit) return undefined;
    return errors.throttled(Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)));
  }
}
