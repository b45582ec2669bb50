/**
 * A small real-terminal driver for end-to-end tests and screenshots: the real `dist/kvdeck.js` runs in a
 * detached tmux session of a given size, on a private tmux server (-L kvdeck-e2e-<random>) so parallel
 * test files never share state. Keys go in with `send-keys`, the screen comes out with `capture-pane`.
 *
 * The child runs with CI and NODE_TEST_CONTEXT removed (CI=true makes Ink draw only the final frame),
 * its own XDG_CONFIG_HOME (settings such as the last pane never leak between runs), and tmux's
 * `set-clipboard on`, so an OSC 52 copy lands in a tmux paste buffer we can read back.
 * Every call is asynchronous: an emulator running in the test process must keep answering.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandId } from '../../source/ui/keymap/commands.js';
import { createKeymap, keysText, type Keymap, type KeymapOverrides } from '../../source/ui/keymap/keymap.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
export const BUNDLE = join(ROOT, 'dist/kvdeck.js');

export interface TermOptions {
  /** Arguments for kvdeck (ignored with `shell`). */
  args?: string[];
  cols?: number;
  rows?: number;
  /** Extra environment for the child. */
  env?: Record<string, string>;
  /** Start an interactive `sh` with this prompt instead of kvdeck (to test what the terminal looks like after it). */
  shell?: { prompt: string };
  /** tmux's default-terminal (TERM inside); default tmux-256color. */
  term?: string;
  /** Keymap overrides written to kvdeck's settings file before it starts; `press` follows them. */
  keymap?: KeymapOverrides;
  /** Other settings written to kvdeck's settings file (e.g. clipboardClearSeconds). */
  settings?: Record<string, unknown>;
}

/** A key name (keys.ts's spelling) as tmux send-keys spells it. */
const TMUX_KEYS: Record<string, string> = {
  enter: 'Enter', esc: 'Escape', tab: 'Tab', 'shift+tab': 'BTab', up: 'Up', down: 'Down', left: 'Left', right: 'Right',
  pageup: 'PageUp', pagedown: 'PageDown', home: 'Home', end: 'End', backspace: 'BSpace', delete: 'DC', ' ': 'Space',
};
function tmuxKey(name: string): { key: string; literal: boolean } {
  if (TMUX_KEYS[name]) return { key: TMUX_KEYS[name], literal: false };
  if (name.startsWith('ctrl+')) return { key: `C-${name.slice(5)}`, literal: false };
  if (name.startsWith('alt+')) return { key: `M-${name.slice(4)}`, literal: false };
  return { key: name, literal: true };
}

export type ScreenTest = string | RegExp | ((screen: string) => boolean);

const live = new Set<Term>();

// If a test crashes or is cancelled, do not leave tmux servers behind.
process.once('exit', () => {
  for (const t of live) {
    try { execFileSync('tmux', ['-L', t.socket, 'kill-server'], { stdio: 'ignore', timeout: 2000 }); } catch { /* gone */ }
    try { rmSync(t.home, { recursive: true, force: true }); } catch { /* gone */ }
    if (t.socketFile) try { rmSync(t.socketFile, { force: true }); } catch { /* gone */ }
  }
});

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

function describe(what: ScreenTest): string {
  return typeof what === 'function' ? 'a screen matching the predicate' : JSON.stringify(String(what));
}

export function matches(screen: string, what: ScreenTest): boolean {
  if (typeof what === 'string') return screen.includes(what);
  if (what instanceof RegExp) return what.test(screen);
  return what(screen);
}

export class Term {
  readonly socket = `kvdeck-e2e-${randomBytes(6).toString('hex')}`;
  /** A private home for settings and recordings. */
  readonly home = mkdtempSync(join(tmpdir(), 'kvdeck-e2e-'));
  cols: number;
  rows: number;
  /** The keymap kvdeck runs with (defaults plus `options.keymap`): `press` sends its keys. */
  readonly keymap: Keymap;
  private recordingFile?: string;
  private socketPath?: string;
  get socketFile(): string | undefined { return this.socketPath; }
  private killed = false;

  private constructor(options: TermOptions) {
    this.cols = options.cols ?? 100;
    this.rows = options.rows ?? 30;
    this.keymap = createKeymap(options.keymap);
  }

  /** Starts kvdeck (or a shell) in a fresh tmux server; resolves once the session exists. */
  static async start(options: TermOptions = {}): Promise<Term> {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test builds it).`);
    const t = new Term(options);
    live.add(t);
    const env: Record<string, string> = { XDG_CONFIG_HOME: join(t.home, 'config'), ...options.env };
    if (options.keymap || options.settings) {
      mkdirSync(join(t.home, 'config', 'kvdeck'), { recursive: true });
      writeFileSync(join(t.home, 'config', 'kvdeck', 'settings.json'), JSON.stringify({ ...options.settings, ...(options.keymap ? { keymap: options.keymap } : {}) }));
    }
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const unset = '-u CI -u NODE_TEST_CONTEXT -u NO_COLOR -u FORCE_COLOR -u KVDECK_DEBUG';
    const program = options.shell
      ? `PS1=${shellQuote(options.shell.prompt)} sh -i`
      : [NODE, BUNDLE, ...(options.args ?? [])].map(shellQuote).join(' ');
    const command = `cd ${shellQuote(ROOT)} && exec env ${unset} ${assignments} ${program}`;
    await t.tmux(
      'new-session', '-d', '-x', String(t.cols), '-y', String(t.rows), '-s', 'e2e', command, ';',
      'set', '-g', 'set-clipboard', 'on', ';',
      'set', '-g', 'default-terminal', options.term ?? 'tmux-256color', ';',
      // Keep the pane after the program exits, so a crash can still be read on screen.
      'set', '-g', 'remain-on-exit', 'on', ';',
      'set', '-g', 'status', 'off',
    );
    // tmux leaves its socket file behind after kill-server: remember it to remove it.
    t.socketPath = (await t.tmux('display-message', '-p', '#{socket_path}')).trim() || undefined;
    return t;
  }

  /** Runs a tmux command on this test's private server. */
  tmux(...args: string[]): Promise<string> {
    const env = { ...process.env };
    delete env.CI;
    delete env.NODE_TEST_CONTEXT;
    delete env.TMUX;
    return new Promise((res, rej) => {
      execFile('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { env, timeout: 10_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
        if (err) rej(new Error(`tmux ${args[0]} failed: ${stderr || err.message}`));
        else res(stdout);
      });
    });
  }

  /** Named keys as tmux spells them: 'Enter', 'Escape', 'C-p', 'PageDown', 'Down', 'BTab', 'j', … */
  async keys(...keys: string[]): Promise<void> {
    for (const k of keys) await this.tmux('send-keys', '-t', 'e2e', k);
  }

  /**
   * Presses commands by name, each with its first key in this terminal's keymap — so a scenario reads
   * like the user's intent and keeps working when the keys are rebound.
   */
  async press(...commands: CommandId[]): Promise<void> {
    for (const c of commands) {
      const name = this.keymap.keysFor(c)[0];
      if (!name) throw new Error(`${c} has no key in this keymap`);
      const { key, literal } = tmuxKey(name);
      await this.tmux('send-keys', '-t', 'e2e', ...(literal ? ['-l', key] : [key]));
    }
  }

  /** The first key of a command as the screen shows it in hints ("q", "Esc", "Ctrl-P"). */
  shown(command: CommandId): string {
    return keysText(this.keymap, command, { first: true });
  }

  /** Literal text, character by character as typed. */
  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', 'e2e', '-l', text);
  }

  /** The visible screen as plain text, lines joined by \n (trailing spaces trimmed). */
  async screen(): Promise<string> {
    return (await this.tmux('capture-pane', '-p', '-t', 'e2e')).split('\n').map((l) => l.trimEnd()).join('\n');
  }

  /** The visible screen with its colours and attributes as escape sequences (for screenshots). */
  screenshot(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-e', '-N', '-t', 'e2e');
  }

  /** A tmux format for the pane: '#{alternate_on}', '#{cursor_flag}', '#{pane_dead}', '#{pane_pid}', … */
  async display(format: string): Promise<string> {
    return (await this.tmux('display-message', '-p', '-t', 'e2e', format)).trim();
  }

  /** Resizes the terminal (the program gets SIGWINCH). */
  async resize(cols: number, rows: number): Promise<void> {
    await this.tmux('resize-window', '-t', 'e2e', '-x', String(cols), '-y', String(rows));
    this.cols = cols;
    this.rows = rows;
  }

  /** Polls the screen until it matches (returns that screen) or fails with the last screen shown. */
  async waitFor(what: ScreenTest, timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = await this.screen();
      if (matches(last, what)) return last;
      if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe(what)}. Screen:\n${last}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Polls the screen with its attributes (capture-pane -e) until it matches: e.g. /\x1b\[7m\[ \] set/ for a cursor (inverse) on "[ ] set". */
  async waitForStyled(what: ScreenTest, timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const styled = await this.screenshot();
      if (matches(styled, what)) return styled;
      if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe(what)} (with attributes). Screen:\n${await this.screen()}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Polls until the screen no longer matches. */
  waitForGone(what: ScreenTest, timeoutMs = 10_000): Promise<string> {
    return this.waitFor((s) => !matches(s, what), timeoutMs);
  }

  /** Polls a tmux format until it has the value (e.g. '#{alternate_on}' → '0'). */
  async waitForDisplay(format: string, value: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await this.display(format);
      if (v === value) return;
      if (Date.now() > until) throw new Error(`Timed out waiting for ${format} = ${value} (is ${v}). Screen:\n${await this.screen()}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Starts recording the raw bytes the program writes (tmux pipe-pane), from now on. */
  async record(): Promise<void> {
    this.recordingFile = join(this.home, 'output.raw');
    await this.tmux('pipe-pane', '-o', '-t', 'e2e', `cat >> ${shellQuote(this.recordingFile)}`);
  }

  /** What the program wrote since record(), raw (escape sequences included). */
  recorded(): string {
    if (!this.recordingFile || !existsSync(this.recordingFile)) return '';
    return readFileSync(this.recordingFile, 'latin1');
  }

  /** Every tmux paste buffer's content (where `set-clipboard on` puts each OSC 52 copy). */
  async pasteBuffers(): Promise<string[]> {
    const names = (await this.tmux('list-buffers', '-F', '#{buffer_name}')).split('\n').filter(Boolean);
    return Promise.all(names.map((n) => this.tmux('show-buffer', '-b', n)));
  }

  /** The newest tmux paste buffer (where `set-clipboard on` puts an OSC 52 copy), or undefined. */
  async pasteBuffer(): Promise<string | undefined> {
    const list = await this.tmux('list-buffers', '-F', '#{buffer_name}');
    if (!list.trim()) return undefined;
    return this.tmux('show-buffer');
  }

  /** The pid of the program running in the pane (kvdeck itself, or the shell). */
  async pid(): Promise<number> {
    return Number(await this.display('#{pane_pid}'));
  }

  /** Stops the tmux server (and the program in it) and removes the private home. Safe to call twice. */
  async kill(): Promise<void> {
    if (this.killed) return;
    this.killed = true;
    const pid = await this.pid().catch(() => undefined);
    try { await this.tmux('kill-server'); } catch { /* already gone */ }
    // kvdeck saves its settings as it quits: wait for it to be gone before removing its home.
    for (const until = Date.now() + 3000; pid && Date.now() < until;) {
      try { process.kill(pid, 0); } catch { break; }
      await new Promise((r) => setTimeout(r, 20));
    }
    try { rmSync(this.home, { recursive: true, force: true }); } catch { /* gone */ }
    if (this.socketPath) try { rmSync(this.socketPath, { force: true }); } catch { /* gone */ }
    live.delete(this);
  }
}

/** Starts a Term whose tmux server is killed when the test ends, pass or fail. */
export async function openTerm(t: { after(fn: () => unknown): void }, options: TermOptions = {}): Promise<Term> {
  const term = await Term.start(options);
  t.after(() => term.kill());
  return term;
}
