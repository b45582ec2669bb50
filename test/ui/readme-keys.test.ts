/**
 * The README's key tables and the command table cannot drift apart: the section is exactly what the
 * table gives, and every command is in it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMMAND_IDS } from '../../source/ui/keymap/commands.js';
import { README_KEYS_BEGIN, README_KEYS_END, readmeCommands, readmeKeys } from '../../source/ui/keymap/readme.js';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

test('the README\'s Keys section is the one the command table gives (its default keys, its commands)', () => {
  const from = README.indexOf(README_KEYS_BEGIN);
  const to = README.indexOf(README_KEYS_END);
  assert.ok(from >= 0 && to > from, 'the README has the Keys markers');
  const section = README.slice(from + README_KEYS_BEGIN.length, to).trim();
  assert.equal(section, readmeKeys(), 'README.md differs from the keymap: run `node --import tsx scripts/readme-keys.ts`');
});

test('every command of the table is in the README', () => {
  const named = readmeCommands();
  assert.deepEqual(COMMAND_IDS.filter((id) => !named.has(id)), [], 'commands the README does not mention');
  assert.deepEqual([...named].filter((id) => !COMMAND_IDS.includes(id)), [], 'the README names commands that do not exist');
});
