/** Drives the real App on the real demo engine and memory backend through ink-testing-library. */
import { render } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { ROLE_IDS } from '../../source/domain/role-definitions.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { App } from '../../source/ui/app.js';
import { createClipboard } from '../../source/ui/clipboard.js';
import { PANE_IDS, type PaneId } from '../../source/ui/panes/ids.js';
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

export function renderApp(o: AppOptions = {}) {
  const engine = createEngine({ seed: 'demo', perf: o.perf });
  const backend = o.backend ?? createMemoryBackend(engine, o.as ? { objectId: o.as } : undefined);
  const written: string[] = [];
  const clipboard = createClipboard({ write: (s) => written.push(s), env: {}, findTool: false, clearAfterMs: 0 });
  let quit = 0;
  const r = render(
    <App backend={backend} readonly={o.readonly} settings={o.settings ?? memorySettings()} clipboard={clipboard}
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
  return { ...r, engine, backend, frame, waitFor, press, type, clipboardWrites: written, quits: () => quit };
}

export const decodeOsc52 = (writes: string[]) =>
  writes.map((w) => /\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(w)?.[1]).filter((x): x is string => x !== undefined).map((b) => Buffer.from(b, 'base64').toString('utf8'));

/** Text as a bracketed paste sends it (Ink hands it to usePaste as one piece). */
export const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;

/** The words on screen, a dialog's borders and line wraps left out: for sentences that may wrap. */
export const said = (frame: string) => frame.split('\n').map((l) => l.replace(/^\s*[│╭╰]\s?|\s?[│╮╯]\s*$/g, '').trim()).join(' ').replace(/\s+/g, ' ');

/** The key of a pane by its id (pane.N): tests survive the panes being renumbered. */
export const paneKey = (id: PaneId) => String(PANE_IDS.indexOf(id) + 1);
