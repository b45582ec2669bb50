/**
 * State that a key handler can read back at once. useState's value is the last render's: two keys
 * handled before React renders again (Right, Right, Space in one read) would both see the old
 * cursor. Here `update` applies to a ref immediately and then schedules the render, and `get()`
 * returns the value including every update so far — so each key sees the previous key's result.
 */
import { useCallback, useRef, useState } from 'react';

export function useSyncState<T>(initial: T | (() => T)): [T, (next: T | ((old: T) => T)) => void, () => T] {
  const [state, setState] = useState(initial);
  const ref = useRef(state);
  const update = useCallback((next: T | ((old: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (old: T) => T)(ref.current) : next;
    setState(ref.current);
  }, []);
  const get = useCallback(() => ref.current, []);
  return [state, update, get];
}
