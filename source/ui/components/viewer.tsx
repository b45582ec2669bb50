/**
 * A revealed value, whole: every line (a PEM, a JSON document), long lines wrapped at the width,
 * numbered, scrolled with the list keys (↑↓ PgUp PgDn g G), copied with `copy`, closed with `close`
 * (the `viewer` commands of the one table). It closes by itself when the value's time on screen is
 * up, and the value lives only in this overlay: closing it lets it go. Drawn through <Text>, so
 * escape sequences and control characters inside the value are shown, never obeyed.
 */
import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import { useSyncState } from '../hooks/use-sync-state.js';
import { useCapture } from '../input-router.js';
import type { CommandId } from '../keymap/commands.js';
import { keysText, type Keymap } from '../keymap/keymap.js';
import type { Theme } from '../theme.js';
import { Text } from './text.js';
import { wrapCells } from './text-width.js';

export interface ViewerProps {
  title: string;
  value: string;
  width: number;
  /** Lines available (the body's height). */
  height: number;
  theme: Theme;
  keymap: Keymap;
  onClose: () => void;
  /** Copies the value (the viewer never keeps it anywhere else). */
  onCopy?: () => void;
  /** Closes itself after this long (the reveal timeout). */
  hideAfterMs?: number;
}

interface Row { n?: number; text: string }

/** The value as numbered rows of at most `width` cells; a wrapped line's continuation rows have no number. */
export function viewerRows(value: string, width: number): Row[] {
  return value.split('\n').flatMap((line, i) => wrapCells(line, width).map((text, j) => ({ n: j === 0 ? i + 1 : undefined, text })));
}

const VIEWER_COMMANDS = ['close', 'copy', 'up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'] as const;
/** Border, title, position line and hint. */
const CHROME = 5;

export function ValueViewer({ title, value, width, height, theme, keymap, onClose, onCopy, hideAfterMs }: ViewerProps) {
  const lineCount = value.split('\n').length;
  const gutter = String(lineCount).length + 1;
  const textWidth = Math.max(8, width - 4 - gutter - 2);
  const rows = useMemo(() => viewerRows(value, textWidth), [value, textWidth]);
  const page = Math.max(1, height - CHROME);
  const last = Math.max(0, rows.length - page);
  const [top, setTop, latestTop] = useSyncState(0);
  useEffect(() => {
    if (!hideAfterMs) return;
    const t = setTimeout(onClose, hideAfterMs);
    return () => clearTimeout(t);
  }, [hideAfterMs]); // eslint-disable-line react-hooks/exhaustive-deps

  useCapture((_input, _key, name) => {
    const cmd = keymap.commandFor(name, VIEWER_COMMANDS);
    const to = (n: number) => setTop(Math.max(0, Math.min(last, n)));
    if (cmd === 'close') onClose();
    else if (cmd === 'copy') onCopy?.();
    else if (cmd === 'up') to(latestTop() - 1);
    else if (cmd === 'down') to(latestTop() + 1);
    else if (cmd === 'pageUp') to(latestTop() - page);
    else if (cmd === 'pageDown') to(latestTop() + page);
    else if (cmd === 'top') to(0);
    else if (cmd === 'bottom') to(last);
    return true;
  });

  const from = Math.min(top, last);
  const shown = rows.slice(from, from + page);
  const position = rows.length > page ? `rows ${from + 1}–${from + shown.length} of ${rows.length} · ` : '';
  const key = (c: CommandId) => keysText(keymap, c, { first: true });
  const hint = [`${key('up')}${key('down')} scroll`, `${key('pageUp')} ${key('pageDown')} page`, `${key('top')} ${key('bottom')} first/last line`, ...(onCopy ? [`${key('copy')} copy`] : []), `${key('close')} close`].join(' · ');
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.warn} paddingX={1} width={width}>
      <Text bold color={theme.warn} wrap="truncate">{title}</Text>
      <Text color={theme.muted} wrap="truncate">{`${position}${lineCount.toLocaleString('en-US')} line${lineCount === 1 ? '' : 's'}, ${value.length.toLocaleString('en-US')} characters`}</Text>
      {shown.map((r, i) => (
        <Box key={from + i} height={1}>
          <Box width={gutter} flexShrink={0}><Text color={theme.muted}>{r.n === undefined ? '' : String(r.n).padStart(gutter - 1)}</Text></Box>
          <Text wrap="truncate">{r.text}</Text>
        </Box>
      ))}
      <Text color={theme.muted} wrap="truncate">{hint}</Text>
    </Box>
  );
}
