/**
 * The editing keys every text being typed shares (the filter, form fields, the palette, quick
 * lookup's query, the type-the-name confirmation), all `text.*` commands of the one table, so a
 * rebinding applies to every field alike:
 * - with a cursor (form fields, the palette, type-the-name): ← → Home End Ctrl-A Ctrl-E move it;
 *   Backspace, Delete, Ctrl-W / Alt-Backspace (a word), Ctrl-U (to the start), Ctrl-K (to the end) delete
 *   around it; a typed character or a paste goes in at it (`editLine`);
 * - without one (the list filter, quick lookup: they edit at the end, and their ← → Home End mean
 *   something else): only the deleting keys and typed characters (`editText`).
 * The cursor moves by grapheme, so an emoji or an accented letter is one step.
 */
import type { Key } from 'ink';
import type { CommandId } from '../keymap/commands.js';
import type { Keymap } from '../keymap/keymap.js';
import { isPrintable } from '../keymap/keys.js';

export interface LineState {
  text: string;
  /** UTF-16 offset, always on a grapheme boundary. */
  cursor: number;
}

const MOVES = ['text.left', 'text.right', 'text.home', 'text.end'] as const;
const DELETES = ['text.deleteChar', 'text.deleteForward', 'text.deleteWord', 'text.clear', 'text.deleteToEnd'] as const;
const EDITING: readonly CommandId[] = [...MOVES, ...DELETES];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme boundaries of the text, 0 and text.length included. */
function boundaries(text: string): number[] {
  const out = [...graphemes.segment(text)].map((s) => s.index);
  out.push(text.length);
  return out;
}
const before = (text: string, i: number) => boundaries(text).filter((b) => b < i).pop() ?? 0;
const after = (text: string, i: number) => boundaries(text).find((b) => b > i) ?? text.length;
const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (text: string, i: number) => { const n = text.indexOf('\n', i); return n < 0 ? text.length : n; };

/** Start of the word before the cursor: back over separators, then over letters and digits (readline's backward-kill-word). */
function wordStart(text: string, i: number): number {
  let at = i;
  const isWord = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);
  while (at > 0 && !isWord(text[at - 1])) at = before(text, at);
  while (at > 0 && isWord(text[at - 1])) at = before(text, at);
  return at;
}

const splice = (s: LineState, from: number, to: number, insert = ''): LineState =>
  ({ text: s.text.slice(0, from) + insert + s.text.slice(to), cursor: from + insert.length });

/** What a command does to a line (movement stays within the line of a multi-line text). */
function apply(cmd: CommandId, s: LineState): LineState {
  const { text, cursor: c } = s;
  switch (cmd) {
    case 'text.left': return { text, cursor: before(text, c) };
    case 'text.right': return { text, cursor: after(text, c) };
    case 'text.home': return { text, cursor: lineStart(text, c) };
    case 'text.end': return { text, cursor: lineEnd(text, c) };
    case 'text.deleteChar': return c === 0 ? s : splice(s, before(text, c), c);
    case 'text.deleteForward': return c === text.length ? s : splice(s, c, after(text, c));
    case 'text.deleteWord': return splice(s, wordStart(text, c), c);
    case 'text.clear': return splice(s, lineStart(text, c), c);
    case 'text.deleteToEnd': return splice(s, c, lineEnd(text, c));
    default: return s;
  }
}

/** Inserts text at the cursor. */
export const insertAt = (s: LineState, text: string): LineState => splice(s, s.cursor, s.cursor, text);

/** The line after this key, or undefined when the key is not an edit (a command of the dialog, or nothing). */
export function editLine(keymap: Keymap, s: LineState, input: string, key: Key, name: string): LineState | undefined {
  const cmd = keymap.commandFor(name, EDITING, { typing: true });
  if (cmd) return apply(cmd, s);
  if (isPrintable(input, key)) return insertAt(s, input);
  return undefined;
}

/** The text after this key, typed and deleted at its end; undefined when the key is not an edit. */
export function editText(keymap: Keymap, text: string, input: string, key: Key, name: string): string | undefined {
  const cmd = keymap.commandFor(name, DELETES, { typing: true });
  if (cmd) return apply(cmd, { text, cursor: text.length }).text;
  if (isPrintable(input, key)) return text + input;
  return undefined;
}

/** Whether this key edits a text without a cursor at all (whatever the text is). */
export function isTextEdit(keymap: Keymap, input: string, key: Key, name: string): boolean {
  return editText(keymap, '', input, key, name) !== undefined;
}

/** A line at its end (a field as it opens). */
export const lineAtEnd = (text: string): LineState => ({ text, cursor: text.length });
