/**
 * Settings kept between runs with `conf`: theme, last pane, last vault, recent vaults, keymap overrides,
 * how long a copied value stays in the clipboard. Never a secret, never a value: only these keys are
 * written (a vault is its name and subscription).
 * Tests pass `cwd` (or set KVDECK_CONFIG_DIR) so they never touch the user's file.
 */
import Conf from 'conf';
import { configDir } from '../config/profiles.js';
import type { KeymapOverrides } from './keymap/keymap.js';

/** Where the user was: enough to find the vault again, nothing more. */
export interface LastVault {
  name: string;
  subscriptionId: string;
}

export interface SettingsData {
  theme: string;
  lastPane: string;
  /** null: none (conf cannot store undefined). */
  lastVault: LastVault | null;
  /** The vaults opened most recently, newest first (recent-vaults.ts): quick lookup reads them first. */
  recentVaults: LastVault[];
  keymap: KeymapOverrides;
  /** How long a copied value stays in the clipboard (and tmux's buffers); 0: until replaced. */
  clipboardClearSeconds: number;
}

export interface Settings {
  get<K extends keyof SettingsData>(key: K): SettingsData[K];
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void;
  /** Where the file lives, for the help screen and the README. */
  readonly path: string;
}

const DEFAULTS: SettingsData = { theme: 'default', lastPane: 'vaults', lastVault: null, recentVaults: [], keymap: {}, clipboardClearSeconds: 30 };

/** The clipboard's clear time from the settings, in ms: a number of seconds ≥ 0, else the default. */
export function clipboardClearMs(settings: Settings): number {
  const s = settings.get('clipboardClearSeconds');
  return (typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s : DEFAULTS.clipboardClearSeconds) * 1000;
}

export interface SettingsOptions {
  /** Directory for the settings file (tests); default: configDir() (source/config/profiles.ts). */
  cwd?: string;
  configName?: string;
}

export function openSettings(options: SettingsOptions = {}): Settings {
  try {
    // conf's generic types fight a plain record; the three keys are checked by Settings' own types.
    const conf = new Conf<Record<string, unknown>>({
      projectName: 'kvdeck',
      projectSuffix: '',
      // Next to the profiles (KVDECK_CONFIG_DIR, else $XDG_CONFIG_HOME/kvdeck — conf's own default on Linux).
      cwd: options.cwd ?? configDir(),
      configName: options.configName ?? 'settings',
      defaults: { ...DEFAULTS },
      clearInvalidConfig: true,
    });
    return {
      get: <K extends keyof SettingsData>(key: K) => (conf.get(key) as SettingsData[K] | undefined) ?? DEFAULTS[key],
      set: (key, value) => {
        try {
          conf.set(key, value as unknown);
        } catch {
          // A read-only home directory must not break the console.
        }
      },
      path: conf.path,
    };
  } catch {
    return memorySettings();
  }
}

/** Settings that live only as long as the process (read-only home, tests that do not care). */
export function memorySettings(initial: Partial<SettingsData> = {}): Settings {
  const data: SettingsData = { ...DEFAULTS, ...initial };
  return { get: (k) => data[k], set: (k, v) => void (data[k] = v), path: '(in memory)' };
}
