/**
 * The layering, checked: domain ← engine ← backend ← (emulator, ui, commands, cli). Nothing below
 * imports from above — in particular the backend takes its own options (backend/options.ts), never
 * the command line's.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { test } from 'node:test';

const SOURCE = resolve(import.meta.dirname, '../../source');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));
}

/** The top-level folders of source/ a file imports from (static and dynamic imports). */
function importedLayers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)]
    .map((m) => relative(SOURCE, resolve(dirname(file), m[1])).split(/[\\/]/)[0]);
}

const RULES: Record<string, string[]> = {
  domain: ['domain'],
  engine: ['domain', 'engine'],
  // The emulator's credential is loaded for --emulator (a test-tool credential, no server code).
  backend: ['domain', 'engine', 'backend', 'emulator'],
};

test('nothing below imports from above: domain, engine and backend stay clear of the CLI, the console and the commands', () => {
  for (const [layer, allowed] of Object.entries(RULES)) {
    for (const file of files(join(SOURCE, layer))) {
      const bad = importedLayers(file).filter((l) => !allowed.includes(l));
      assert.deepEqual(bad, [], `${relative(SOURCE, file)} imports from ${bad.join(', ')}`);
    }
  }
});
