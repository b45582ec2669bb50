/** Turns Ink's (input, key) pair into one key name that bindings and overrides can spell: "j", "G", "ctrl+p", "shift+tab", "up", "pagedown", "enter", "esc", " ". */
import type { Key } from 'ink';

export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace) return key.meta ? 'alt+backspace' : 'backspace';
  if (key.delete) return 'delete';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.meta && input) return `alt+${input}`;
  return input;
}

/** Keys with a name (keyName's spelling). */
const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'esc', 'tab', 'shift+tab', 'backspace', 'delete']);
/** Other spellings people write in the settings file. */
const ALIASES: Record<string, string> = { space: ' ', escape: 'esc', return: 'enter', pgup: 'pageup', pgdn: 'pagedown', 'page up': 'pageup', 'page down': 'pagedown', del: 'delete', 'shift-tab': 'shift+tab', btab: 'shift+tab' };

const isControlChar = (s: string) => /[\u0000-\u001f\u007f]/.test(s);

/** A key as keyName spells it: "Ctrl+P" → "ctrl+p", "Escape" → "esc", "space" → " "; single characters keep their case. */
export function normalizeKeyName(raw: string): string {
  if ([...raw].length === 1) return raw;
  const lower = raw.trim().toLowerCase();
  if (ALIASES[lower]) return ALIASES[lower];
  const m = /^(ctrl|alt)[+-](.+)$/i.exec(raw.trim());
  if (m) return m[1].toLowerCase() === 'ctrl' ? `ctrl+${m[2].toLowerCase()}` : `alt+${[...m[2]].length === 1 ? m[2] : m[2].toLowerCase()}`;
  return lower;
}

/** A key kvdeck can read from a terminal, in keyName's spelling. */
export function isKeyName(name: string): boolean {
  if (NAMED.has(name)) return true;
  if (/^ctrl\+[a-z]$/.test(name)) return true;
  if (name === 'alt+backspace') return true;
  if (name.startsWith('alt+')) return [...name.slice(4)].length === 1 && !isControlChar(name.slice(4));
  return [...name].length === 1 && !isControlChar(name);
}

/** A key that types a character (a letter, a digit, a sign, a space): text while something is being typed. */
export function isTextKey(name: string): boolean {
  return [...name].length === 1;
}

/** How a key name is shown to people in the footer and the help screen. */
const DISPLAY: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
  enter: 'Enter', esc: 'Esc', tab: 'Tab', 'shift+tab': 'Shift-Tab', backspace: 'Backspace', delete: 'Del', ' ': 'Space',
};

export function displayKey(name: string): string {
  if (DISPLAY[name]) return DISPLAY[name];
  if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5).toUpperCase()}`;
  if (name.startsWith('alt+')) return `Alt-${DISPLAY[name.slice(4)] ?? name.slice(4)}`;
  return name;
}

/** True for a key that types a character (filters and text fields take these). */
export function isPrintable(input: string, key: Key): boolean {
  return input.length > 0 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}
