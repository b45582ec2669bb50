/**
 * The kvdeck binary, kept thin: parses the shared options, answers --help/--version, runs a
 * subcommand (serve, get, …), or loads the console (source/ui/run-console.tsx) with a dynamic import —
 * so a one-shot `kvdeck get` never loads Ink, React or the panes.
 *
 * The terminal is restored on quit, Ctrl-C, SIGTERM, SIGHUP and crashes; a crash prints one line
 * (the stack only with KVDECK_DEBUG=1).
 */
import pkg from '../package.json' with { type: 'json' };
import { parseGlobalOptions, UsageError } from './cli/global-options.js';
import { COMMANDS } from './commands/registry.js';

const LEAVE_ALT_SCREEN = '\u001b[?1049l\u001b[?25h';
/** The console's Ink instance, once it is drawing. */
let unmountConsole: (() => void) | undefined;

function restoreTerminal(): void {
  try { unmountConsole?.(); } catch { /* already gone */ }
  unmountConsole = undefined;
  if (process.stdout.isTTY) process.stdout.write(LEAVE_ALT_SCREEN);
  try { if (process.stdin.isTTY) process.stdin.setRawMode(false); } catch { /* not a TTY any more */ }
}

// The help text and the error sentences are loaded when needed: a one-shot `kvdeck get` needs neither.
async function crash(error: unknown): Promise<never> {
  restoreTerminal();
  const { explainError } = await import('./ui/explain-error.js');
  const line = explainError(error).split('\n')[0];
  process.stderr.write(`kvdeck: ${line}\n`);
  if (process.env.KVDECK_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

function usage(e: unknown): number {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`kvdeck: ${e.message}\nTry kvdeck --help.\n`);
  return 2;
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
    return usage(e);
  }
  if (opts.help) { process.stdout.write((await import('./cli/help-text.js')).helpText(pkg.version)); return 0; }
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

  process.on('uncaughtException', (e) => void crash(e));
  process.on('unhandledRejection', (e) => void crash(e));
  process.on('SIGTERM', () => { restoreTerminal(); process.exit(143); });
  process.on('SIGHUP', () => { restoreTerminal(); process.exit(129); });

  const { runConsole } = await import('./ui/run-console.js');
  try {
    return await runConsole(opts, { mounted: (unmount) => { unmountConsole = unmount; }, restore: restoreTerminal });
  } catch (e) {
    restoreTerminal();
    return usage(e);
  }
}

main().then((code) => process.exit(code), crash);
