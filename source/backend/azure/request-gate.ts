/**
 * One bound on the requests a backend has in flight, whatever fans them out (a vault list across
 * subscriptions, quick lookup over every vault, the console's panes at once): Azure throttles ARM
 * reads per principal and data-plane calls per vault and subscription, and hundreds of requests in
 * flight at once only get the whole start-up throttled.
 *
 * It also honours Retry-After for everyone: after a 429 (or a 503 with Retry-After) from a host,
 * no new request goes to that host until the time has passed. The SDK's retry policy waits out
 * Retry-After for the request that was refused; without this, the requests queued behind it would
 * walk into the same refusal one by one.
 *
 * The gate is a per-attempt pipeline policy: a slot is held only while a request is on the wire,
 * never while a retry waits, so nested or paged calls cannot deadlock on it.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { parseRetryAfter } from './errors.js';

/** Requests in flight per backend unless --concurrency (or the profile) says otherwise. */
export const DEFAULT_CONCURRENCY = 16;

const abortReason = (signal: AbortSignal) => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

export class RequestGate {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  /** host → the time (ms since epoch) before which nothing more is sent to it. */
  private readonly pausedUntil = new Map<string, number>();
  /** The most requests that were ever in flight at once (tests and the bench read it). */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The request bound must be a whole number ≥ 1 (got ${limit}).`);
  }

  policy(): PipelinePolicy {
    return {
      name: 'kvdeckRequestGate',
      sendRequest: async (request, next) => {
        const host = new URL(request.url).host;
        const signal = request.abortSignal as AbortSignal | undefined;
        await this.untilOpen(host, signal);
        await this.acquire(signal);
        try {
          const response = await next(request);
          if (response.status === 429 || response.status === 503) {
            const seconds = parseRetryAfter(response.headers.get('retry-after'));
            if (seconds) this.pause(host, seconds * 1000);
          }
          return response;
        } finally {
          this.release();
        }
      },
    };
  }

  private pause(host: string, ms: number): void {
    const until = Date.now() + ms;
    if ((this.pausedUntil.get(host) ?? 0) < until) this.pausedUntil.set(host, until);
  }

  /** Waits while the host asked for a pause (re-checked: another 429 may extend it). */
  private async untilOpen(host: string, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const wait = (this.pausedUntil.get(host) ?? 0) - Date.now();
      if (wait <= 0) {
        this.pausedUntil.delete(host);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', aborted);
        };
        const aborted = () => {
          done();
          reject(abortReason(signal!));
        };
        const timer = setTimeout(() => {
          done();
          resolve();
        }, wait);
        if (signal?.aborted) aborted();
        else signal?.addEventListener('abort', aborted, { once: true });
      });
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.active < this.limit) {
      this.take();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', aborted);
        this.take();
        resolve();
      };
      const aborted = () => {
        const i = this.queue.indexOf(grant);
        if (i >= 0) this.queue.splice(i, 1);
        reject(abortReason(signal!));
      };
      this.queue.push(grant);
      signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  private take(): void {
    this.active++;
    if (this.active > this.peak) this.peak = this.active;
  }

  private release(): void {
    this.active--;
    // The slot passes straight to the next waiter (its grant takes it again).
    this.queue.shift()?.();
  }
}
