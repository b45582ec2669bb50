/**
 * How one form field looks: a text with its cursor (scrolled so the cursor is always in view), a
 * multi-line text (the lines around the cursor), a checkbox, a choice. Masked fields show a bullet
 * per character. Pure: the Form owns the values and the keys.
 */
import { Box } from 'ink';
import type { Theme } from '../theme.js';
import type { FieldSpec, FieldValue } from './form.js';
import { Text } from './text.js';
import { fit, textWidth } from './text-width.js';
import { visible } from './visible.js';

/** Lines of a multi-line field shown at once. */
export const MULTILINE_ROWS = 4;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The cells of a line as shown (masked or made visible), and which of them the cursor is on. */
function cellsOf(line: string, cursor: number, mask: boolean): { cells: string[]; at: number } {
  const cells: string[] = [];
  let at = -1;
  for (const { segment, index } of graphemes.segment(line)) {
    if (index >= cursor && at < 0) at = cells.length;
    cells.push(mask ? '•' : visible(segment));
  }
  return { cells, at: at < 0 ? cells.length : at };
}

/**
 * A line with the cursor at `cursor` (or none), in at most `width` cells: the part before the
 * cursor, the cell under it (a space at the end), the part after — scrolled to keep the cursor in view.
 */
export function cursorWindow(line: string, cursor: number | undefined, width: number, mask = false): { before: string; at: string; after: string } {
  const { cells, at } = cellsOf(line, cursor ?? 0, mask);
  if (cursor === undefined) return { before: fit(cells.join(''), width).trimEnd(), at: '', after: '' };
  const under = cells[at] ?? ' ';
  // Back from the cursor while the window has room, then forward after it.
  let room = Math.max(1, width) - textWidth(under);
  let from = at;
  while (from > 0 && textWidth(cells[from - 1]) <= room) { room -= textWidth(cells[from - 1]); from--; }
  let to = at + 1;
  while (to < cells.length && textWidth(cells[to]) <= room) { room -= textWidth(cells[to]); to++; }
  return { before: cells.slice(from, at).join(''), at: under, after: cells.slice(at + 1, to).join('') };
}

function LineWithCursor({ line, cursor, width, mask }: { line: string; cursor?: number; width: number; mask: boolean }) {
  const w = cursorWindow(line, cursor, width, mask);
  return <Text wrap="truncate">{w.before}{cursor !== undefined ? <Text inverse>{w.at}</Text> : null}{w.after}</Text>;
}

export interface FieldViewProps {
  field: FieldSpec;
  value: FieldValue;
  /** The cursor, when the field has the focus. */
  cursor?: number;
  width: number;
  theme: Theme;
}

export function FieldView({ field, value, cursor, width, theme }: FieldViewProps) {
  const kind = field.kind ?? 'text';
  if (kind === 'checkbox') return <Text>{value ? '[x]' : '[ ]'}</Text>;
  if (kind === 'select') return <Text>{`‹ ${field.options?.find((o) => o.value === value)?.label ?? value} ›`}</Text>;
  const text = String(value);
  const mask = !!field.mask;
  if (text === '' && cursor === undefined && field.placeholder) return <Text color={theme.muted} wrap="truncate">{field.placeholder}</Text>;
  if (kind === 'text') return <LineWithCursor line={text} cursor={cursor} width={width} mask={mask} />;
  // Multi-line: the rows around the cursor's line; a count when there are more.
  const lines = text.split('\n');
  let line = 0;
  let start = 0;
  if (cursor !== undefined) {
    line = text.slice(0, cursor).split('\n').length - 1;
    start = cursor - (text.lastIndexOf('\n', cursor - 1) + 1);
  }
  const first = Math.max(0, Math.min(line - MULTILINE_ROWS + 1, lines.length - MULTILINE_ROWS));
  const shown = cursor === undefined ? lines.slice(-MULTILINE_ROWS) : lines.slice(first, first + MULTILINE_ROWS);
  const offset = cursor === undefined ? Math.max(0, lines.length - MULTILINE_ROWS) : first;
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => <LineWithCursor key={i} line={l} cursor={cursor !== undefined && offset + i === line ? start : undefined} width={width} mask={mask} />)}
      {lines.length > MULTILINE_ROWS && <Text color={theme.muted}>{`(${lines.length} lines${cursor !== undefined ? `, the cursor on line ${line + 1}` : ''})`}</Text>}
    </Box>
  );
}
