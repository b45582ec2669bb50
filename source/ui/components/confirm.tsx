/**
 * Yes/no confirmation, and the type-the-name confirmation for what cannot be undone. Keys are the
 * `confirm.yes` / `confirm.no` commands; in the type-the-name dialog letters are the name, so only
 * their control keys (Enter, Esc) count there.
 */
import { Box } from 'ink';
import { Text } from './text.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import { useCapture } from '../input-router.js';
import type { ConfirmSpec } from '../keymap/bindings.js';
import { hintLine, keysText, type Keymap } from '../keymap/keymap.js';
import type { Theme } from '../theme.js';
import { Modal } from './modal.js';
import { editLine, lineAtEnd } from './text-input.js';
import { cursorWindow } from './form-field.js';

export interface ConfirmProps {
  spec: ConfirmSpec;
  width: number;
  theme: Theme;
  keymap: Keymap;
  onDone: (confirmed: boolean) => void;
}

const ANSWERS = ['confirm.yes', 'confirm.no'] as const;

export function ConfirmDialog({ spec, width, theme, keymap, onDone }: ConfirmProps) {
  useCapture((_input, _key, name) => {
    const cmd = keymap.commandFor(name, ANSWERS);
    if (cmd) onDone(cmd === 'confirm.yes');
    return true;
  });
  return (
    <Modal title={spec.title} hint={hintLine(keymap, [['confirm.yes', spec.action ?? 'confirm'], ['confirm.no', 'cancel']])} width={width} theme={theme} tone="danger">
      {spec.body && <Text wrap="wrap">{spec.body}</Text>}
    </Modal>
  );
}

export function TypeNameDialog({ spec, width, theme, keymap, onDone }: ConfirmProps) {
  // Read back at once (see use-sync-state): the name and Enter typed in one go confirm.
  const [line, setLine, latestLine] = useSyncState(lineAtEnd(''));
  const typed = line.text;
  const expected = spec.typeName ?? '';
  const ok = typed === expected;
  useCapture((input, key, name) => {
    const cmd = keymap.commandFor(name, ANSWERS, { typing: true });
    if (cmd === 'confirm.no') onDone(false);
    else if (cmd === 'confirm.yes') { if (latestLine().text === expected) onDone(true); }
    else {
      const next = editLine(keymap, latestLine(), input, key, name);
      if (next !== undefined) setLine(next);
    }
    return true;
  });
  const yes = keysText(keymap, 'confirm.yes', { typing: true });
  const no = keysText(keymap, 'confirm.no', { typing: true });
  return (
    <Modal title={spec.title} hint={`Type ${expected} then ${yes} to ${spec.action?.toLowerCase() ?? 'confirm'} · ${no} cancel`} width={width} theme={theme} tone="danger">
      {spec.body && <Text wrap="wrap">{spec.body}</Text>}
      <Box marginTop={1}>
        <Text>Name: </Text>
        <TypedName line={line} width={width - 10} color={ok ? theme.ok : undefined} />
      </Box>
      {typed.length > 0 && !ok && <Text color={theme.muted}>{expected.startsWith(typed) ? 'keep typing…' : 'does not match'}</Text>}
    </Modal>
  );
}

function TypedName({ line, width, color }: { line: { text: string; cursor: number }; width: number; color?: string }) {
  const w = cursorWindow(line.text, line.cursor, width);
  return <Text color={color}>{w.before}<Text inverse>{w.at}</Text>{w.after}</Text>;
}
