/** Rewrites the README's Keys tables from the command table: `node --import tsx scripts/readme-keys.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_KEYS_BEGIN, README_KEYS_END, readmeKeys } from '../source/ui/keymap/readme.js';

const path = join(import.meta.dirname, '..', 'README.md');
const text = readFileSync(path, 'utf8');
const from = text.indexOf(README_KEYS_BEGIN);
const to = text.indexOf(README_KEYS_END);
if (from < 0 || to < from) throw new Error(`README.md has no ${README_KEYS_BEGIN} … ${README_KEYS_END} section`);
writeFileSync(path, `${text.slice(0, from + README_KEYS_BEGIN.length)}\n${readmeKeys()}\n${text.slice(to)}`);
console.log('README.md: Keys section written.');
