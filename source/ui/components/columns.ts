/** Column definitions and fitting them to the terminal's width (pure; tested apart from rendering). */
import type { Theme } from '../theme.js';

export interface Column<T> {
  key: string;
  header: string;
  /** Fixed width in cells; flex columns share what is left. */
  width?: number;
  /** A flex column: weight of its share of the remaining width. */
  flex?: number;
  /** Narrowest a flex column may get. */
  min?: number;
  align?: 'left' | 'right';
  /** Higher drops first when the terminal is narrow; 0 (default) never drops. */
  drop?: number;
  value: (row: T) => string;
  color?: (row: T, theme: Theme) => string | undefined;
  /** Highlight the filter's matched characters in this column. */
  match?: boolean;
}

export interface FittedColumn<T> extends Column<T> {
  cells: number;
}

const GAP = 1;

export function fitColumns<T>(columns: readonly Column<T>[], width: number): FittedColumn<T>[] {
  let cols = [...columns];
  const need = (cs: Column<T>[]) => cs.reduce((s, c) => s + (c.width ?? c.min ?? 8), 0) + GAP * Math.max(0, cs.length - 1);
  while (need(cols) > width) {
    const droppable = cols.filter((c) => (c.drop ?? 0) > 0);
    if (droppable.length === 0) break;
    const worst = droppable.reduce((a, b) => ((b.drop ?? 0) > (a.drop ?? 0) ? b : a));
    cols = cols.filter((c) => c !== worst);
  }
  const fixed = need(cols.map((c) => (c.flex ? { ...c, min: 0, width: 0 } : c)));
  const flexCols = cols.filter((c) => c.flex);
  const out: FittedColumn<T>[] = cols.map((c) => ({ ...c, cells: c.width ?? (c.flex ? (c.min ?? 4) : 0) }));
  // Every flex column gets its minimum; what is left is shared by weight, the remainder to the last.
  let spare = Math.max(0, width - fixed - flexCols.reduce((s, c) => s + (c.min ?? 4), 0));
  const weight = flexCols.reduce((s, c) => s + (c.flex ?? 0), 0);
  const total0 = spare;
  flexCols.forEach((c, i) => {
    const o = out.find((x) => x.key === c.key)!;
    const share = i === flexCols.length - 1 ? spare : Math.floor((total0 * (c.flex ?? 0)) / weight);
    o.cells += share;
    spare -= share;
  });
  // When even the minimums do not fit, the last column is cut.
  let total = out.reduce((s, c) => s + c.cells, 0) + GAP * Math.max(0, out.length - 1);
  for (let i = out.length - 1; i >= 0 && total > width; i--) {
    const cut = Math.min(out[i].cells - 1, total - width);
    out[i].cells -= cut;
    total -= cut;
  }
  return out;
}
