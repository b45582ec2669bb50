/** The frame every overlay shares: a bordered box with a title and a hint line. */
import { Box } from 'ink';
import { Text } from './text.js';
import type { ReactNode } from 'react';
import type { Theme } from '../theme.js';

export function Modal({ title, hint, width, theme, children, tone }: { title: string; hint?: string; width: number; theme: Theme; children?: ReactNode; tone?: 'danger' }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tone === 'danger' ? theme.error : theme.accent} paddingX={1} width={width}>
      <Text bold color={tone === 'danger' ? theme.error : theme.accent}>{title}</Text>
      {children}
      {hint && <Text color={theme.muted}>{hint}</Text>}
    </Box>
  );
}
