/** A pane not built yet: says so, and keeps the contract (bindings, breadcrumb) so the layout is real. */
import { Box } from 'ink';
import { Text } from '../components/text.js';
import { useApp } from '../app-context.js';
import { usePaneBindings } from '../input-router.js';
import type { PaneProps } from './contract.js';

export function placeholder(title: string) {
  return function PlaceholderPane(_props: PaneProps) {
    const app = useApp();
    usePaneBindings([{ command: 'refresh', label: 'refresh', run: () => app.flash('info', `${title} is not built yet.`) }]);
    return (
      <Box paddingX={1} paddingY={1}>
        <Text color={app.theme.muted}>{`${title}: this pane is coming soon.`}</Text>
      </Box>
    );
  };
}
