/** The status line: the latest flash (success, error, info), or a spinner while an action runs. */
import { Box, Text } from 'ink';
import type { FlashKind } from '../app-context.js';
import type { Theme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface FlashMessage {
  kind: FlashKind;
  text: string;
  id: number;
}

export function FlashLine({ flash, busy, width, theme }: { flash?: FlashMessage; busy?: string; width: number; theme: Theme }) {
  if (busy) return <Box height={1} width={width}><Spinner label={busy} theme={theme} /></Box>;
  if (!flash) return <Box height={1} width={width}><Text> </Text></Box>;
  const color = flash.kind === 'error' ? theme.error : flash.kind === 'success' ? theme.ok : theme.accent;
  const mark = flash.kind === 'error' ? '✗' : flash.kind === 'success' ? '✓' : 'ℹ';
  return (
    <Box height={flash.kind === 'error' ? undefined : 1} width={width}>
      <Text color={color} bold={flash.kind === 'error'} wrap="wrap">{`${mark} ${flash.text}`}</Text>
    </Box>
  );
}
