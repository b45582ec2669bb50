/**
 * The kvdeck binary: parses the shared options, runs a subcommand (serve, …) or opens the console
 * full screen (Ink's alternate screen). The terminal is restored on quit, Ctrl-C, SIGTERM and crashes;
 * a crash prints one line (the stack only with KVDECK_DEBUG=1).
 */
import { render, type Instance } from 'ink';
import pkg from '../package.json' with { type: 'json' };
import { parseGlobalOptions, UsageError } from './cli/global-options.js';
import { helpText } from './cli/help-text.js';
import { COMMANDS } from './commands/registry.js';
import { createBackend } from './backend/select.js';
import { App } from './ui/app.js';
import { createClipboard } from './ui/clipboard.js';
import { explainError } from './ui/explain-error.js';
import { openSettings } from './ui/settings.js';

const LEAVE_ALT_SCREEN = '\u001b[?1049l\u001b[?25h';
let instance: Instance | undefined;

function restoreTerminal(): void {
  try { instance?.unmount(); } catch { /* already gone */ }
  instance = undefined;
  if (process.stdout.isTTY) process.stdout.write(LEAVE_ALT_SCREEN);
  try { if (process.stdin.isTTY) process.stdin.setRawMode(false); } catch { /* not a TTY any more */ }
}

function crash(error: unknown): never {
  restoreTerminal();
  const line = explainError(error).split('\n')[0];
  process.stderr.write(`kvdeck: ${line}\n`);
  if (process.env.KVDECK_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  // A subcommand parses its own flags (serve --port, get --emulator …): hand it everything after its name.
  const subcommand = argv[0] !== undefined ? COMMANDS[argv[0]] : undefined;
  if (subcommand) return (await subcommand.load())(argv.slice(1));
  let opts;
  try {
    opts = parseGlobalOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kvdeck: ${e.message}\nTry kvdeck --help.\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) { process.stdout.write(helpText(pkg.version)); return 0; }
  if (opts.version) { process.stdout.write(`${pkg.version}\n`); return 0; }
  const [sub] = opts.positionals;
  if (sub) {
    const cmd = COMMANDS[sub];
    if (!cmd) {
      process.stderr.write(`kvdeck: unknown command "${sub}". Try kvdeck --help.\n`);
      return 2;
    }
    return (await cmd.load())(argv.filter((a) => a !== sub));
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('kvdeck: the console needs an interactive terminal (stdin and stdout must be a TTY).\n');
    return 1;
  }

  const backend = await createBackend(opts);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('SIGTERM', () => { restoreTerminal(); process.exit(143); });
  process.on('SIGHUP', () => { restoreTerminal(); process.exit(129); });

  const settings = openSettings();
  const clipboard = createClipboard({ write: (s) => process.stdout.write(s) });
  instance = render(<App backend={backend} readonly={opts.readonly} settings={settings} clipboard={clipboard} />, {
    alternateScreen: true,
    exitOnCtrlC: true,
    patchConsole: true,
    incrementalRendering: true,
    maxFps: 60,
  });
  await instance.waitUntilExit();
  clipboard.dispose();
  restoreTerminal();
  await backend.close?.();
  return 0;
}

main().then((code) => process.exit(code), crash);
