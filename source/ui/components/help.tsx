/**
 * The `?` screen, generated from the one table: every binding of the focused pane (with disabled
 * reasons), every global key, and the keys of the filter, dialogs, forms, palette and quick lookup —
 * always in the keys the user has. Keymap overrides that were left out are named at the bottom.
 */
import { Box } from 'ink';
import { Text } from './text.js';
import { useState } from 'react';
import { useCapture } from '../input-router.js';
import { bindingState, type Binding } from '../keymap/bindings.js';
import { COMMANDS, commandsIn, GLOBAL_COMMANDS, paneCommand, type CommandId, type Place } from '../keymap/commands.js';
import { keysText, type Keymap } from '../keymap/keymap.js';
import { displayKey } from '../keymap/keys.js';
import { PANE_IDS, paneTitle, type PaneId } from '../panes/ids.js';
import type { Theme } from '../theme.js';

export interface HelpProps {
  paneTitle: string;
  paneId: PaneId;
  bindings: readonly Binding[];
  keymap: Keymap;
  readonly: boolean;
  theme: Theme;
  width: number;
  /** Lines available (the body's height). */
  height: number;
  settingsPath: string;
  onClose: () => void;
}

export interface HelpRow { keys: string; label: string; disabled?: string }

/** The dialogs' sections, in the order a user meets them. */
const DIALOG_SECTIONS: readonly { title: (k: Keymap) => string; places: readonly Place[] }[] = [
  { title: (k) => `Filter (${keysText(k, 'filter', { first: true })}) and any text being typed`, places: ['filter', 'text'] },
  { title: () => 'Confirmations', places: ['confirm'] },
  { title: () => 'Forms', places: ['form', 'choice'] },
  { title: (k) => `Command palette (${keysText(k, 'palette', { first: true })})`, places: ['palette'] },
  { title: (k) => `Quick lookup (${keysText(k, 'lookup', { first: true })})`, places: ['lookup'] },
  { title: (k) => `Value viewer (${keysText(k, 'secrets.view', { first: true })} on a secret)`, places: ['viewer'] },
];

const keysOf = (keymap: Keymap, id: CommandId, pane?: PaneId) => keymap.keysFor(id, pane).map(displayKey).join(' ');

export function helpRows(bindings: readonly Binding[], keymap: Keymap, paneId: PaneId, readonly: boolean): { pane: HelpRow[]; global: HelpRow[]; dialogs: { title: string; rows: HelpRow[] }[] } {
  const seen = new Set<string>();
  const pane: HelpRow[] = [];
  for (const b of bindings) {
    const s = bindingState(b, readonly);
    if (!s.visible || seen.has(b.command)) continue;
    seen.add(b.command);
    const keys = keysOf(keymap, b.command, paneId);
    if (keys) pane.push({ keys, label: b.label, disabled: s.enabled ? undefined : s.reason });
  }
  const switches = PANE_IDS.map(paneCommand);
  const paneKeys = switches.map((id) => keymap.keysFor(id)[0]).filter(Boolean);
  // The default 1…N reads as a range; rebound keys are listed one by one.
  const range = paneKeys.join('') === PANE_IDS.map((_, i) => i + 1).join('') ? `1–${PANE_IDS.length}` : paneKeys.map(displayKey).join(' ');
  const global: HelpRow[] = [{ keys: range, label: `switch pane: ${PANE_IDS.map(paneTitle).join(', ')}` }];
  for (const id of GLOBAL_COMMANDS) if (!switches.includes(id)) global.push({ keys: keysOf(keymap, id), label: COMMANDS[id].description });
  const dialogs = DIALOG_SECTIONS.map(({ title, places }) => ({
    title: title(keymap),
    rows: [...new Set(places.flatMap(commandsIn))].map((id) => ({ keys: keysOf(keymap, id), label: COMMANDS[id].description })),
  }));
  return { pane, global, dialogs };
}

type Line = { title: string } | HelpRow | { note: string; tone: 'muted' | 'warn' };

export function HelpOverlay(p: HelpProps) {
  const [scroll, setScroll] = useState(0);
  const page = Math.max(1, p.height - 2);
  useCapture((_input, _key, name) => {
    const cmd = p.keymap.commandFor(name, ['up', 'down', 'pageUp', 'pageDown']);
    if (cmd === 'down') setScroll((s) => s + 1);
    else if (cmd === 'up') setScroll((s) => Math.max(0, s - 1));
    else if (cmd === 'pageDown') setScroll((s) => s + page);
    else if (cmd === 'pageUp') setScroll((s) => Math.max(0, s - page));
    else p.onClose(); // `close` (Esc, Enter, q) — and any other key
    return true;
  });
  const { pane, global, dialogs } = helpRows(p.bindings, p.keymap, p.paneId, p.readonly);
  const left: Line[] = [{ title: `${p.paneTitle} pane` }, ...pane];
  const right: Line[] = [
    { title: 'Everywhere' }, ...global,
    ...dialogs.flatMap((d) => [{ title: d.title }, ...d.rows]),
    { note: `Keys can be changed in ${p.settingsPath} ("keymap").`, tone: 'muted' },
    ...p.keymap.problems.map((text) => ({ note: text, tone: 'warn' as const })),
  ];
  const wide = p.width >= 110;
  const colWidth = wide ? Math.floor(p.width / 2) - 2 : p.width - 2;
  const render = (l: Line, i: number) => {
    if ('title' in l) return <Text key={i} bold underline>{l.title}</Text>;
    if ('note' in l) return <Text key={i} color={l.tone === 'warn' ? p.theme.warn : p.theme.muted} wrap={l.tone === 'warn' ? 'wrap' : 'truncate'}>{l.note}</Text>;
    return (
      <Box key={i}>
        <Box width={14} flexShrink={0}><Text bold color={l.disabled ? undefined : p.theme.accent} dimColor={!!l.disabled} wrap="truncate">{l.keys}</Text></Box>
        <Text wrap="truncate" dimColor={!!l.disabled}>{l.label}{l.disabled ? ` — disabled (${l.disabled})` : ''}</Text>
      </Box>
    );
  };
  const column = (lines: Line[]) => {
    const from = Math.min(scroll, Math.max(0, lines.length - page));
    return <Box flexDirection="column" width={colWidth}>{lines.slice(from, from + page).map(render)}</Box>;
  };
  const scrollKeys = [keysOf(p.keymap, 'up'), keysOf(p.keymap, 'down')].filter(Boolean).join(' / ');
  return (
    <Box flexDirection="column" width={p.width} paddingX={1}>
      <Text bold color={p.theme.accent} wrap="truncate">{`Help — ${scrollKeys ? `${scrollKeys} scroll · ` : ''}any other key closes`}</Text>
      {wide ? <Box>{column(left)}<Box width={2} />{column(right)}</Box> : column([...left, ...right])}
    </Box>
  );
}
