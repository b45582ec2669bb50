/**
 * Wide characters (emoji, CJK) in a content type or a lock's name and notes take the cells Ink and the
 * terminal give them: the columns after them stay where they are on every row, and no row spills over.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { DEMO } from '../../source/engine/index.js';
import { paneKey, renderApp } from './helpers.js';

after(() => cleanup());

/** The cell at which the first match of `re` starts in the line, as Ink measures cells. */
const cellOf = (line: string, re: RegExp) => { const m = re.exec(line); assert.ok(m, `${re} in ${line}`); return stringWidth(line.slice(0, m.index)); };
const rowOf = (f: string, name: string) => f.split('\n').find((l) => l.startsWith(name)) ?? assert.fail(`no row ${name}:\n${f}`);

test('an emoji content type does not shift the UPDATED and EXPIRES columns of its row', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  await app.backend.secrets.set(vault, 'emoji-type', { value: 'x', contentType: '☕ 🔒 中文 ⚠️ tea' });
  await app.press('j', '2');
  const f = await app.waitFor((f) => f.includes('emoji-type'), 'the row');
  const date = /\d{4}-\d\d-\d\d \d\d:\d\d/;
  const wide = rowOf(f, 'emoji-type');
  const plain = rowOf(f, 'sql-admin-password');
  assert.match(wide, /☕ 🔒 中文 ⚠ tea/);
  assert.equal(cellOf(wide, date), cellOf(plain, date), `UPDATED lines up:\n${wide}\n${plain}`);
  assert.equal(cellOf(wide, /never|\d{4}-\d\d-\d\d(?= )(?!.*\d{4}-)/), cellOf(plain, /never|\d{4}-\d\d-\d\d(?= )(?!.*\d{4}-)/), 'EXPIRES lines up');
  assert.ok(stringWidth(wide) <= 100, 'the row stays on its line');
  app.unmount();
});

test('a lock with emoji in its name and notes keeps its columns and its line', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  await app.backend.locks.create({ scope: vault.id, name: '🔒 freeze 中', level: 'CanNotDelete', notes: '☕ change window 🚀 ends Friday' });
  await app.press('j', paneKey('locks'));
  const f = await app.waitFor((f) => f.includes('freeze'), 'the lock');
  const wide = f.split('\n').find((l) => l.includes('freeze'))!;
  const header = f.split('\n').find((l) => l.startsWith('NAME'))!;
  assert.equal(cellOf(wide, /Delete \(CanNotDelete\)/), cellOf(header, /LEVEL/), `LEVEL lines up:\n${header}\n${wide}`);
  assert.equal(cellOf(wide, /this vault/), cellOf(header, /SCOPE/), 'SCOPE lines up');
  assert.match(wide, /☕ change window 🚀/);
  assert.ok(stringWidth(wide) <= 100, 'the row stays on its line');
  app.unmount();
});
