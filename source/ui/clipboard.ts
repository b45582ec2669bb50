/**
 * Copying a value so it works on a jump host over SSH: OSC 52 (`ESC ] 52 ; c ; base64 BEL`) asks the
 * terminal, wherever it runs, to set its clipboard. Inside tmux the plain sequence is taken by tmux
 * when `set -g set-clipboard on`; we also send it wrapped in tmux's DCS passthrough, which tmux
 * forwards to the outer terminal when `set -g allow-passthrough on`. When a local clipboard tool is
 * present (wl-copy, xclip, xsel, pbcopy) it is used as well. After 30 s the clipboard is cleared
 * where we can. The value is never logged; the result says only how it was copied.
 */
import { spawn, spawnSync } from 'node:child_process';

export const CLEAR_AFTER_MS = 30_000;

export interface ClipboardResult {
  /** "OSC 52", "OSC 52 (tmux)", "xclip", … */
  via: string[];
  /** When the clipboard will be cleared, if it will. */
  clearsAfterMs?: number;
}

export interface Clipboard {
  copy(text: string): ClipboardResult;
  /** Stops the pending clear timer (on quit). */
  dispose(): void;
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

export function createClipboard(options: ClipboardOptions): Clipboard {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const clearAfter = options.clearAfterMs ?? CLEAR_AFTER_MS;
  const runTool = options.runTool ?? runToolDefault;
  let tool: LocalTool | undefined | null = null; // null: not looked up yet
  let timer: NodeJS.Timeout | undefined;

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

  return {
    copy(text) {
      const via = send(text);
      clearTimeout(timer);
      if (clearAfter > 0) {
        timer = setTimeout(() => send(''), clearAfter);
        timer.unref?.();
      }
      return { via, clearsAfterMs: clearAfter > 0 ? clearAfter : undefined };
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
