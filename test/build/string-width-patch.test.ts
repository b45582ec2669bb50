/**
 * The build patches string-width with a fast path (scripts/patches.mjs). The patched module, bundled
 * exactly as the build does, must measure every code point the fast path claims — and mixes of them —
 * as the original string-width does; and a patch whose pattern is gone must fail the build.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { build } from 'esbuild';
import original from 'string-width';
import { ONE_CELL_OR_EMOJI, patchPlugin, patchText } from '../../scripts/patches.mjs';

const ROOT = join(import.meta.dirname, '../..');
let patched: (s: string) => number;

before(async () => {
  const out = await build({
    stdin: { contents: "export { default } from 'string-width';", resolveDir: ROOT, loader: 'js' },
    bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent',
    plugins: [patchPlugin('string-width-fast-path')],
  });
  const text = out.outputFiles[0].text;
  assert.match(text, /kvdeckOneCellOrEmoji/, 'the patch is in the bundle');
  const file = join(mkdtempSync(join(tmpdir(), 'kvdeck-sw-')), 'string-width.mjs');
  writeFileSync(file, text);
  patched = (await import(pathToFileURL(file).href)).default;
});

/** Every code point the fast path takes (the regex as it goes into the bundle). */
function claimed(): number[] {
  const m = /^\/(.*)\/(\w*)$/s.exec(ONE_CELL_OR_EMOJI)!;
  const re = new RegExp(m[1], m[2]);
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (re.test(String.fromCodePoint(cp))) out.push(cp);
  }
  return out;
}

test('every code point the fast path claims measures as string-width measures it', () => {
  const cps = claimed();
  assert.ok(cps.length > 2000, `${cps.length} code points claimed`);
  const wrong = cps.filter((cp) => patched(String.fromCodePoint(cp)) !== original(String.fromCodePoint(cp)));
  assert.deepEqual(wrong.map((cp) => `U+${cp.toString(16).toUpperCase()}`), []);
});

test('lines mixing them, and lines it does not claim, measure the same as well', () => {
  const cps = claimed();
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const extra = ['\u0301', '\u200d', '\ufe0f', '中', '🇫🇷', '👍🏽', '👩‍💻', '\t', '\u001b[31m'];
  for (let i = 0; i < 500; i++) {
    const len = 1 + rand(40);
    let s = '';
    for (let j = 0; j < len; j++) s += i % 5 === 4 && rand(4) === 0 ? extra[rand(extra.length)] : String.fromCodePoint(cps[rand(cps.length)]);
    assert.equal(patched(s), original(s), JSON.stringify(s));
  }
});

test('a patch whose pattern is missing fails instead of warning', async () => {
  assert.throws(() => patchText('string-width-fast-path', 'export default function stringWidth() {}', 'node_modules/string-width/index.js'), /pattern to patch is not in node_modules\/string-width\/index\.js/);
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-patch-'));
  const fake = join(dir, 'node_modules', 'string-width', 'index.js');
  mkdirSync(join(dir, 'node_modules', 'string-width'), { recursive: true });
  writeFileSync(fake, 'export default (s) => s.length;\n');
  await assert.rejects(build({ entryPoints: [fake], bundle: true, write: false, logLevel: 'silent', plugins: [patchPlugin('string-width-fast-path')] }), /string-width-fast-path: the pattern to patch is not in/);
});
