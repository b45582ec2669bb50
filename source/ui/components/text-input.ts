/**
 * The editing keys every text being typed shares (the filter, form fields, the palette, quick
 * lookup's query, the type-the-name confirmation): `text.deleteChar`, `text.clear`, and a printable
 * key typed as text. One place, so a rebinding applies to every field alike.
 */
import type { Key } from 'ink';
import type { Keymap } from '../keymap/keymap.js';
import { isPrintable } from '../keymap/keys.js';

const EDITING = ['text.deleteChar', 'text.clear'] as const;

/** The text after this key, or undefined when the key is not an edit (a command of the dialog, or nothing). */
export function editText(keymap: Keymap, text: string, input: string, key: Key, name: string): string | undefined {
  const cmd = keymap.commandFor(name, EDITING, { typing: true });
  if (cmd === 'text.deleteChar') return [...text].slice(0, -1).join('');
  if (cmd === 'text.clear') return '';
  if (isPrintable(input, key)) return text + input;
  return undefined;
}

/** Whether this key edits the text at all (whatever the text is). */
export function isTextEdit(keymap: Keymap, input: string, key: Key, name: string): boolean {
  return editText(keymap, '', input, key, name) !== undefined;
}
