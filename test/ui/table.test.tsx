import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { fitColumns, type Column } from '../../source/ui/components/columns.js';
import { Table } from '../../source/ui/components/table.js';
import { fit, textWidth } from '../../source/ui/components/text-width.js';
import { resolveTheme } from '../../source/ui/theme.js';

interface Row { name: string; n: number }
const columns: Column<Row>[] = [
  { key: 'name', header: 'NAME', flex: 1, min: 8, match: true, value: (r) => r.name },
  { key: 'n', header: 'N', width: 6, align: 'right', value: (r) => String(r.n) },
  { key: 'extra', header: 'EXTRA', width: 30, drop: 1, value: () => 'x' },
];

test('columns fill the width and low-priority columns drop on a narrow terminal', () => {
  const wide = fitColumns(columns, 100);
  assert.equal(wide.reduce((s, c) => s + c.cells, 0) + wide.length - 1, 100);
  const narrow = fitColumns(columns, 30);
  assert.deepEqual(narrow.map((c) => c.key), ['name', 'n']);
});

test('cells are cut with … and padded to their width, wide characters counted as two', () => {
  assert.equal(fit('abcdef', 4), 'abc…');
  assert.equal(fit('ab', 4, 'right'), '  ab');
  assert.equal(textWidth('🔒a'), 3);
});

test('the table renders only the visible window of 100,000 rows, fast', () => {
  const items = Array.from({ length: 100_000 }, (_, i) => ({ name: `secret-${i}`, n: i }));
  const draw = (offset: number) => renderToString(<Table columns={columns} items={items} selected={offset + 1} offset={offset} height={20} width={80} theme={resolveTheme('mono', {})} />, { columns: 80 });
  draw(0); // warm-up: the first render pays for module and layout-engine start-up
  const t = performance.now();
  const out = renderToString(<Table columns={columns} items={items} selected={50_001} offset={50_000} height={20} width={80} theme={resolveTheme('mono', {})} />, { columns: 80 });
  const ms = performance.now() - t;
  const lines = out.split('\n');
  assert.equal(lines.length, 21);
  assert.match(lines[1], /secret-50000/);
  assert.match(lines[20], /secret-50019/);
  assert.doesNotMatch(out, /secret-50020/);
  console.log(`table window of 20 rows out of 100,000: ${ms.toFixed(1)} ms`);
  // Drawing all 100,000 rows would take seconds (DESIGN §3); a window costs the same as a short list.
  assert.ok(ms < 1000, `${ms} ms`);
  assert.ok(draw(99_980).includes('secret-99999'));
});
