/**
 * Selection, scrolling and filter-as-you-type for one list. Gives back the movement and filter
 * bindings (to put in the pane's table) and what <ListView> needs to draw. Works on the full item
 * array once; each keystroke filters indices, never copies items.
 *
 * The items may grow while the user works (a listing streaming in, `partial`): the filter applies to
 * what has arrived, and a row the user moved to stays selected as rows arrive above or below it. Until
 * the user moves, the selection stays on the first row (the best match), wherever that row came from.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../app-context.js';
import { editText, isTextEdit } from '../components/text-input.js';
import { buildIndex, filterIndex, warmUp, type FilterResult } from '../fuzzy.js';
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
  /** More items are on their way (the list is still loading): counts are "so far". */
  partial: boolean;
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
  /** A filtered list keeps the items' order (the audit log stays newest first) instead of best match first. */
  ordered?: boolean;
  /** More items are on their way (useLoad's `loading` with data already there). */
  partial?: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

const FILTER_COMMANDS = ['filter.keep', 'filter.clear'] as const;

/** Where `item` now is among the filter's results (by identity, else by its text: a row rebuilt with new data), or -1. */
function positionOf<T>(items: readonly T[], indices: Int32Array, item: T, text: (item: T) => string, filtered: boolean): number {
  let i = items.indexOf(item);
  if (i < 0) {
    const t = text(item);
    i = items.findIndex((x) => text(x) === t);
  }
  if (i < 0) return -1;
  return filtered ? indices.indexOf(i) : i;
}

export function useList<T>({ items, text, height, onSelect, ordered, partial = false }: ListOptions<T>): ListState<T> {
  const { keymap } = useApp();
  const [query, setQueryState] = useState('');
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState(0);
  // The window's first row: kept in a ref and nudged at render so the selection stays visible.
  const offsetRef = useRef(0);
  // The user moved (since the query last changed): the selected row is then kept as items arrive.
  const moved = useRef(false);
  const index = useMemo(() => buildIndex(items.map(text)), [items]); // eslint-disable-line react-hooks/exhaustive-deps
  // The last result and the index it belongs to: a longer query narrows it (only for the same index).
  const prev = useRef<{ index: typeof index; result: FilterResult } | undefined>(undefined);
  const ranked = useMemo(() => filterIndex(index, query, prev.current?.index === index ? prev.current.result : undefined), [index, query]);
  prev.current = { index, result: ranked };
  const result = useMemo(() => (ordered && query ? { ...ranked, indices: Int32Array.from(ranked.indices).sort() } : ranked), [ranked, ordered, query]);
  const warmed = useRef(false);
  useEffect(() => {
    // A large list: run the filter a few times in the background so the first keystrokes do not
    // pay for the JIT's warm-up (measured: ~100 ms cold against ~3 ms warm at 100,000 names). Once:
    // a list streaming in gets a new index with every part, and the JIT stays warm.
    if (index.lower.length < 5000 || warmed.current) return;
    const t = setImmediate(() => { warmed.current = true; warmUp(index); });
    return () => clearImmediate(t);
  }, [index]);

  const count = result.indices.length;
  const h = Math.max(1, height);
  // New items (a part of a streaming list): the row the user moved to stays selected.
  const shownIndex = useRef(index);
  const lastCurrent = useRef<T | undefined>(undefined);
  let wanted = selected;
  if (shownIndex.current !== index) {
    shownIndex.current = index;
    const was = lastCurrent.current;
    if (moved.current && was !== undefined) {
      const at = positionOf(items, result.indices, was, text, query !== '');
      if (at >= 0 && at !== selected) {
        wanted = at;
        setSelected(at);
      }
    }
  }
  const sel = clamp(wanted, 0, Math.max(0, count - 1));
  // Keep the selection inside the window.
  let off = clamp(offsetRef.current, 0, Math.max(0, count - h));
  if (sel < off) off = sel;
  if (sel >= off + h) off = sel - h + 1;
  offsetRef.current = off;
  const current = count > 0 ? items[result.indices[sel]] : undefined;
  lastCurrent.current = current;

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  useEffect(() => {
    onSelectRef.current?.(current);
  }, [current]);

  // Relative moves use the latest state: several keys may arrive in one chunk ("jjj").
  const moveBy = (delta: number) => { moved.current = true; setSelected((s) => clamp(clamp(s, 0, Math.max(0, count - 1)) + delta, 0, Math.max(0, count - 1))); };
  const move = (to: number) => { moved.current = true; setSelected(clamp(to, 0, Math.max(0, count - 1))); };

  const setQuery = (q: string) => {
    setQueryState(q);
    setSelected(0);
    moved.current = false;
    offsetRef.current = 0;
  };

  // While the filter is typed: its own keys, the editing keys, letters as text; the rest (arrows,
  // PgUp/PgDn, Tab) goes on to the list's and the app's commands.
  useCapture((input, key, name) => {
    const cmd = keymap.commandFor(name, FILTER_COMMANDS, { typing: true });
    if (cmd === 'filter.clear') { setQuery(''); setEditing(false); return true; }
    if (cmd === 'filter.keep') { setEditing(false); return true; }
    if (!isTextEdit(keymap, input, key, name)) return false;
    // An updater: keys handled before the next render build on each other ("con" in one read).
    setQueryState((q) => editText(keymap, q, input, key, name) ?? q);
    setSelected(0);
    moved.current = false;
    offsetRef.current = 0;
    return true;
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
    items, indices: result.indices, selected: sel, offset: off, height: h, query, editing, current, partial, bindings, setQuery,
    select(predicate) {
      const pos = result.indices.findIndex((i) => predicate(items[i]));
      if (pos < 0) return false;
      move(pos);
      return true;
    },
  };
}
