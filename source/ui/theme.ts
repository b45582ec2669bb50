/**
 * Colours in one place. With NO_COLOR set (https://no-color.org) or the "mono" theme every colour is
 * dropped and the console relies on bold, dim and inverse, which NO_COLOR allows.
 */
export interface Theme {
  name: string;
  accent?: string;
  muted?: string;
  ok?: string;
  warn?: string;
  error?: string;
  match?: string;
  badge?: string;
  selectionBg?: string;
}

const THEMES: Record<string, Theme> = {
  default: { name: 'default', accent: 'cyan', muted: 'gray', ok: 'green', warn: 'yellow', error: 'red', match: 'yellow', badge: 'red', selectionBg: 'blue' },
  light: { name: 'light', accent: 'blue', muted: 'gray', ok: 'green', warn: 'magenta', error: 'red', match: 'magenta', badge: 'red', selectionBg: 'cyan' },
  mono: { name: 'mono' },
};

export const THEME_NAMES = Object.keys(THEMES);

export function noColor(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

export function resolveTheme(name: string | undefined, env: NodeJS.ProcessEnv = process.env): Theme {
  if (noColor(env)) return THEMES.mono;
  return THEMES[name ?? 'default'] ?? THEMES.default;
}
