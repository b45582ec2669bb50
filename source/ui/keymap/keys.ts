/** Turns Ink's (input, key) pair into one key name that bindings and overrides can spell: "j", "G", "ctrl+p", "shift+tab", "up", "pagedown", "enter", "esc". */
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
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.meta && input) return `alt+${input}`;
  return input;
}

/** How a key name is shown to people in the footer and the help screen. */
const DISPLAY: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
  enter: 'Enter', esc: 'Esc', tab: 'Tab', 'shift+tab': 'Shift-Tab', backspace: 'Bksp', delete: 'Del', ' ': 'Space',
};

export function displayKey(name: string): string {
  if (DISPLAY[name]) return DISPLAY[name];
  if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5).toUpperCase()}`;
  if (name.startsWith('alt+')) return `Alt-${name.slice(4)}`;
  return name;
}

/** True for a key that types a character (filters and text fields take these). */
export function isPrintable(input: string, key: Key): boolean {
  return input.length > 0 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}
