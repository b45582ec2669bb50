/** Drives the real App on the real demo engine and memory backend through ink-testing-library. */
import { render } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { App } from '../../source/ui/app.js';
import { createClipboard } from '../../source/ui/clipboard.js';
import { paneCommand, type CommandId } from '../../source/ui/keymap/commands.js';
import { createKeymap, type Keymap } from '../../source/ui/keymap/keymap.js';
import { paneNumber, type PaneId } from '../../source/ui/panes/ids.js';
import { memorySettings, type Settings } from '../../source/ui/settings.js';

// ink-testing-library's stdout has columns but no rows: Ink then asks terminal-size, which spawns
// `tput` on every frame unless the size is in the environment. Our App is sized by props anyway.
process.env.COLUMNS ??= '100';
process.env.LINES ??= '30';

export const KEYS = {
  up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D', enter: '\r', esc: '\u001b', tab: '\t', shiftTab: '\u001b[Z',
  ctrlP: '\u0010', ctrlR: '\u0012', ctrlS: '\u0013', pageDown: '\u001b[6~', pageUp: '\u001b[5~', backspace: '\u007f',
};

export interface AppOptions {
  readonly?: boolean;
  as?: string;
  perf?: number;
  size?: { columns: number; rows: number };
  pane?: PaneId;
  settings?: Settings;
  /** How long a revealed value stays (default 30 s). */
  revealMs?: number;
  /** Another backend (the Azure backend on an emulator); default: the memory backend on a demo engine. */
  backend?: Backend;
}

/**
 * contoso-web-app, made Reader of the Edge subscription as well: it then sees ase-edge01-kv, whose access
 * policies do not let it list secrets (in the demo as seeded, it sees only the Production vaults).
 */
export function webAppSeeingEdge(): Backend {
  const engine = createEngine({ seed: 'demo' });
  engine.access.create({ objectId: DEMO.principals.operator }, { scope: `/subscriptions/${DEMO.subscriptions.edge}`, roleDefinitionId: ROLE_IDS.reader, principalId: DEMO.principals.webApp });
  return createMemoryBackend(engine, { objectId: DEMO.principals.webApp });
}

const tick = () => new Promise((r) => setTimeout(r, 15));

/** What a terminal sends for a key, by the name keys.ts gives it ("enter", "ctrl+r", "j"). */
const SEQUENCES: Record<string, string> = {
  enter: KEYS.enter, esc: KEYS.esc, tab: KEYS.tab, 'shift+tab': KEYS.shiftTab, up: KEYS.up, down: KEYS.down, left: KEYS.left, right: KEYS.right,
  pageup: KEYS.pageUp, pagedown: KEYS.pageDown, backspace: KEYS.backspace, delete: '\u001b[3~', home: '\u001b[H', end: '\u001b[F',
};
export function keySequence(name: string): string {
  if (SEQUENCES[name]) return SEQUENCES[name];
  const ctrl = /^ctrl\+([a-z])$/.exec(name);
  if (ctrl) return String.fromCharCode(ctrl[1].charCodeAt(0) - 96);
  if ([...name].length === 1) return name;
  throw new Error(`no terminal sequence for the key ${name}`);
}

/** The keys a command has in this keymap, as the terminal sends its first one. */
export const commandKey = (keymap: Keymap, command: CommandId) => keySequence(keymap.keysFor(command)[0]);

export function renderApp(o: AppOptions = {}) {
  const engine = createEngine({ seed: 'demo', perf: o.perf });
  const backend = o.backend ?? createMemoryBackend(engine, o.as ? { objectId: o.as } : undefined);
  const written: string[] = [];
  const clipboard = createClipboard({ write: (s) => written.push(s), env: {}, findTool: false, clearAfterMs: 0 });
  let quit = 0;
  const settings = o.settings ?? memorySettings();
  const r = render(
    <App backend={backend} readonly={o.readonly} settings={settings} clipboard={clipboard}
      size={o.size ?? { columns: 100, rows: 30 }} initialPane={o.pane ?? 'vaults'} revealMs={o.revealMs} onQuit={() => quit++} />,
  );
  // ink-testing-library's stdout is 100 columns: a wider App would be laid out in 100. Give it the App's width.
  if (o.size && o.size.columns !== 100) Object.defineProperty(r.stdout, 'columns', { get: () => o.size!.columns, configurable: true });
  const frame = () => r.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what = 'condition', ms = 3000) => {
    const start = Date.now();
    while (Date.now() - start < ms) {
      if (pred(frame())) return frame();
      await tick();
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
      // A lone Esc is held briefly by the key parser (it may start a sequence): let it go alone.
      if (k === KEYS.esc) await new Promise((res) => setTimeout(res, 60));
    }
  };
  /** Types text one character at a time (as a person would). */
  const type = async (text: string) => { for (const ch of text) await press(ch); };
  // Commands by name, through the keymap the app runs with: a test reads as intent and survives rebinding.
  const keymap = createKeymap(settings.get('keymap'));
  const keyOf = (command: CommandId) => commandKey(keymap, command);
  const command = (...commands: CommandId[]) => press(...commands.map(keyOf));
  /** Opens a pane by its command (pane.N from the pane table). */
  const pane = (id: PaneId) => command(paneCommand(id));
  /** What the terminal sends for the key that opens a pane (to write it glued to other keys). */
  const paneKey = (id: PaneId) => keyOf(paneCommand(id));
  return { ...r, engine, backend, frame, waitFor, press, type, command, pane, keyOf, paneKey, clipboardWrites: written, quits: () => quit };
}

/** A frame as one line, without the dialogs' borders: a sentence may wrap anywhere. */
export const flat = (f: string) => f.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

export const decodeOsc52 = (writes: string[]) =>
  writes.map((w) => /\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(w)?.[1]).filter((x): x is string => x !== undefined).map((b) => Buffer.from(b, 'base64').toString('utf8'));

export type RenderedApp = ReturnType<typeof renderApp>;

/** Selects contoso-app-kv (the second vault by name) and opens `pane` on it, waiting until `proof` is shown. */
export async function openOnAppVault(pane: PaneId, proof: string, options: AppOptions = {}): Promise<RenderedApp> {
  const app = renderApp({ size: { columns: 120, rows: 30 }, ...options });
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j');
  await app.pane(pane);
  await app.waitFor((f) => f.includes('› contoso-app-kv') && f.includes(proof), `${pane} of contoso-app-kv`);
  return app;
}

/** Filters the focused list to `name` and keeps the filter: its row is the selected one. */
export async function selectByFilter(app: RenderedApp, name: string): Promise<void> {
  await app.command('filter');
  await app.type(name);
  await app.command('filter.keep');
  await app.waitFor((f) => f.includes(`/${name}`), `${name} selected`);
}

/** Text as a bracketed paste sends it (Ink hands it to usePaste as one piece). */
export const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;

/** The words on screen, a dialog's borders and line wraps left out: for sentences that may wrap. */
export const said = (frame: string) => frame.split('\n').map((l) => l.replace(/^\s*[│╭╰]\s?|\s?[│╮╯]\s*$/g, '').trim()).join(' ').replace(/\s+/g, ' ');

/** The default key of a pane by its id (pane.N): tests survive the panes being renumbered. */
export const paneKey = (id: PaneId) => String(paneNumber(id));
