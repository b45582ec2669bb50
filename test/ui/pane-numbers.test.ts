/**
 * A pane's number is its place in the pane table (source/ui/panes/ids.ts): sentences take it from there
 * (paneRef, paneNumber), so that renumbering the panes never leaves a sentence pointing at the wrong one.
 * This reads every console source file and fails on a string that writes "pane N" itself.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { PANE_TABLE, paneNumber, paneRef } from '../../source/ui/panes/ids.js';

const ROOT = join(import.meta.dirname, '../../source');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []);

/** The code without its comments (a comment may say "pane 2" to a reader). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

test('no console source writes a pane number into a string: numbers come from the pane table', () => {
  const offenders: string[] = [];
  for (const file of [...files(join(ROOT, 'ui')), join(ROOT, 'cli/help-text.ts')]) {
    const lines = code(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (/(['"`])[^'"`]*\bpanes? \d/.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('the pane table gives the eight panes their numbers and titles', () => {
  assert.deepEqual(PANE_TABLE.map((p) => p.title), ['Vaults', 'Secrets', 'Keys', 'Certificates', 'Access', 'Locks', 'Deleted', 'Audit']);
  assert.equal(paneNumber('certificates'), 4);
  assert.equal(paneNumber('access'), 5);
  assert.equal(paneRef('deleted'), 'pane 7 (Deleted)');
  assert.equal(paneRef('secrets', ' of contoso-app-kv'), 'pane 2 (Secrets of contoso-app-kv)');
});
