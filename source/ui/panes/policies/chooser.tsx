/**
 * Pick one of a list by typing part of its name: the query narrows the list as it is typed (the
 * lists' own fuzzy filter), ↑↓ move, Enter picks, Esc cancels. The Access pane picks a principal and a
 * role with it. Keys are the list's commands (up, down, pageUp, pageDown, open, back); letters are the
 * query.
 */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { Column } from '../../components/columns.js';
import { Table } from '../../components/table.js';
import { editText } from '../../components/text-input.js';
import { useApp, type AppServices } from '../../app-context.js';
import { useList } from '../../hooks/use-list.js';
import { useCapture } from '../../input-router.js';
import { hintLine } from '../../keymap/keymap.js';
import type { CommandId } from '../../keymap/commands.js';

export interface ChooserSpec<T> {
  title: string;
  items: readonly T[];
  /** What the query matches. */
  text: (item: T) => string;
  columns: readonly Column<T>[];
  /** An item made of the query itself when the list has none (an objectId typed in), or undefined. */
  fromQuery?: (query: string) => T | undefined;
  /** Said under the list about the selected item (what a role allows). */
  note?: (item: T) => string;
  empty: string;
}

const CHOOSER_COMMANDS = ['back', 'open', 'up', 'down', 'pageUp', 'pageDown'] as const;
const ROWS = 10;

function Chooser<T>({ spec, width, onDone }: { spec: ChooserSpec<T>; width: number; onDone: (item: T | undefined) => void }) {
  const app = useApp();
  const list = useList<T>({ items: spec.items, text: spec.text, height: ROWS });
  const typed = list.indices.length === 0 && list.query ? spec.fromQuery?.(list.query.trim()) : undefined;
  const current = list.current ?? typed;
  const run = (command: CommandId) => list.bindings.find((b) => b.command === command)?.run();

  useCapture((input, key, name) => {
    const cmd = app.keymap.commandFor(name, CHOOSER_COMMANDS, { typing: true });
    if (cmd === 'back') onDone(undefined);
    else if (cmd === 'open') { if (current) onDone(current); }
    else if (cmd) void run(cmd);
    else if (input.length > 1 && !key.ctrl) list.setQuery(list.query + input.replace(/[\r\n]+/g, '')); // a paste
    else {
      const next = editText(app.keymap, list.query, input, key, name);
      if (next !== undefined) list.setQuery(next);
    }
    return true;
  });

  const theme = app.theme;
  return (
    <Box flexDirection="column" width={width} paddingX={1} borderStyle="round" borderColor={theme.accent}>
      <Text bold color={theme.accent} wrap="truncate">{spec.title}</Text>
      <Box>
        <Text color={theme.accent}>{'› '}</Text>
        <Text>{list.query}</Text>
        <Text inverse> </Text>
        <Text color={theme.muted}>{`   ${list.indices.length} of ${spec.items.length}`}</Text>
      </Box>
      {list.indices.length > 0
        ? <Table columns={spec.columns} items={list.items} indices={list.indices} selected={list.selected} offset={list.offset} height={list.height} width={width - 4} query={list.query} theme={theme} />
        : <Text color={typed ? undefined : theme.muted} wrap="truncate">{typed ? `› ${spec.text(typed)}` : spec.empty}</Text>}
      {current && spec.note && <Text wrap="wrap">{spec.note(current)}</Text>}
      <Text color={theme.muted} wrap="truncate">{`type part of the name · ${hintLine(app.keymap, [['down', 'move'], ['open', 'pick'], ['back', 'cancel']], { typing: true })}`}</Text>
    </Box>
  );
}

/** Opens the chooser; resolves with the item picked, or undefined on Esc. */
export function choose<T>(app: AppServices, spec: ChooserSpec<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    app.overlay((close) => <Chooser spec={spec} width={Math.min(96, app.size.columns - 2)} onDone={(item) => { close(); resolve(item); }} />);
  });
}
