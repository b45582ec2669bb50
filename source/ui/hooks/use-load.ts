/**
 * Loads through the Backend with cancellation: the call gets an AbortSignal that fires when the pane
 * unmounts or the key changes. With `cache`, results live in the session cache under `key` (lists
 * fetched once); `reload()` drops the entry and fetches again (the R binding).
 */
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../app-context.js';
import type { CacheKey } from '../session-cache.js';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  /** Items loaded so far, for long listings. */
  progress?: number;
  error: unknown;
  reload(): void;
  /** Replaces the data in place (after a mutation), also in the cache. */
  setData(update: (old: T | undefined) => T | undefined): void;
}

export function useLoad<T>(
  /** From `cacheKeys` (session-cache.ts), also when not cached: a new key loads again. */
  key: CacheKey | undefined,
  fetch: (signal: AbortSignal, progress: (n: number) => void) => Promise<T>,
  options: { cache?: boolean } = {},
): Loaded<T> {
  const app = useApp();
  const cached = key && options.cache ? app.cache.get<T>(key) : undefined;
  const [state, setState] = useState<{ key?: CacheKey; data?: T; loading: boolean; progress?: number; error?: unknown }>(() => ({ key, data: cached, loading: !!key && cached === undefined }));
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!key) { setState({ key, loading: false }); return; }
    const hit = options.cache ? app.cache.get<T>(key) : undefined;
    if (hit !== undefined) { setState({ key, data: hit, loading: false }); return; }
    const ac = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    fetch(ac.signal, (n) => { if (!ac.signal.aborted) setState((s) => ({ ...s, progress: n })); }).then(
      (data) => {
        if (ac.signal.aborted) return;
        if (options.cache) app.cache.set(key, data);
        setState({ key, data, loading: false });
      },
      (error) => {
        if (ac.signal.aborted) return;
        app.refused(error);
        setState({ key, loading: false, error });
      },
    );
    return () => ac.abort();
  }, [key, generation]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = useCallback(() => {
    if (key) app.cache.delete(key);
    setGeneration((g) => g + 1);
  }, [key, app]);

  const setData = useCallback((update: (old: T | undefined) => T | undefined) => {
    setState((s) => {
      const data = update(s.data);
      if (key && options.cache) { if (data === undefined) app.cache.delete(key); else app.cache.set(key, data); }
      return { ...s, data };
    });
  }, [key, app, options.cache]);

  const stale = state.key !== key;
  return { data: stale ? cached : state.data, loading: stale ? cached === undefined && !!key : state.loading, progress: state.progress, error: stale ? undefined : state.error, reload, setData };
}
