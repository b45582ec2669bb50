/**
 * The keymap checks conflicts per pane from the table's `panes` lists, so those lists must say which
 * commands each pane really binds: read every pane's bindings from its source and compare.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { boundInPane, isCommandId } from '../../source/ui/keymap/commands.js';
import { PANE_IDS, type PaneId } from '../../source/ui/panes/ids.js';

const ROOT = join(import.meta.dirname, '../../source/ui/panes');
/** A pane's folder is its id, but for the Access pane, which keeps the folder of its first version. */
const FOLDER: Partial<Record<PaneId, string>> = { access: 'policies' };

test('every command a pane binds is declared for that pane in the table', () => {
  for (const pane of PANE_IDS) {
    const text = readFileSync(join(ROOT, FOLDER[pane] ?? pane, 'index.tsx'), 'utf8');
    const used = [...text.matchAll(/command: '([^']+)'/g)].map((m) => m[1]);
    assert.ok(used.length > 0, `${pane} binds commands`);
    for (const id of used) {
      assert.ok(isCommandId(id), `${pane}: ${id} is a command`);
      assert.ok(boundInPane(id, pane), `${pane} binds ${id}: add '${pane}' to its panes in keymap/commands.ts`);
    }
  }
});
