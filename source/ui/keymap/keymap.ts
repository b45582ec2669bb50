/**
 * The effective keymap: defaults plus the user's overrides from settings. Overrides are keyed by
 * command id ("delete": ["d", "x"]) or, for one pane only, "<pane>.<command>" ("secrets.copy": ["y"]).
 * Pane-specific commands (e.g. "backup") bring their own default keys in their binding.
 */
import { DEFAULT_KEYS } from './commands.js';

export type KeymapOverrides = Record<string, string[]>;

export interface Keymap {
  /** Keys for a command, in the pane when given; `fallback` is the binding's own default. */
  keysFor(command: string, pane?: string, fallback?: readonly string[]): readonly string[];
}

export function createKeymap(overrides: KeymapOverrides = {}): Keymap {
  const defaults = DEFAULT_KEYS as Record<string, readonly string[]>;
  return {
    keysFor(command, pane, fallback) {
      if (pane && overrides[`${pane}.${command}`]) return overrides[`${pane}.${command}`];
      return overrides[command] ?? fallback ?? defaults[command] ?? [];
    },
  };
}
