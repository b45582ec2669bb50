/**
 * Callers asking for the same thing at the same time share one call. The console asks for every
 * vault's locks at once at start-up; on Azure one listing per subscription answers all of them, so
 * those calls join one listing instead of sending one ARM request per vault.
 *
 * Each caller may cancel its own wait; the shared call is cancelled only when every caller has
 * left. Nothing is kept once the call settles: the next caller starts a fresh one.
 */
interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

const abortReason = (signal: AbortSignal) => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

export class SharedCalls<T> {
  private readonly inflight = new Map<string, Entry<T>>();

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let entry = this.inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Entry<T> = { controller, waiters: 0, promise: start(controller.signal) };
      const forget = () => {
        if (this.inflight.get(key) === created) this.inflight.delete(key);
      };
      created.promise.then(forget, forget);
      this.inflight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.waiters++;
    if (!signal) return shared.promise;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        shared.waiters--;
        if (shared.waiters === 0) {
          shared.controller.abort(abortReason(signal));
          if (this.inflight.get(key) === shared) this.inflight.delete(key);
        }
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', leave, { once: true });
      shared.promise.then(
        (v) => {
          signal.removeEventListener('abort', leave);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(e);
        },
      );
    });
  }

  /** After a write: callers from now on start a fresh call rather than join one begun before it. */
  forget(): void {
    this.inflight.clear();
  }
}
