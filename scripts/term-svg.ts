/**
 * Terminal screen (an escape stream from `tmux capture-pane -p -e`) → SVG → PNG.
 *
 * The stream is replayed into @xterm/headless, whose buffer is then read cell by cell: colours
 * (16-colour, 256-colour and RGB), bold, dim, italic, underline, strikethrough and inverse. Each run of
 * same-styled cells becomes one <text> whose glyphs are pinned to the cell grid (one x per character),
 * so the picture does not depend on the font's advance width; backgrounds are rects. Box-drawing lines
 * are drawn as paths so frames join without gaps, and the padlock emoji (no emoji font here) is drawn
 * as a small vector icon. PNG through @resvg/resvg-js with the DejaVu fonts found on the machine.
 */
import xterm from '@xterm/headless';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { charWidth } from '../source/ui/components/text-width.js';

const { Terminal } = xterm;

export interface RenderOptions {
  cols: number;
  rows: number;
  fontSize?: number;
  title?: string;
}

/** A dark palette (close to a common terminal default) for the 16 ANSI colours. */
const ANSI = [
  '#1d1f21', '#e05561', '#8cc265', '#d18f52', '#4aa5f0', '#c162de', '#42b3c2', '#d7dae0',
  '#5c6370', '#ff616e', '#a5e075', '#f0a45d', '#4dc4ff', '#de73ff', '#4cd1e0', '#ffffff',
];
const DEFAULT_FG = '#d7dae0';
const DEFAULT_BG = '#181a1f';

function palette(i: number): string {
  if (i < 16) return ANSI[i];
  if (i < 232) {
    const n = i - 16;
    const steps = [0, 95, 135, 175, 215, 255];
    const c = [Math.floor(n / 36), Math.floor(n / 6) % 6, n % 6].map((v) => steps[v]);
    return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }
  const g = 8 + (i - 232) * 10;
  return `#${g.toString(16).padStart(2, '0').repeat(3)}`;
}

const rgb = (v: number) => `#${v.toString(16).padStart(6, '0')}`;

interface Style { fg: string; bg: string; bold: boolean; dim: boolean; italic: boolean; underline: boolean; strike: boolean }

type Cell = xterm.IBufferCell;

function styleOf(cell: Cell): Style {
  let fg = cell.isFgDefault() ? DEFAULT_FG : cell.isFgRGB() ? rgb(cell.getFgColor()) : palette(cell.getFgColor());
  let bg = cell.isBgDefault() ? DEFAULT_BG : cell.isBgRGB() ? rgb(cell.getBgColor()) : palette(cell.getBgColor());
  const bold = !!cell.isBold();
  // Bold in the first 8 colours shows the bright variant, as most terminals do.
  if (bold && cell.isFgPalette() && cell.getFgColor() < 8) fg = palette(cell.getFgColor() + 8);
  if (cell.isInverse()) [fg, bg] = [bg, fg];
  return { fg, bg, bold, dim: !!cell.isDim(), italic: !!cell.isItalic(), underline: !!cell.isUnderline(), strike: !!cell.isStrikethrough() };
}

const sameText = (a: Style, b: Style) => a.fg === b.fg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Box-drawing characters as strokes from the cell centre: [up, right, down, left], 'r' = rounded corner. */
const BOX: Record<string, [number, number, number, number] | 'r'> = {
  '─': [0, 1, 0, 1], '│': [1, 0, 1, 0], '┌': [0, 1, 1, 0], '┐': [0, 0, 1, 1], '└': [1, 1, 0, 0], '┘': [1, 0, 0, 1],
  '├': [1, 1, 1, 0], '┤': [1, 0, 1, 1], '┬': [0, 1, 1, 1], '┴': [1, 1, 0, 1], '┼': [1, 1, 1, 1],
  '╭': 'r', '╮': 'r', '╯': 'r', '╰': 'r',
};

function boxPath(ch: string, x: number, y: number, w: number, h: number): string {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const spec = BOX[ch];
  if (spec === 'r') {
    const r = Math.min(w, h) / 2;
    switch (ch) {
      case '╭': return `M${cx} ${y + h}V${cy + r}Q${cx} ${cy} ${cx + r} ${cy}H${x + w}`;
      case '╮': return `M${x} ${cy}H${cx - r}Q${cx} ${cy} ${cx} ${cy + r}V${y + h}`;
      case '╯': return `M${cx} ${y}V${cy - r}Q${cx} ${cy} ${cx - r} ${cy}H${x}`;
      default: return `M${cx} ${y}V${cy - r}Q${cx} ${cy} ${cx + r} ${cy}H${x + w}`;
    }
  }
  const [up, right, down, left] = spec;
  let d = '';
  if (up) d += `M${cx} ${y}V${cy}`;
  if (down) d += `M${cx} ${cy}V${y + h}`;
  if (left) d += `M${x} ${cy}H${cx}`;
  if (right) d += `M${cx} ${cy}H${x + w}`;
  return d;
}

const SHADES: Record<string, number> = { '█': 1, '▓': 0.75, '▒': 0.5, '░': 0.28 };

/** A padlock in a two-cell box, for 🔒. */
function padlock(x: number, y: number, w: number, h: number, color: string): string {
  const bw = w * 0.5;
  const bh = h * 0.38;
  const bx = x + (w - bw) / 2;
  const by = y + h * 0.45;
  const r = bw * 0.3;
  return `<rect x="${bx}" y="${by}" width="${bw}" height="${bh}" rx="1.5" fill="#e0a040"/>`
    + `<path d="M${bx + bw / 2 - r} ${by}V${by - r * 0.6}a${r} ${r} 0 0 1 ${2 * r} 0V${by}" fill="none" stroke="#8f96a0" stroke-width="1.8"/>`
    + `<circle cx="${bx + bw / 2}" cy="${by + bh / 2}" r="1.2" fill="${color}"/>`;
}

/** Replays the escape stream into a headless xterm and returns its terminal. */
async function replay(ansi: string, cols: number, rows: number): Promise<xterm.Terminal> {
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  // Same cell widths as kvdeck and tmux (wide emoji and CJK take two cells).
  term.unicode.register({
    version: 'kvdeck',
    wcwidth: (cp) => charWidth(cp) as 0 | 1 | 2,
    charProperties: (cp, preceding) => {
      let width = charWidth(cp);
      let join = width === 0 && preceding !== 0;
      if (join) {
        const old = (preceding >> 1) & 3;
        if (old === 0) join = false;
        else if (old > width) width = old;
      }
      return ((width & 3) << 1) | (join ? 1 : 0);
    },
  });
  term.unicode.activeVersion = 'kvdeck';
  const lines = ansi.replace(/\n$/, '').split('\n').slice(0, rows);
  await new Promise<void>((res) => term.write(lines.join('\r\n'), res));
  return term;
}

export async function ansiToSvg(ansi: string, options: RenderOptions): Promise<string> {
  const { cols, rows } = options;
  const fontSize = options.fontSize ?? 14;
  const cw = Math.round(fontSize * 0.6021 * 100) / 100;
  const ch = Math.round(fontSize * 1.3);
  const pad = 14;
  const bar = options.title ? 28 : 0;
  const term = await replay(ansi, cols, rows);
  const buf = term.buffer.active;
  const width = Math.ceil(cols * cw + 2 * pad);
  const height = Math.ceil(rows * ch + 2 * pad + bar);
  const bgs: string[] = [];
  const texts: string[] = [];
  const strokes: string[] = [];
  const icons: string[] = [];
  const cell = buf.getNullCell();
  for (let y = 0; y < rows; y++) {
    const line = buf.getLine(y);
    if (!line) continue;
    const top = pad + bar + y * ch;
    const baseline = top + ch * 0.77;
    let run: { x0: number; style: Style; xs: number[]; chars: string } | undefined;
    let bgRun: { x0: number; x1: number; bg: string } | undefined;
    const flushBg = () => {
      if (bgRun && bgRun.bg !== DEFAULT_BG) bgs.push(`<rect x="${(pad + bgRun.x0 * cw).toFixed(2)}" y="${top}" width="${((bgRun.x1 - bgRun.x0) * cw + 0.5).toFixed(2)}" height="${ch}" fill="${bgRun.bg}"/>`);
      bgRun = undefined;
    };
    let shadeRun: { x0: number; x1: number; fill: string; opacity: number } | undefined;
    const flushShade = () => {
      if (shadeRun) strokes.push(`<rect x="${(pad + shadeRun.x0 * cw).toFixed(2)}" y="${top}" width="${((shadeRun.x1 - shadeRun.x0) * cw).toFixed(2)}" height="${ch}" fill="${shadeRun.fill}"${shadeRun.opacity < 1 ? ` fill-opacity="${shadeRun.opacity}"` : ''}/>`);
      shadeRun = undefined;
    };
    const flush = () => {
      if (run && run.chars.trim() !== '') {
        const s = run.style;
        const attrs = [`x="${run.xs.map((v) => v.toFixed(2)).join(' ')}"`, `y="${baseline.toFixed(2)}"`, `fill="${s.fg}"`];
        if (s.bold) attrs.push('font-weight="bold"');
        if (s.italic) attrs.push('font-style="italic"');
        if (s.dim) attrs.push('fill-opacity="0.55"');
        if (s.underline || s.strike) attrs.push(`text-decoration="${[s.underline ? 'underline' : '', s.strike ? 'line-through' : ''].filter(Boolean).join(' ')}"`);
        texts.push(`<text ${attrs.join(' ')}>${esc(run.chars)}</text>`);
        // resvg draws text-decoration per glyph; a drawn line is crisper and spans the spaces too.
        if (s.strike) strokes.push(`<path d="M${pad + run.x0 * cw} ${top + ch / 2}H${run.xs.at(-1)! + cw}" stroke="${s.fg}" stroke-width="1"/>`);
      }
      run = undefined;
    };
    for (let x = 0; x < cols; x++) {
      const c = line.getCell(x, cell);
      if (!c) continue;
      const w = c.getWidth();
      if (w === 0) continue;
      const style = styleOf(c);
      const chars = c.getChars() || ' ';
      const px = pad + x * cw;
      if (!bgRun || bgRun.bg !== style.bg) { flushBg(); bgRun = { x0: x, x1: x, bg: style.bg }; }
      bgRun.x1 = x + w;
      if (BOX[chars]) {
        flush();
        strokes.push(`<path d="${boxPath(chars, px, top, cw, ch)}" stroke="${style.fg}" stroke-width="1.2" fill="none"${style.dim ? ' stroke-opacity="0.55"' : ''}/>`);
        continue;
      }
      // Block and shade characters as rects: glyphs leave seams between cells at this line height.
      const shade = SHADES[chars];
      if (shade !== undefined) {
        flush();
        // One rect per run of the same shade: adjacent anti-aliased edges would leave seams.
        if (shadeRun && shadeRun.fill === style.fg && shadeRun.opacity === shade && shadeRun.x1 === x) shadeRun.x1 = x + 1;
        else { flushShade(); shadeRun = { x0: x, x1: x + 1, fill: style.fg, opacity: shade }; }
        continue;
      }
      flushShade();
      if (chars === '🔒') {
        flush();
        icons.push(padlock(px, top, cw * w, ch, style.bg));
        continue;
      }
      if (w === 2) {
        flush();
        texts.push(`<text x="${(px + cw / 2).toFixed(2)}" y="${baseline.toFixed(2)}" fill="${style.fg}">${esc(chars)}</text>`);
        continue;
      }
      if (!run || !sameText(run.style, style)) { flush(); run = { x0: x, style, xs: [], chars: '' }; }
      run.xs.push(px);
      run.chars += chars;
    }
    flush();
    flushShade();
    flushBg();
  }
  term.dispose();
  const titleBar = options.title
    ? `<rect x="0" y="0" width="${width}" height="${bar}" rx="8" fill="#2c313a"/><rect x="0" y="${bar - 8}" width="${width}" height="8" fill="#2c313a"/>`
      + ['#ff5f56', '#ffbd2e', '#27c93f'].map((c, i) => `<circle cx="${18 + i * 20}" cy="${bar / 2}" r="6" fill="${c}"/>`).join('')
      + `<text x="${width / 2}" y="${bar / 2 + 5}" fill="#9da5b4" text-anchor="middle" font-size="13">${esc(options.title)}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${DEFAULT_BG}"/>`,
    titleBar,
    `<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="${fontSize}" xml:space="preserve">`,
    ...bgs, ...strokes, ...icons, ...texts,
    '</g></svg>',
  ].join('\n');
}

/** Monospace fonts resvg can use here (DejaVu, from the system), with DejaVu Sans as a fallback for symbols. */
export function fontFiles(): string[] {
  const dirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu'];
  const files: string[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) if (/^DejaVuSans(Mono)?(-Bold)?(-Oblique|-BoldOblique)?\.ttf$/.test(f)) files.push(join(d, f));
  }
  return files;
}

export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const files = fontFiles();
  if (files.length === 0) throw new Error('No DejaVu fonts found under /usr/share/fonts (install fonts-dejavu-core).');
  const r = new Resvg(svg, { font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' }, background: DEFAULT_BG });
  return Buffer.from(r.render().asPng());
}
