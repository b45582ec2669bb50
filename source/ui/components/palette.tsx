/** The `:` command palette: :vaults :secrets :keys :certs :access :locks :bin :audit :sub <name> :theme <name> :help :q */
import { Box } from 'ink';
import { Text } from './text.js';
import { useState } from 'react';
import type { Subscription } from '../../domain/directory.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import { useCapture } from '../input-router.js';
import { hintLine, type Keymap } from '../keymap/keymap.js';
import { paneNumber, type PaneId } from '../panes/ids.js';
import { THEME_NAMES, type Theme } from '../theme.js';
import { Modal } from './modal.js';
import { editLine, lineAtEnd } from './text-input.js';
import { cursorWindow } from './form-field.js';

export interface PaletteCommand {
  pane?: PaneId;
  /** A subscription id, or null for all. */
  sub?: string | null;
  theme?: string;
  help?: boolean;
  quit?: boolean;
}

/** A palette entry that opens a pane; its number comes from the pane table. */
const paneEntry = (name: string, aliases: string[], pane: PaneId, what: string) => ({ name, aliases, summary: `pane ${paneNumber(pane)}: ${what}`, command: { pane } });

export const PALETTE_ENTRIES: { name: string; aliases: string[]; summary: string; command?: PaletteCommand }[] = [
  paneEntry('vaults', ['v', 'vault'], 'vaults', 'vaults'),
  paneEntry('secrets', ['s', 'secret'], 'secrets', 'secrets of the selected vault'),
  paneEntry('keys', ['k', 'key'], 'keys', 'keys'),
  paneEntry('certs', ['c', 'cert', 'certificate', 'certificates'], 'certificates', 'certificates'),
  paneEntry('access', ['p', 'policies', 'policy', 'rbac'], 'access', 'access: access policies or role assignments'),
  paneEntry('locks', ['l', 'lock'], 'locks', 'locks'),
  paneEntry('bin', ['deleted', 'trash'], 'deleted', 'deleted items'),
  paneEntry('audit', ['a', 'log'], 'audit', 'audit log'),
  { name: 'sub', aliases: ['subscription'], summary: 'sub <name>: limit vaults to one subscription (no name: all)' },
  { name: 'theme', aliases: [], summary: `theme <${THEME_NAMES.join('|')}>` },
  { name: 'help', aliases: ['h'], summary: 'every key of this pane', command: { help: true } },
  { name: 'q', aliases: ['quit', 'exit'], summary: 'quit kvdeck', command: { quit: true } },
];

/** Parses what was typed after ':'; an error string when it cannot run. */
export function parsePalette(text: string, subscriptions: readonly Subscription[]): PaletteCommand | string {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ');
  const w = word.toLowerCase();
  const entry = PALETTE_ENTRIES.find((e) => e.name === w || e.aliases.includes(w));
  if (!entry) return `Unknown command :${word}. Try :vaults, :secrets, :keys, :certs, :access, :locks, :bin, :audit, :sub <name>, :q.`;
  if (entry.name === 'sub') {
    if (!arg || arg === 'all' || arg === '*') return { sub: null };
    const a = arg.toLowerCase();
    const s = subscriptions.find((x) => x.id.toLowerCase() === a || x.displayName.toLowerCase() === a)
      ?? subscriptions.find((x) => x.displayName.toLowerCase().includes(a));
    return s ? { sub: s.id } : `No subscription matches "${arg}". Known: ${subscriptions.map((x) => x.displayName).join(', ')}.`;
  }
  if (entry.name === 'theme') return THEME_NAMES.includes(arg) ? { theme: arg } : `Themes: ${THEME_NAMES.join(', ')}.`;
  return entry.command!;
}

export interface PaletteProps {
  width: number;
  theme: Theme;
  keymap: Keymap;
  subscriptions: readonly Subscription[];
  onRun: (cmd: PaletteCommand) => void;
  onClose: () => void;
}

const PALETTE_COMMANDS = ['palette.run', 'palette.complete', 'palette.close', 'text.deleteChar'] as const;

export function Palette({ width, theme, keymap, subscriptions, onRun, onClose }: PaletteProps) {
  // Read back at once (see use-sync-state): a command and Enter typed in one go run that command.
  const [line, setLine, latestLine] = useSyncState(lineAtEnd(''));
  const text = line.text;
  const [error, setError] = useState<string | undefined>();
  const suggestionsFor = (t: string) => {
    const word = t.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    return PALETTE_ENTRIES.filter((e) => !word || e.name.startsWith(word) || e.aliases.some((a) => a.startsWith(word)));
  };
  const word = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const suggestions = suggestionsFor(text);
  useCapture((input, key, name) => {
    const text = latestLine().text;
    const suggestions = suggestionsFor(text);
    const cmd = keymap.commandFor(name, PALETTE_COMMANDS, { typing: true });
    if (cmd === 'palette.close') onClose();
    else if (cmd === 'palette.run') {
      const typed = text.trim() === '' ? '' : text;
      const r = parsePalette(typed || (suggestions[0]?.name ?? ''), subscriptions);
      if (typeof r === 'string') setError(r);
      else onRun(r);
    } else if (cmd === 'palette.complete') { if (suggestions[0]) setLine(lineAtEnd(`${suggestions[0].name}${suggestions[0].name === 'sub' || suggestions[0].name === 'theme' ? ' ' : ''}`)); }
    // Deleting past the start closes the palette, as in vim.
    else if (cmd === 'text.deleteChar' && text === '') onClose();
    else {
      const next = editLine(keymap, latestLine(), input, key, name);
      if (next !== undefined) { setLine(next); setError(undefined); }
    }
    return true;
  });
  return (
    <Modal title="Command" hint={hintLine(keymap, [['palette.run', 'run'], ['palette.complete', 'complete'], ['palette.close', 'close']], { typing: true })} width={width} theme={theme}>
      <PaletteLine line={line} width={width - 5} accent={theme.accent} />
      {error ? <Text color={theme.error} wrap="wrap">{error}</Text> : suggestions.slice(0, 8).map((s) => (
        <Box key={s.name}><Box width={12}><Text bold>{`:${s.name}`}</Text></Box><Text color={theme.muted}>{s.summary}</Text></Box>
      ))}
      {word === 'sub' && subscriptions.length > 0 && <Text color={theme.muted}>{`Subscriptions: ${subscriptions.map((s) => s.displayName).join(', ')}`}</Text>}
    </Modal>
  );
}

function PaletteLine({ line, width, accent }: { line: { text: string; cursor: number }; width: number; accent?: string }) {
  const w = cursorWindow(line.text, line.cursor, width);
  return <Box><Text color={accent}>:</Text><Text>{w.before}<Text inverse>{w.at}</Text>{w.after}</Text></Box>;
}
