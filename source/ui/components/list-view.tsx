/** A list pane's body: the filter line (when filtering), the virtualized table, or an empty state. */
import { Box } from 'ink';
import { Text } from './text.js';
import { useApp } from '../app-context.js';
import type { ListState } from '../hooks/use-list.js';
import type { Theme } from '../theme.js';
import type { Column } from './columns.js';
import { EmptyState } from './empty-state.js';
import { Table } from './table.js';

export interface ListViewProps<T> {
  list: ListState<T>;
  columns: readonly Column<T>[];
  width: number;
  theme: Theme;
  /** What to say (and what to do) when there is nothing at all. */
  empty: { title: string; hint?: string };
  focused?: boolean;
  /** Shown on the top line when not filtering, e.g. "4 vaults". */
  summary?: string;
}

/** Lines the list view needs besides its data rows: the top line (filter or summary) and the header. */
export const LIST_CHROME = 2;

export function ListView<T>({ list, columns, width, theme, empty, focused, summary }: ListViewProps<T>) {
  const app = useApp();
  const filtering = list.editing || list.query !== '';
  const count = list.indices.length;
  return (
    <Box flexDirection="column" width={width}>
      {!filtering && (
        <Box height={1}>
          <Text color={theme.muted} wrap="truncate">{`${summary ?? `${list.items.length.toLocaleString('en-US')} items`}${list.items.length > 0 ? ` · ${app.key('filter')} filter` : ''}`}</Text>
        </Box>
      )}
      {filtering && (
        <Box height={1}>
          <Text color={theme.accent}>/</Text>
          <Text>{list.query}</Text>
          {list.editing && <Text inverse> </Text>}
          <Text color={theme.muted}>{`  ${count.toLocaleString('en-US')} of ${list.items.length.toLocaleString('en-US')}${list.partial ? ' so far' : ''}`}{list.editing ? `  ${app.key('filter.keep')} keep · ${app.key('filter.clear')} clear` : `  ${app.key('back')} clears`}</Text>
        </Box>
      )}
      {list.items.length === 0 ? (
        <EmptyState title={empty.title} hint={empty.hint} theme={theme} />
      ) : count === 0 ? (
        <EmptyState title={`Nothing matches “${list.query}”${list.partial ? ' so far (still loading)' : ''}.`} hint={`Press ${app.key('back')} to clear the filter.`} theme={theme} />
      ) : (
        <Table
          columns={columns}
          items={list.items}
          indices={list.indices}
          selected={list.selected}
          offset={list.offset}
          height={list.height}
          width={width}
          query={list.query}
          theme={theme}
          focused={focused}
        />
      )}
    </Box>
  );
}
