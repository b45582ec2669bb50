/**
 * The permission picker fits its box at 80×24 and at 120 columns: no row wraps, no permission is cut
 * or runs into the next box; and taking away your own last permission is asked first.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, paneKey, renderApp } from './helpers.js';

after(() => cleanup());

async function openPicker(size: { columns: number; rows: number }, row: 0 | 1) {
  const app = renderApp({ size });
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j', paneKey('access'));
  await app.waitFor((f) => f.includes('Security Admin'), 'policies');
  if (row) await app.press('j');
  await app.press('e');
  await app.waitFor((f) => f.includes('Permissions for'), 'picker');
  return app;
}

/** The picker's box: every line between its corners, which must all share the border columns. */
function box(f: string): string[] {
  const lines = f.split('\n');
  const top = lines.findIndex((l) => l.includes('╭'));
  const bottom = lines.findIndex((l) => l.includes('╰'));
  return lines.slice(top, bottom + 1);
}

for (const size of [{ columns: 80, rows: 24 }, { columns: 120, rows: 30 }]) {
  test(`the permission picker fits at ${size.columns}×${size.rows}: whole names, a gap between boxes, every row inside the frame`, async () => {
    const app = await openPicker(size, 1);
    for (const area of ['keys', 'secrets', 'certificates']) {
      const f = app.frame();
      const lines = box(f);
      assert.ok(lines.length > 4 && lines.length <= size.rows - 5, `${area}: the box fits the body:\n${f}`);
      const left = lines[0].indexOf('╭');
      const right = lines[0].lastIndexOf('╮');
      for (const l of lines.slice(1, -1)) {
        assert.equal(l.indexOf('│'), left, `${area}: a row starts at the frame:\n${f}`);
        assert.equal(l.lastIndexOf('│'), right, `${area}: a row ends at the frame:\n${f}`);
      }
      const grid = lines.filter((l) => /\[[x ]\]/.test(l));
      for (const l of grid) assert.doesNotMatch(l, /\S\[[x ]\]/, `${area}: a box runs into the one before it: ${l}`);
      assert.doesNotMatch(grid.join('\n'), /…/, `${area}: no permission is cut`);
      if (area === 'keys') assert.match(f, /\[[x ]\] getrotationpolicy /);
      await app.press(KEYS.tab);
    }
    app.unmount();
  });
}

test('taking away your own last permission asks first; no leaves your policy as it was', async () => {
  const app = await openPicker({ columns: 100, rows: 30 }, 0);
  assert.match(app.frame(), /Permissions for Operator/);
  // Each area to none: `a` ticks all, then none.
  const counts = () => (/keys \((\d+)\)\s+secrets \((\d+)\)\s+certificates \((\d+)\)/.exec(app.frame()) ?? []).slice(1).map(Number);
  for (let area = 0; area < 3; area++) {
    for (let i = 0; i < 2 && counts()[area] !== 0; i++) {
      const before = counts()[area];
      await app.press('a');
      await app.waitFor(() => counts()[area] !== before, 'the area toggled');
    }
    await app.press(KEYS.tab);
  }
  await app.waitFor((f) => /keys \(0\)\s+secrets \(0\)\s+certificates \(0\)/.test(f), 'nothing ticked');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Remove your own access policy on contoso-app-kv?'), 'asked');
  await app.press('n');
  await app.waitFor((f) => f.includes('your permissions are as they were'), 'cancelled');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  const mine = (await app.backend.policies.list(vault)).find((p) => p.objectId === DEMO.principals.operator);
  assert.ok(mine && mine.permissions.secrets.length > 0, 'the policy is still there');
  app.unmount();
});
