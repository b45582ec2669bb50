/**
 * Picking permissions one by one: a checkbox grid per area (keys, secrets, certificates), one area at
 * a time. Tab / Shift-Tab switch area, arrows move, Space toggles, a toggles the whole area,
 * Enter / Ctrl-S saves, Esc cancels. Storage permissions are kept as they were.
 */
import { Box, Text } from 'ink';
import { PERMISSIONS, type Permissions } from '../../../domain/access-policy.js';
import { Modal } from '../../components/modal.js';
import { fit } from '../../components/text-width.js';
import { useCapture } from '../../input-router.js';
import { useSyncState } from '../../hooks/use-sync-state.js';
import type { Theme } from '../../theme.js';
import { AREAS, orderedPermissions, summarizePermissions } from './format.js';

export const PICKER_COLUMNS = 4;
const CELL = 20;

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

export function PermissionPicker({ title, initial, width, theme, onDone }: PickerProps) {
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

  useCapture((input, _key, name) => {
    if (name === 'esc') onDone(undefined);
    else if (name === 'enter' || name === 'ctrl+s') onDone(latest().perms);
    else if (name === 'tab') switchArea(1);
    else if (name === 'shift+tab') switchArea(-1);
    else if (name === 'right' || input === 'l') move(1);
    else if (name === 'left' || input === 'h') move(-1);
    else if (name === 'down' || input === 'j') move(PICKER_COLUMNS);
    else if (name === 'up' || input === 'k') move(-PICKER_COLUMNS);
    else if (input === ' ' || input === 'x') toggle();
    else if (input === 'a') toggleAll();
    return true;
  });

  const rows: string[][] = [];
  for (let i = 0; i < choices.length; i += PICKER_COLUMNS) rows.push(choices.slice(i, i + PICKER_COLUMNS));
  return (
    <Modal title={title} hint="Tab next area · arrows move · Space toggle · a all/none · Enter save · Esc cancel" width={width} theme={theme}>
      <Box>
        {AREAS.map((a, i) => (
          <Text key={a} bold={i === areaIndex} inverse={i === areaIndex} color={i === areaIndex ? theme.accent : theme.muted}>{` ${a} (${perms[a].length}) `}</Text>
        ))}
      </Box>
      {rows.map((r, ri) => (
        <Box key={ri}>
          {r.map((p, ci) => {
            const at = ri * PICKER_COLUMNS + ci;
            return <Text key={p} inverse={at === cursor}>{fit(`${has(p) ? '[x]' : '[ ]'} ${p}`, CELL)}</Text>;
          })}
        </Box>
      ))}
      <Text color={theme.muted} wrap="truncate">{summarizePermissions(perms)}</Text>
    </Modal>
  );
}
