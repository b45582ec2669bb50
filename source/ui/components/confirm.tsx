/** Yes/no confirmation, and the type-the-name confirmation for what cannot be undone. */
import { Box, Text } from 'ink';
import { useSyncState } from '../hooks/use-sync-state.js';
import { useCapture } from '../input-router.js';
import type { ConfirmSpec } from '../keymap/bindings.js';
import { isPrintable } from '../keymap/keys.js';
import type { Theme } from '../theme.js';
import { Modal } from './modal.js';

export interface ConfirmProps {
  spec: ConfirmSpec;
  width: number;
  theme: Theme;
  onDone: (confirmed: boolean) => void;
}

export function ConfirmDialog({ spec, width, theme, onDone }: ConfirmProps) {
  useCapture((input, _key, name) => {
    if (input === 'y' || input === 'Y' || name === 'enter') onDone(true);
    else if (input === 'n' || input === 'N' || name === 'esc' || input === 'q') onDone(false);
    return true;
  });
  return (
    <Modal title={spec.title} hint={`y / Enter ${spec.action ?? 'confirm'} · n / Esc cancel`} width={width} theme={theme} tone="danger">
      {spec.body && <Text wrap="wrap">{spec.body}</Text>}
    </Modal>
  );
}

export function TypeNameDialog({ spec, width, theme, onDone }: ConfirmProps) {
  // Read back at once (see use-sync-state): the name and Enter typed in one go confirm.
  const [typed, setTyped, latestTyped] = useSyncState('');
  const expected = spec.typeName ?? '';
  const ok = typed === expected;
  useCapture((input, key, name) => {
    if (name === 'esc') onDone(false);
    else if (name === 'enter') { if (latestTyped() === expected) onDone(true); }
    else if (name === 'backspace' || name === 'delete') setTyped((t) => t.slice(0, -1));
    else if (name === 'ctrl+u') setTyped('');
    else if (isPrintable(input, key)) setTyped((t) => t + input);
    return true;
  });
  return (
    <Modal title={spec.title} hint={`Type ${expected} then Enter to ${spec.action?.toLowerCase() ?? 'confirm'} · Esc cancel`} width={width} theme={theme} tone="danger">
      {spec.body && <Text wrap="wrap">{spec.body}</Text>}
      <Box marginTop={1}>
        <Text>Name: </Text>
        <Text color={ok ? theme.ok : undefined}>{typed}</Text>
        <Text inverse> </Text>
      </Box>
      {typed.length > 0 && !ok && <Text color={theme.muted}>{expected.startsWith(typed) ? 'keep typing…' : 'does not match'}</Text>}
    </Modal>
  );
}
