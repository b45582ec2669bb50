/**
 * The status line: a spinner while an action runs, else the latest flash (success, error, info),
 * else what the backend is going through (throttling, retries) — a note that takes no keys.
 */
import { Box } from 'ink';
import { Text } from './text.js';
import type { FlashKind } from '../app-context.js';
import type { Theme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface FlashMessage {
  kind: FlashKind;
  text: string;
  id: number;
}

export function FlashLine({ flash, busy, activity, width, theme }: { flash?: FlashMessage; busy?: string; activity?: string; width: number; theme: Theme }) {
  if (busy) return <Box height={1} width={width}><Spinner label={activity ? `${busy} (${activity})` : busy} theme={theme} /></Box>;
  if (!flash && activity) return <Box height={1} width={width}><Text color={theme.warn} wrap="truncate">{`⧗ ${activity}`}</Text></Box>;
  if (!flash) return <Box height={1} width={width}><Text> </Text></Box>;
  const color = flash.kind === 'error' ? theme.error : flash.kind === 'success' ? theme.ok : theme.accent;
  const mark = flash.kind === 'error' ? '✗' : flash.kind === 'success' ? '✓' : 'ℹ';
  return (
    <Box height={flash.kind === 'error' ? undefined : 1} width={width}>
      <Text color={color} bold={flash.kind === 'error'} wrap="wrap">{`${mark} ${flash.text}`}</Text>
    </Box>
  );
}
