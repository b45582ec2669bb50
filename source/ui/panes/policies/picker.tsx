/**
 * Picking permissions one by one: a checkbox grid per area (keys, secrets, certificates), one area at
 * a time. Tab / Shift-Tab switch area, arrows move, Space toggles, a toggles the whole area,
 * Enter / Ctrl-S saves, Esc cancels (the `policies.*` commands, and the list's up/down).
 * Storage permissions are kept as they were.
 */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import { PERMISSIONS, type Permissions } from '../../../domain/access-policy.js';
import { Modal } from '../../components/modal.js';
import { useApp } from '../../app-context.js';
import { useCapture } from '../../input-router.js';
import { hintLine } from '../../keymap/keymap.js';
import { useSyncState } from '../../hooks/use-sync-state.js';
import type { Theme } from '../../theme.js';
import { AREAS, orderedPermissions, summarizePermissions } from './format.js';

/** At most this many permissions a row. */
export const PICKER_COLUMNS = 4;

/**
 * Cells as wide as the longest permission ("[x] getrotationpolicy") and a gap, as many a row as the
 * box holds (3 at 80 columns, 4 when there is room): no cell is cut, none runs into the next, no row wraps.
 */
export function pickerGrid(width: number): { columns: number; cell: number } {
  const longest = Math.max(...AREAS.flatMap((a) => choicesOf(a).map((p) => p.length)));
  const cell = longest + 5;
  const inner = width - 4; // border and padding
  return { cell, columns: Math.max(1, Math.min(PICKER_COLUMNS, Math.floor(inner / cell))) };
}

/** The choices of an area, without "all" (ticking every box is the same and clearer). */
export const choicesOf = (area: (typeof AREAS)[number]) => PERMISSIONS[area].filter((p) => p !== 'all');

/** Expands "all" into every permission so each box can be unticked. */
function expand(p: Permissions): Permissions {
  const out = { ...p };
  for (const a of AREAS) out[a] = p[a].some((x) => x.toLowerCase() === 'all') ? choicesOf(a) : orderedPermissions(a, p[a]);
  return out;
}

export interface PickerProps {
  title: string;
  initial: Permissions;
  width: number;
  theme: Theme;
  onDone: (p: Permissions | undefined) => void;
}

const PICKER_COMMANDS = ['policies.cancel', 'policies.save', 'policies.nextArea', 'policies.prevArea', 'policies.right', 'policies.left', 'down', 'up', 'policies.toggle', 'policies.toggleAll'] as const;

export function PermissionPicker({ title, initial, width, theme, onDone }: PickerProps) {
  const { keymap } = useApp();
  // One state read back at once (see use-sync-state): Right, Right, Space in one read toggle the third box.
  const [st, update, latest] = useSyncState(() => ({ perms: expand(initial), areaIndex: 0, cursor: 0 }));
  const { perms, areaIndex, cursor } = st;
  const area = AREAS[areaIndex];
  const choices = choicesOf(area);
  const has = (p: string) => perms[area].some((x) => x.toLowerCase() === p.toLowerCase());
  const ticked = (list: readonly string[], p: string) => list.some((x) => x.toLowerCase() === p.toLowerCase());
  const toggle = () => update((s) => {
    const a = AREAS[s.areaIndex];
    const p = choicesOf(a)[s.cursor];
    const list = s.perms[a];
    return { ...s, perms: { ...s.perms, [a]: ticked(list, p) ? list.filter((x) => x.toLowerCase() !== p.toLowerCase()) : orderedPermissions(a, [...list, p]) } };
  });
  const toggleAll = () => update((s) => {
    const a = AREAS[s.areaIndex];
    const all = choicesOf(a);
    return { ...s, perms: { ...s.perms, [a]: all.every((c) => ticked(s.perms[a], c)) ? [] : [...all] } };
  });
  const switchArea = (d: number) => update((s) => ({ ...s, areaIndex: (s.areaIndex + d + AREAS.length) % AREAS.length, cursor: 0 }));
  const move = (d: number) => update((s) => ({ ...s, cursor: Math.max(0, Math.min(choicesOf(AREAS[s.areaIndex]).length - 1, s.cursor + d)) }));
  const { columns, cell } = pickerGrid(width);

  useCapture((_input, _key, name) => {
    const cmd = keymap.commandFor(name, PICKER_COMMANDS);
    if (cmd === 'policies.cancel') onDone(undefined);
    else if (cmd === 'policies.save') onDone(latest().perms);
    else if (cmd === 'policies.nextArea') switchArea(1);
    else if (cmd === 'policies.prevArea') switchArea(-1);
    else if (cmd === 'policies.right') move(1);
    else if (cmd === 'policies.left') move(-1);
    else if (cmd === 'down') move(columns);
    else if (cmd === 'up') move(-columns);
    else if (cmd === 'policies.toggle') toggle();
    else if (cmd === 'policies.toggleAll') toggleAll();
    return true;
  });

  const rows: string[][] = [];
  for (let i = 0; i < choices.length; i += columns) rows.push(choices.slice(i, i + columns));
  return (
    <Modal title={title} hint={hintLine(keymap, [['policies.nextArea', 'next area'], ['policies.toggle', 'toggle'], ['policies.toggleAll', 'all/none'], ['policies.save', 'save'], ['policies.cancel', 'cancel']])} width={width} theme={theme}>
      <Box>
        {AREAS.map((a, i) => (
          <Text key={a} bold={i === areaIndex} inverse={i === areaIndex} color={i === areaIndex ? theme.accent : theme.muted}>{` ${a} (${perms[a].length}) `}</Text>
        ))}
      </Box>
      {rows.map((r, ri) => (
        <Box key={ri}>
          {r.map((p, ci) => {
            const at = ri * columns + ci;
            return <Box key={p} width={cell} flexShrink={0}><Text inverse={at === cursor}>{`${has(p) ? '[x]' : '[ ]'} ${p}`}</Text></Box>;
          })}
        </Box>
      ))}
      <Text color={theme.muted} wrap="truncate">{summarizePermissions(perms)}</Text>
    </Modal>
  );
}
