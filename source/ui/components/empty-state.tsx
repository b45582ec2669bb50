/** What a pane shows when it has nothing: what is missing and what to do about it. */
import { Box } from 'ink';
import { Text } from './text.js';
import type { Theme } from '../theme.js';

export function EmptyState({ title, hint, theme }: { title: string; hint?: string; theme: Theme }) {
  return (
    <Box flexDirection="column" paddingX={1} paddingY={1}>
      <Text bold>{title}</Text>
      {hint && <Text color={theme.muted}>{hint}</Text>}
    </Box>
  );
}
