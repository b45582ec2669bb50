/** Key hints of the focused pane, generated from its bindings; disabled ones are dimmed and struck. */
import { Box } from 'ink';
import { Text } from './text.js';
import { bindingState, type Binding } from '../keymap/bindings.js';
import type { Keymap } from '../keymap/keymap.js';
import { keysText } from '../keymap/keymap.js';
import { displayKey } from '../keymap/keys.js';
import type { PaneId } from '../panes/ids.js';
import type { Theme } from '../theme.js';

export interface Hint {
  keys: string;
  label: string;
  disabled?: string;
}

export function hintsFor(bindings: readonly Binding[], keymap: Keymap, pane: PaneId, readonly: boolean): Hint[] {
  const out: Hint[] = [];
  for (const b of bindings) {
    if (b.hidden) continue;
    const s = bindingState(b, readonly);
    if (!s.visible) continue;
    const keys = keymap.keysFor(b.command, pane);
    if (keys.length === 0) continue;
    out.push({ keys: displayKey(keys[0]), label: b.label, disabled: s.enabled ? undefined : s.reason });
  }
  return out;
}

export const shortLabel = (label: string) => label.split(/\s+/).find((w) => w !== '' && !w.endsWith(':')) ?? label;

const lengthOf = (hs: Hint[]) => hs.reduce((s, h) => s + h.keys.length + 1 + h.label.length + 2, 0);

/** The two hints every footer ends with (help and quit), in the keys the user has. */
export function closingHints(keymap: Keymap): Hint[] {
  return [{ keys: keysText(keymap, 'help', { first: true }), label: 'help' }, { keys: keysText(keymap, 'quit', { first: true }), label: 'quit' }].filter((h) => h.keys);
}

export function Footer({ hints, closing, width, theme }: { hints: Hint[]; closing: Hint[]; width: number; theme: Theme }) {
  let all: Hint[] = [...hints, ...closing];
  // Narrow terminal: labels shrink to their first word ("copy value" → "copy") before anything is cut —
  // a word that says something: never empty, never a heading like "result:".
  if (lengthOf(all) > width) all = all.map((h) => ({ ...h, label: shortLabel(h.label) }));
  // Still too long: the last pane hints give way (all of them stay in ? help), never "? help" itself.
  while (lengthOf(all) > width && all.length > closing.length) all.splice(all.length - closing.length - 1, 1);
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text wrap="truncate">
        {all.map((h, i) => (
          <Text key={i} dimColor={!!h.disabled} strikethrough={!!h.disabled}>
            <Text bold color={h.disabled ? undefined : theme.accent}>{h.keys}</Text> {h.label}{i < all.length - 1 ? '  ' : ''}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
