/**
 * Copying a value so it works on a jump host over SSH: OSC 52 (`ESC ] 52 ; c ; base64 BEL`) asks the
 * terminal, wherever it runs, to set its clipboard. Inside tmux the plain sequence is taken by tmux
 * when `set -g set-clipboard on`; we also send it wrapped in tmux's DCS passthrough, which tmux
 * forwards to the outer terminal when `set -g allow-passthrough on`. When a local clipboard tool is
 * present (wl-copy, xclip, xsel, pbcopy) it is used as well. After 30 s (the `clipboardClearSeconds`
 * setting), and when the console quits, the clipboard is cleared where we can.
 *
 * tmux keeps every OSC 52 copy as a paste buffer, and ignores an empty one: clearing the terminal's
 * clipboard leaves the value in tmux. So inside tmux the clear also deletes the paste buffers that
 * hold a value copied since the last clear, found by size and SHA-256 — only the digest is kept,
 * never the value. The value is never logged; the result says only how it was copied.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const CLEAR_AFTER_MS = 30_000;

export interface ClipboardResult {
  /** "OSC 52", "OSC 52 (tmux)", "xclip", … */
  via: string[];
  /** When the clipboard will be cleared, if it will. */
  clearsAfterMs?: number;
}

export interface Clipboard {
  copy(text: string): ClipboardResult;
  /** On quit: clears now what a copy left (the terminal's clipboard, tmux's buffers) and stops the timer. */
  dispose(): void;
}

/** tmux's paste buffers, as far as the clear needs them (tests pass their own server). */
export interface TmuxBuffers {
  /** Name and size in bytes of each buffer. */
  list(): { name: string; size: number }[];
  show(name: string): Buffer;
  delete(name: string): void;
}

export interface ClipboardOptions {
  /** Where escape sequences go: the terminal (process.stdout) or a test's stream. */
  write: (data: string) => void;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Tool name → whether it is installed; default: looks on PATH. false disables local tools. */
  findTool?: ((name: string) => boolean) | false;
  /** Runs a tool with the text on stdin (tests pass their own). */
  runTool?: (tool: LocalTool, text: string) => void;
  clearAfterMs?: number;
  /** tmux's buffers; default: the tmux of $TMUX, when set. */
  tmux?: TmuxBuffers;
}

export interface LocalTool {
  name: string;
  command: string;
  args: string[];
}

export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** tmux DCS passthrough: every ESC inside is doubled, the whole is wrapped in ESC P tmux; … ESC \. */
export function tmuxPassthrough(sequence: string): string {
  return `\u001bPtmux;${sequence.replaceAll('\u001b', '\u001b\u001b')}\u001b\\`;
}

function candidateTools(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): LocalTool[] {
  // Over SSH a local tool would copy on the remote machine, not the user's: rely on OSC 52 alone.
  if (env.SSH_CONNECTION || env.SSH_TTY) return [];
  if (platform === 'darwin') return [{ name: 'pbcopy', command: 'pbcopy', args: [] }];
  const tools: LocalTool[] = [];
  if (env.WAYLAND_DISPLAY) tools.push({ name: 'wl-copy', command: 'wl-copy', args: [] });
  if (env.DISPLAY) {
    tools.push({ name: 'xclip', command: 'xclip', args: ['-selection', 'clipboard'] });
    tools.push({ name: 'xsel', command: 'xsel', args: ['--clipboard', '--input'] });
  }
  return tools;
}

function onPath(name: string): boolean {
  try {
    return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore', timeout: 500 }).status === 0;
  } catch {
    return false;
  }
}

function runToolDefault(tool: LocalTool, text: string): void {
  try {
    const child = spawn(tool.command, tool.args, { stdio: ['pipe', 'ignore', 'ignore'], detached: false });
    child.on('error', () => {});
    child.stdin.on('error', () => {});
    child.stdin.end(text);
  } catch {
    // The OSC 52 path already ran; a missing tool is not an error worth showing.
  }
}

/** The buffers of the tmux server kvdeck runs in (the tmux command finds it through $TMUX), or of the one `server` names (`-L name`). */
export function tmuxBuffers(env: NodeJS.ProcessEnv = process.env, server: readonly string[] = []): TmuxBuffers {
  const tmux = (...args: string[]) => execFileSync('tmux', [...server, ...args], { env, timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  return {
    list: () => tmux('list-buffers', '-F', '#{buffer_name}\t#{buffer_size}').toString('utf8').split('\n').filter(Boolean)
      .map((l) => { const [name, size] = l.split('\t'); return { name, size: Number(size) }; }),
    show: (name) => tmux('show-buffer', '-b', name),
    delete: (name) => { tmux('delete-buffer', '-b', name); },
  };
}

const digest = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Deletes the buffers holding one of these values (size and digest); a tmux that cannot be reached is left alone. */
function dropTmuxCopies(tmux: TmuxBuffers, copied: Map<string, number>): void {
  try {
    const sizes = new Set(copied.values());
    for (const b of tmux.list()) {
      if (sizes.has(b.size) && copied.has(digest(tmux.show(b.name)))) tmux.delete(b.name);
    }
  } catch {
    // tmux gone or too old: the terminal's clipboard was still cleared.
  }
}

export function createClipboard(options: ClipboardOptions): Clipboard {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const clearAfter = options.clearAfterMs ?? CLEAR_AFTER_MS;
  const runTool = options.runTool ?? runToolDefault;
  let tool: LocalTool | undefined | null = null; // null: not looked up yet
  let timer: NodeJS.Timeout | undefined;
  /** Digest → size in bytes of every value copied since the last clear (never the value itself). */
  const copied = new Map<string, number>();
  const tmux = options.tmux ?? (env.TMUX ? tmuxBuffers(env) : undefined);

  const localTool = () => {
    if (tool === null) {
      const find = options.findTool === false ? () => false : (options.findTool ?? onPath);
      tool = candidateTools(env, platform).find((t) => find(t.command));
    }
    return tool;
  };

  const send = (text: string) => {
    const via: string[] = [];
    const seq = osc52(text);
    options.write(seq);
    via.push('OSC 52');
    if (env.TMUX) {
      options.write(tmuxPassthrough(seq));
      via.push('tmux passthrough');
    }
    const t = localTool();
    if (t) {
      runTool(t, text);
      via.push(t.name);
    }
    return via;
  };

  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
    // Nothing copied, or the user asked never to clear (clipboardClearSeconds: 0).
    if (copied.size === 0 || clearAfter <= 0) return;
    send('');
    if (tmux) dropTmuxCopies(tmux, copied);
    copied.clear();
  };

  return {
    copy(text) {
      const via = send(text);
      copied.set(digest(text), Buffer.byteLength(text, 'utf8'));
      clearTimeout(timer);
      if (clearAfter > 0) {
        timer = setTimeout(clear, clearAfter);
        timer.unref?.();
      }
      return { via, clearsAfterMs: clearAfter > 0 ? clearAfter : undefined };
    },
    dispose: clear,
  };
}
