/**
 * Loads through the Backend with cancellation: the call gets an AbortSignal that fires when the pane
 * unmounts or the key changes. With `cache`, results live in the session cache under `key` (lists
 * fetched once); `reload()` drops the entry and fetches again (the R binding).
 *
 * Long listings stream: the fetch hands what it has so far to `partial` (listAll's `onPage` fits it),
 * and the pane shows it while the rest arrives (`loading` stays true meanwhile), paced by streamPacer
 * (the first part at once, then a few a second). Only the whole result goes into the cache. Changes made meanwhile (`setData`: a secret created or deleted
 * while the list still loads) are kept and applied again to each later part and to the whole.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../app-context.js';
import type { CacheKey } from '../session-cache.js';
import { streamPacer } from '../stream-pacer.js';

export interface Loaded<T> {
  /** The whole result, or (while `loading`) what has arrived so far. */
  data: T | undefined;
  /** True until the whole result is in; `data` may be there already (a list streaming in). */
  loading: boolean;
  /** Items loaded so far, for long listings (the length of the partial list). */
  progress?: number;
  /** The load failed; `data` keeps what had arrived before the failure, if anything. */
  error: unknown;
  reload(): void;
  /** Replaces the data in place (after a mutation), also in the cache. */
  setData(update: (old: T | undefined) => T | undefined): void;
}

type Update<T> = (old: T | undefined) => T | undefined;

/**
 * A partial result as the pane gets it: a list grown in place by its loader is copied, so the list
 * (and the filter index made from it) sees a new array each time it is shown.
 */
const snapshot = <T>(partial: T): T => (Array.isArray(partial) ? (partial.slice() as T) : partial);

export function useLoad<T>(
  /** From `cacheKeys` (session-cache.ts), also when not cached: a new key loads again. */
  key: CacheKey | undefined,
  fetch: (signal: AbortSignal, partial: (soFar: T) => void) => Promise<T>,
  options: { cache?: boolean } = {},
): Loaded<T> {
  const app = useApp();
  const cached = key && options.cache ? app.cache.get<T>(key) : undefined;
  const [state, setState] = useState<{ key?: CacheKey; data?: T; loading: boolean; progress?: number; error?: unknown }>(() => ({ key, data: cached, loading: !!key && cached === undefined }));
  const [generation, setGeneration] = useState(0);
  /** Changes made while the load runs: applied to every later part and to the whole. */
  const edits = useRef<Update<T>[]>([]);
  const running = useRef(false);

  useEffect(() => {
    edits.current = [];
    running.current = false;
    if (!key) { setState({ key, loading: false }); return; }
    const hit = options.cache ? app.cache.get<T>(key) : undefined;
    if (hit !== undefined) { setState({ key, data: hit, loading: false }); return; }
    const ac = new AbortController();
    const withEdits = (data: T | undefined) => edits.current.reduce<T | undefined>((d, edit) => edit(d), data);
    let latest: T | undefined;
    const pacer = streamPacer(() => {
      if (ac.signal.aborted || latest === undefined) return;
      const data = withEdits(snapshot(latest));
      setState((s) => ({ ...s, key, data, progress: Array.isArray(latest) ? latest.length : s.progress }));
    });
    const partial = (soFar: T) => {
      latest = soFar;
      pacer.push();
    };
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    running.current = true;
    fetch(ac.signal, partial).then(
      (whole) => {
        pacer.cancel();
        if (ac.signal.aborted) return;
        running.current = false;
        const data = withEdits(whole) as T;
        edits.current = [];
        if (options.cache) app.cache.set(key, data);
        setState({ key, data, loading: false });
      },
      (error) => {
        pacer.cancel();
        if (ac.signal.aborted) return;
        app.refused(error);
        running.current = false;
        // What had arrived stays on screen with the error (a listing that failed on page 57).
        setState((s) => ({ key, data: s.key === key && latest !== undefined ? s.data : undefined, loading: false, error }));
      },
    );
    return () => { pacer.cancel(); running.current = false; ac.abort(); };
  }, [key, generation]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = useCallback(() => {
    if (key) app.cache.delete(key);
    setGeneration((g) => g + 1);
  }, [key, app]);

  const setData = useCallback((update: Update<T>) => {
    // While the load runs the cache has nothing yet: the change waits for the whole (and each part before it).
    const streaming = running.current;
    if (streaming) edits.current.push(update);
    setState((s) => {
      const data = update(s.data);
      if (!streaming && key && options.cache) { if (data === undefined) app.cache.delete(key); else app.cache.set(key, data); }
      return { ...s, data };
    });
  }, [key, app, options.cache]);

  const stale = state.key !== key;
  return { data: stale ? cached : state.data, loading: stale ? cached === undefined && !!key : state.loading, progress: state.progress, error: stale ? undefined : state.error, reload, setData };
}
