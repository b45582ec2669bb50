/**
 * Cell widths for layout, measured the way Ink measures when it lays a line out (string-width, per
 * grapheme: an emoji, a flag, a family of ZWJ-joined emoji or a CJK character is two cells, a combining
 * mark none), on the text as it will be shown (visible.ts). A cell cut by `fit` is therefore exactly
 * as wide as Ink and the terminal think, and a wide character never shifts the columns after it.
 */
import stringWidth from 'string-width';
import { visible } from './visible.js';

/** Printable ASCII: one cell per character, no graphemes to find (most names and dates). */
const ASCII = /^[\u0020-\u007e]*$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Width in cells of text already made visible. */
const widthOf = (s: string) => (ASCII.test(s) ? s.length : stringWidth(s));

/** Width in cells of one code point on its own (the screenshot renderer's wcwidth). */
export function charWidth(cp: number): number {
  return cp >= 0x20 && cp < 0x7f ? 1 : stringWidth(String.fromCodePoint(cp));
}

/** Width in cells of the text as the console shows it. */
export function textWidth(s: string): number {
  return widthOf(visible(s));
}

/** The visible text cut to `width` cells with an ellipsis when it does not fit, then padded with spaces. */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  let out = visible(s);
  let w = widthOf(out);
  if (w > width) {
    const ascii = ASCII.test(out);
    let cut = '';
    w = 0;
    for (const { segment } of ascii ? [...out].map((segment) => ({ segment })) : graphemes.segment(out)) {
      const cw = ascii ? 1 : stringWidth(segment);
      if (w + cw > width - 1) break;
      cut += segment;
      w += cw;
    }
    out = `${cut}…`;
    w += 1;
  }
  const pad = ' '.repeat(Math.max(0, width - w));
  return align === 'right' ? pad + out : out + pad;
}

/** Splits the visible text into lines of at most `width` cells (a wide character never straddles two). */
export function wrapCells(s: string, width: number): string[] {
  const text = visible(s);
  if (width <= 0) return [text];
  if (ASCII.test(text)) {
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
    return lines.length ? lines : [''];
  }
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cw = stringWidth(segment);
    if (w + cw > width && line !== '') { lines.push(line); line = ''; w = 0; }
    line += segment;
    w += cw;
  }
  lines.push(line);
  return lines;
}
