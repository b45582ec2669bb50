/** The `?` screen: every binding of the focused pane and every global key, with disabled reasons. */
import { Box, Text } from 'ink';
import { useState } from 'react';
import { useCapture } from '../input-router.js';
import { bindingState, type Binding } from '../keymap/bindings.js';
import { GLOBAL_COMMANDS } from '../keymap/commands.js';
import type { Keymap } from '../keymap/keymap.js';
import { displayKey } from '../keymap/keys.js';
import type { Theme } from '../theme.js';

export interface HelpProps {
  paneTitle: string;
  paneId: string;
  bindings: readonly Binding[];
  keymap: Keymap;
  readonly: boolean;
  theme: Theme;
  width: number;
  settingsPath: string;
  onClose: () => void;
}

interface Row { keys: string; label: string; disabled?: string }

export function helpRows(bindings: readonly Binding[], keymap: Keymap, paneId: string, readonly: boolean): { pane: Row[]; global: Row[] } {
  const seen = new Set<string>();
  const pane: Row[] = [];
  for (const b of bindings) {
    const s = bindingState(b, readonly);
    if (!s.visible || seen.has(b.command)) continue;
    seen.add(b.command);
    const keys = keymap.keysFor(b.command, paneId, b.keys).map(displayKey).join(' ');
    if (keys) pane.push({ keys, label: b.label, disabled: s.enabled ? undefined : s.reason });
  }
  const paneKeys = [1, 2, 3, 4, 5, 6, 7].map((n) => keymap.keysFor(`pane.${n}`)[0]).filter(Boolean);
  const global: Row[] = [{ keys: paneKeys.length === 7 && paneKeys.join('') === '1234567' ? '1–7' : paneKeys.join(' '), label: 'switch pane: Vaults, Secrets, Keys, Access policies, Locks, Deleted, Audit' }];
  for (const g of GLOBAL_COMMANDS) {
    if (/^pane\.\d$/.test(g.command)) continue;
    global.push({ keys: keymap.keysFor(g.command).map(displayKey).join(' '), label: g.label });
  }
  return { pane, global };
}

export function HelpOverlay(p: HelpProps) {
  const [scroll, setScroll] = useState(0);
  useCapture((input, _key, name) => {
    if (name === 'down' || input === 'j') setScroll((s) => s + 1);
    else if (name === 'up' || input === 'k') setScroll((s) => Math.max(0, s - 1));
    else p.onClose();
    return true;
  });
  const { pane, global } = helpRows(p.bindings, p.keymap, p.paneId, p.readonly);
  const render = (r: Row, i: number) => (
    <Box key={i}>
      <Box width={14} flexShrink={0}><Text bold color={r.disabled ? undefined : p.theme.accent} dimColor={!!r.disabled}>{r.keys}</Text></Box>
      <Text wrap="truncate" dimColor={!!r.disabled}>{r.label}{r.disabled ? ` — disabled (${r.disabled})` : ''}</Text>
    </Box>
  );
  const wide = p.width >= 110;
  const paneBlock = (
    <Box flexDirection="column" width={wide ? Math.floor(p.width / 2) - 2 : p.width - 2}>
      <Text bold underline>{`${p.paneTitle} pane`}</Text>
      {pane.slice(wide ? 0 : scroll).map(render)}
    </Box>
  );
  const globalBlock = (
    <Box flexDirection="column" width={wide ? Math.floor(p.width / 2) - 2 : p.width - 2} marginTop={wide ? 0 : 1}>
      <Text bold underline>Everywhere</Text>
      {global.map(render)}
      <Text color={p.theme.muted}>{`Keys can be changed in ${p.settingsPath} ("keymap").`}</Text>
    </Box>
  );
  return (
    <Box flexDirection="column" width={p.width} paddingX={1}>
      <Text bold color={p.theme.accent}>Help — any key closes · j/k scroll</Text>
      {wide ? <Box>{paneBlock}{globalBlock}</Box> : <Box flexDirection="column">{paneBlock}{globalBlock}</Box>}
    </Box>
  );
}
