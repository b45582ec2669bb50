/**
 * In a real terminal, wide characters in a content type take the cells tmux gives them: the columns
 * after them line up with every other row. (Cells are counted with string-width, which agrees with
 * tmux on these characters; an emoji presentation selector, where they disagree, is never sent.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { launch, pane, SLOW } from './helpers.js';

const cellOf = (line: string, re: RegExp) => { const m = re.exec(line); assert.ok(m, `${re} in ${line}`); return stringWidth(line.slice(0, m.index)); };

test('a secret whose content type holds emoji and CJK keeps the UPDATED and EXPIRES columns in line', async (t) => {
  const term = await launch(t);
  await pane(term, 'secrets', (s) => s.includes('Secrets ›') && s.includes('secrets in'));
  await term.press('new');
  await term.waitFor('New secret in', SLOW);
  await term.type('wide-type');
  await term.press('form.next', 'form.next');
  await term.type('v');
  await term.press('form.next');
  await term.type('☕ 🔒 中文 ⚠️ tea');
  await term.press('form.save');
  const s = await term.waitFor((x) => x.includes('Secret wide-type created') && /^wide-type /m.test(x), SLOW);
  const lines = s.split('\n');
  const wide = lines.find((l) => l.startsWith('wide-type '))!;
  const plain = lines.find((l) => /^\S+ +yes +\d{4}-/.test(l) || /^bmc-password /.test(l))!;
  assert.match(wide, /☕ 🔒 中文 ⚠ tea/);
  const date = /\d{4}-\d\d-\d\d \d\d:\d\d/;
  assert.equal(cellOf(wide, date), cellOf(plain, date), `UPDATED lines up:\n${wide}\n${plain}`);
  assert.equal(cellOf(wide, /never\s*$/), cellOf(plain, /never\s*$/), `EXPIRES lines up:\n${wide}\n${plain}`);
});
