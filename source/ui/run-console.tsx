/**
 * Opens the console full screen (Ink's alternate screen). Loaded by source/cli.tsx with a dynamic
 * import, so one-shot commands never pay for Ink, React or the panes.
 *
 * The saved profile applies first (as for the one-shot commands); the backend is then created inside
 * the console by the boot view, so a device-code sign-in and a start-up failure show on screen.
 * `--as NAME` is resolved before the console opens: an unknown name is a plain usage error.
 */
import { render, type Instance } from 'ink';
import type { Backend } from '../backend/backend.js';
import { createBackend, wantsAzure } from '../backend/select.js';
import { backendOptions, type GlobalOptions } from '../cli/global-options.js';
import { applyProfile, selectedProfile } from '../config/profiles.js';
import { Boot } from './boot.js';
import { createClipboard } from './clipboard.js';
import { createKeymap } from './keymap/keymap.js';
import { clipboardClearMs, openSettings } from './settings.js';
import { capYoungGeneration } from './young-generation.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Connecting to …" */
export function connectionTarget(opts: GlobalOptions): string {
  if (opts.emulator) return `the emulator at ${new URL(opts.emulator).origin}`;
  if (opts.arm) return `Azure Stack Hub at ${opts.arm}`;
  if (wantsAzure(backendOptions(opts))) return opts.cloud ?? 'AzureCloud';
  return 'Demo engine';
}

export interface ConsoleHooks {
  /** Called with the Ink instance's unmount, so a crash or a signal can give the terminal back. */
  mounted(unmount: () => void): void;
  /** Leaves the alternate screen and raw mode (after the last frame, before the backend closes). */
  restore(): void;
}

/** The options the console runs with: the saved profile's values filled in, its name for the header. */
export function prepareConsole(cliOpts: GlobalOptions): { opts: GlobalOptions; profile?: string; target: string } {
  const profile = selectedProfile(cliOpts)?.name;
  const opts = applyProfile(cliOpts);
  return { opts, profile, target: connectionTarget(opts) };
}

export async function runConsole(cliOpts: GlobalOptions, hooks: ConsoleHooks): Promise<number> {
  const { opts, profile, target } = prepareConsole(cliOpts);
  capYoungGeneration();
  let backend: Backend | undefined;
  // A name for --as needs the directory; asking it first keeps a typo out of the full-screen view.
  const early = opts.as && !GUID.test(opts.as) ? await createBackend(backendOptions(opts)) : undefined;

  const settings = openSettings();
  const clipboard = createClipboard({ write: (s) => process.stdout.write(s), clearAfterMs: clipboardClearMs(settings) });
  const instance: Instance = render(
    <Boot
      createBackend={(extras) => (early ? Promise.resolve(early) : createBackend(backendOptions(opts), extras))}
      onBackend={(b) => { backend = b; }}
      target={target}
      profile={profile}
      readonly={opts.readonly}
      settings={settings}
      clipboard={clipboard}
    />,
    {
      alternateScreen: true,
      // Ctrl-C is a command of the table (keymap/commands.ts): it cancels an open form or dialog and quits
      // from the panes, through the same quit as q (the clipboard is cleared first).
      exitOnCtrlC: false,
      patchConsole: true,
      incrementalRendering: true,
      maxFps: 60,
    },
  );
  hooks.mounted(() => instance.unmount());
  await instance.waitUntilExit();
  clipboard.dispose();
  hooks.restore();
  // Said on screen at start; said again where it stays readable once the full screen is gone.
  for (const problem of createKeymap(settings.get('keymap')).problems) process.stderr.write(`kvdeck: ${problem}\n`);
  await (backend ?? early)?.close?.();
  return 0;
}
