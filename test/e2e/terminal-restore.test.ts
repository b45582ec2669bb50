/**
 * kvdeck draws in the alternate screen and must give the terminal back as it found it: the shell's
 * earlier output and prompt visible again, cursor shown, line editing (echo, canonical mode) working.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SLOW } from './helpers.js';
import { openTerm, type Term } from './tmux.js';

const PROMPT = 'e2e-shell$ ';

async function shellWithKvdeck(t: { after(fn: () => unknown): void }): Promise<Term> {
  const term = await openTerm(t, { cols: 100, rows: 30, shell: { prompt: PROMPT } });
  await term.waitFor(PROMPT.trimEnd(), SLOW);
  await term.type("printf 'before-%s\\n' kvdeck");
  await term.keys('Enter');
  await term.waitFor('before-kvdeck', SLOW);
  await term.type('node_modules/.bin/node dist/kvdeck.js; echo "kvdeck exited with $?"');
  await term.keys('Enter');
  await term.waitFor((s) => s.includes('contoso-app-kv') && s.includes('1 Vaults'), SLOW);
  assert.equal(await term.display('#{alternate_on}'), '1', 'the console runs in the alternate screen');
  assert.ok(!(await term.screen()).includes('before-kvdeck'), 'the shell output is hidden while the console runs');
  return term;
}

async function assertRestored(term: Term, exitCode: number | RegExp): Promise<void> {
  const s = await term.waitFor(typeof exitCode === 'number' ? `kvdeck exited with ${exitCode}` : exitCode, SLOW);
  await term.waitForDisplay('#{alternate_on}', '0', SLOW);
  assert.equal(await term.display('#{cursor_flag}'), '1', 'the cursor is visible again');
  assert.ok(s.includes('before-kvdeck'), 'what was on the screen before is back');
  assert.ok(!s.includes('contoso-app-kv'), 'nothing of the console is left on the main screen');
  // The line discipline is back to normal: typed characters echo and Enter runs the line.
  await term.type('echo "still-$((40+2))"');
  await term.waitFor('echo "still-$((40+2))"', SLOW);
  await term.keys('Enter');
  await term.waitFor('still-42', SLOW);
  assert.ok((await term.screen()).trimEnd().endsWith(PROMPT.trimEnd()), 'the prompt is back');
}

test('after q the terminal is restored: the shell prompt and the earlier output are back', async (t) => {
  const term = await shellWithKvdeck(t);
  await term.press('quit');
  await assertRestored(term, 0);
});

test('after SIGTERM the terminal is restored as well', async (t) => {
  const term = await shellWithKvdeck(t);
  const shellPid = await term.pid();
  const children = readFileSync(`/proc/${shellPid}/task/${shellPid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  assert.equal(children.length, 1, 'kvdeck is the shell\'s only child');
  process.kill(children[0], 'SIGTERM');
  await assertRestored(term, 143);
});

test('after Ctrl-C the terminal is restored as well', async (t) => {
  const term = await shellWithKvdeck(t);
  await term.keys('C-c');
  await assertRestored(term, /kvdeck exited with \d+/);
});
