/**
 * Text from a backend is shown, never obeyed. Names, values, tags, content types, lock notes,
 * principal and role names, certificate subjects and error messages are written by whoever shares the
 * vault; one holding `ESC [31m`, an OSC 52 clipboard write, `\r` or a bidi override must not recolour,
 * move, rewrite or reorder the screen. Ink passes colour (SGR) and OSC sequences through as they are,
 * so every string is made visible before it reaches Ink: by <Text> (components/text.tsx, the one
 * Text the console renders with) and by the table's cell fitting (text-width.ts), which measures the
 * visible form so columns stay aligned.
 *
 * - C0 controls and DEL become their Control Pictures: ESC → ␛, TAB → ␉, LF → ␊, CR → ␍, DEL → ␡.
 *   Layout comes from boxes, never from a newline inside a string.
 * - C1 controls (U+0080–U+009F: CSI, OSC, … of 8-bit terminals), bidi embeddings, overrides and
 *   isolates, and the Unicode line and paragraph separators become `<U+202E>`.
 * - Emoji presentation selectors and skin-tone modifiers are dropped: terminals disagree about their
 *   width (tmux 3.3 draws "⚠️" in one cell, "👍🏽" in four, where Ink counts two), and a
 *   disagreement shifts every later column of the row.
 */

/** C0, DEL, C1; bidi marks, embeddings, overrides and isolates; line/paragraph separators; presentation selectors and skin tones. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufe0e\ufe0f]|\u{1f3fb}|\u{1f3fc}|\u{1f3fd}|\u{1f3fe}|\u{1f3ff}/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

function picture(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  if (cp === 0xfe0e || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff)) return '';
  return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The text as the console shows it: nothing a terminal would act on, nothing whose width terminals dispute. */
export function visible(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
}

/** True when `visible` would change the text (for tests and for callers that want to say so). */
export const hasUnsafe = (text: string): boolean => UNSAFE.test(text);
