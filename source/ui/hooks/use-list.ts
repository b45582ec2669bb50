/**
 * Selection, scrolling and filter-as-you-type for one list. Gives back the movement and filter
 * bindings (to put in the pane's table) and what <ListView> needs to draw. Works on the full item
 * array once; each keystroke filters indices, never copies items.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildIndex, filterIndex, warmUp, type FilterResult } from '../fuzzy.js';
import { isPrintable } from '../keymap/keys.js';
import type { Binding } from '../keymap/bindings.js';
import { useCapture } from '../input-router.js';

export interface ListState<T> {
  items: readonly T[];
  indices: Int32Array;
  /** Position in `indices`. */
  selected: number;
  offset: number;
  height: number;
  query: string;
  editing: boolean;
  current: T | undefined;
  /** Movement (hidden) and filter bindings, to include in the pane's table. */
  bindings: Binding[];
  select(predicate: (item: T) => boolean): boolean;
  setQuery(q: string): void;
}

export interface ListOptions<T> {
  items: readonly T[];
  /** The text the filter matches: usually the name. */
  text: (item: T) => string;
  /** Visible data rows. */
  height: number;
  /** Called when the selection changes (e.g. the Vaults pane sets the current vault). */
  onSelect?: (item: T | undefined) => void;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function useList<T>({ items, text, height, onSelect }: ListOptions<T>): ListState<T> {
  const [query, setQueryState] = useState('');
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState(0);
  // The window's first row: kept in a ref and nudged at render so the selection stays visible.
  const offsetRef = useRef(0);
  const index = useMemo(() => buildIndex(items.map(text)), [items]); // eslint-disable-line react-hooks/exhaustive-deps
  // The last result and the index it belongs to: a longer query narrows it (only for the same index).
  const prev = useRef<{ index: typeof index; result: FilterResult } | undefined>(undefined);
  const result = useMemo(() => filterIndex(index, query, prev.current?.index === index ? prev.current.result : undefined), [index, query]);
  prev.current = { index, result };
  useEffect(() => {
    // A large list: run the filter a few times in the background so the first keystrokes do not
    // pay for the JIT's warm-up (measured: ~100 ms cold against ~3 ms warm at 100,000 names).
    if (index.lower.length < 5000) return;
    const t = setImmediate(() => warmUp(index));
    return () => clearImmediate(t);
  }, [index]);

  const count = result.indices.length;
  const h = Math.max(1, height);
  const sel = clamp(selected, 0, Math.max(0, count - 1));
  // Keep the selection inside the window.
  let off = clamp(offsetRef.current, 0, Math.max(0, count - h));
  if (sel < off) off = sel;
  if (sel >= off + h) off = sel - h + 1;
  offsetRef.current = off;
  const current = count > 0 ? items[result.indices[sel]] : undefined;

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  useEffect(() => {
    onSelectRef.current?.(current);
  }, [current]);

  // Relative moves use the latest state: several keys may arrive in one chunk ("jjj").
  const moveBy = (delta: number) => setSelected((s) => clamp(clamp(s, 0, Math.max(0, count - 1)) + delta, 0, Math.max(0, count - 1)));
  const move = (to: number) => setSelected(clamp(to, 0, Math.max(0, count - 1)));

  const setQuery = (q: string) => {
    setQueryState(q);
    setSelected(0);
    offsetRef.current = 0;
  };

  useCapture((input, key, name) => {
    if (name === 'esc') { setQuery(''); setEditing(false); return true; }
    if (name === 'enter') { setEditing(false); return true; }
    if (name === 'backspace' || name === 'delete') { setQueryState((q) => q.slice(0, -1)); setSelected(0); offsetRef.current = 0; return true; }
    if (name === 'ctrl+u') { setQuery(''); return true; }
    if (isPrintable(input, key)) { setQueryState((q) => q + input); setSelected(0); offsetRef.current = 0; return true; }
    return false; // arrows, PgUp/PgDn go on to the movement bindings
  }, editing);

  const bindings: Binding[] = [
    { command: 'up', label: 'up', hidden: true, run: () => moveBy(-1) },
    { command: 'down', label: 'down', hidden: true, run: () => moveBy(1) },
    { command: 'pageUp', label: 'page up', hidden: true, run: () => moveBy(-h) },
    { command: 'pageDown', label: 'page down', hidden: true, run: () => moveBy(h) },
    { command: 'top', label: 'first', hidden: true, run: () => move(0) },
    { command: 'bottom', label: 'last', hidden: true, run: () => move(count - 1) },
    { command: 'filter', label: 'filter', run: () => setEditing(true) },
    // Visible from `/` on (not from the first typed letter): the footer's bindings then stay the same
    // while the query is typed, so a keystroke draws one frame, not a second one for the footer.
    { command: 'back', label: 'clear filter', when: () => query !== '' || editing, run: () => setQuery('') },
  ];

  return {
    items, indices: result.indices, selected: sel, offset: off, height: h, query, editing, current, bindings, setQuery,
    select(predicate) {
      const pos = result.indices.findIndex((i) => predicate(items[i]));
      if (pos < 0) return false;
      move(pos);
      return true;
    },
  };
}
