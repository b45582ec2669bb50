/**
 * A virtualized table: renders the header and ONLY the rows in the window [offset, offset+height).
 * 100,000 rows cost the same as 20. Rows are addressed through `indices` (the filter's result).
 */
import { Box } from 'ink';
import { Text } from './text.js';
import { memo } from 'react';
import { matchPositions } from '../fuzzy.js';
import type { Theme } from '../theme.js';
import { fitColumns, type Column } from './columns.js';
import { fit } from './text-width.js';
import { visible } from './visible.js';

export interface TableProps<T> {
  columns: readonly Column<T>[];
  items: readonly T[];
  /** Which items to show, in order; default all. */
  indices?: ArrayLike<number>;
  /** Position (in indices) of the selected row. */
  selected: number;
  offset: number;
  /** Rows of data to show (the header takes one more line). */
  height: number;
  width: number;
  query?: string;
  theme: Theme;
  /** Dim the selection when the table does not have focus. */
  focused?: boolean;
}

function Highlighted({ text, positions, color, theme }: { text: string; positions: number[]; color?: string; theme: Theme }) {
  if (positions.length === 0) return <Text color={color}>{text}</Text>;
  const set = new Set(positions);
  const parts: { s: string; hit: boolean }[] = [];
  [...text].forEach((ch, i) => {
    const hit = set.has(i);
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.s += ch;
    else parts.push({ s: ch, hit });
  });
  return (
    <Text color={color}>
      {parts.map((p, i) => (p.hit ? <Text key={i} color={theme.match} bold underline={!theme.match}>{p.s}</Text> : p.s))}
    </Text>
  );
}

function TableImpl<T>(props: TableProps<T>) {
  const { columns, items, indices, selected, offset, height, width, query, theme, focused = true } = props;
  const fitted = fitColumns(columns, width);
  const count = indices ? indices.length : items.length;
  const end = Math.min(count, offset + height);
  const rows: React.ReactNode[] = [];
  for (let pos = offset; pos < end; pos++) {
    const item = items[indices ? indices[pos] : pos];
    const isSel = pos === selected;
    // Neighbouring cells of the same colour go into one string: most rows are a single plain string,
    // one text node for Ink to lay out and measure instead of one per column.
    const parts: React.ReactNode[] = [];
    let run = '';
    let runColor: string | undefined;
    const flush = () => {
      if (run) parts.push(runColor ? <Text key={parts.length} color={runColor}>{run}</Text> : run);
      run = '';
    };
    fitted.forEach((c, ci) => {
      // Cells are measured, cut and highlighted as they will be shown (visible.ts): aligned whatever they hold.
      const raw = visible(c.value(item));
      const cell = fit(raw, c.cells, c.align);
      const sep = ci < fitted.length - 1 ? ' ' : '';
      const color = isSel ? undefined : c.color?.(item, theme);
      if (c.match && query) {
        const positions = matchPositions(raw, query).filter((p) => p < c.cells - (raw.length > c.cells ? 1 : 0));
        if (positions.length > 0) {
          flush();
          parts.push(<Highlighted key={parts.length} text={cell} positions={positions} color={color} theme={theme} />);
          runColor = undefined;
          run = sep;
          return;
        }
      }
      if (color !== runColor) { flush(); runColor = color; }
      run += cell + sep;
    });
    flush();
    rows.push(
      <Box key={pos} height={1} overflow="hidden">
        <Text inverse={isSel} dimColor={isSel && !focused} wrap="truncate">{parts}</Text>
      </Box>,
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Box height={1} overflow="hidden">
        <Text bold color={theme.accent} wrap="truncate">
          {fitted.map((c, ci) => fit(c.header, c.cells, c.align) + (ci < fitted.length - 1 ? ' ' : '')).join('')}
        </Text>
      </Box>
      {rows}
    </Box>
  );
}

export const Table = memo(TableImpl) as typeof TableImpl;
