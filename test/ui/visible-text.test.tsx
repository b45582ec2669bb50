import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { fit, textWidth, wrapCells } from '../../source/ui/components/text-width.js';
import { Text } from '../../source/ui/components/text.js';
import { visible } from '../../source/ui/components/visible.js';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

test('every component renders text through the one sanitizing <Text>: none imports Text from ink', () => {
  const offenders = sourceFiles(join(ROOT, 'source/ui'))
    .filter((f) => !f.endsWith(join('components', 'text.tsx')))
    .filter((f) => /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => relative(ROOT, f)), [], 'import { Text } from components/text.js instead');
});

test('escape sequences, control characters, C1 controls and bidi overrides are shown, not obeyed', () => {
  assert.equal(visible('\u001b[31mred\u001b[0m'), '␛[31mred␛[0m');
  assert.equal(visible('\u001b]52;c;aGk=\u0007'), '␛]52;c;aGk=␇');
  assert.equal(visible('a\rb\tc\nd\u007f'), 'a␍b␉c␊d␡');
  assert.equal(visible('\u009b31m'), '<U+009B>31m');
  assert.equal(visible('abc\u202edef'), 'abc<U+202E>def');
  assert.equal(visible('plain text — with “quotes” and 🔒'), 'plain text — with “quotes” and 🔒');
});

test('a <Text> holding hostile strings, nested or in fragments, writes no raw control character', () => {
  const hostile = '\u001b[31mX\u001b]52;c;aGk=\u0007\r\u009b2J';
  const r = render(
    <Box flexDirection="column">
      <Text>{hostile}</Text>
      <Text bold>{'a'}{hostile}<Text color="red">{hostile}</Text><>{hostile}</></Text>
    </Box>,
  );
  const frame = r.lastFrame() ?? '';
  assert.doesNotMatch(frame.replace(/\u001b\[[0-9;]*m/g, ''), /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  assert.equal(frame.split('␛[31mX').length - 1, 4, frame);
  r.unmount();
});

test('cells are measured as Ink measures them: wide characters take two cells and are never cut in half', () => {
  assert.equal(textWidth('🔒 pem'), 6);
  assert.equal(textWidth('中文'), 4);
  assert.equal(textWidth('⚠️'), 1, 'the presentation selector is dropped: terminals disagree about it');
  assert.equal(fit('🔒🔒🔒', 4), '🔒… ');
  assert.equal(textWidth(fit('a🔒b中c', 5)), 5);
  assert.equal(textWidth(fit('\u001b[31m', 3)), 3);
  assert.deepEqual(wrapCells('ab中cd', 3), ['ab', '中c', 'd']);
  assert.deepEqual(wrapCells('abcdefg', 3), ['abc', 'def', 'g']);
});
