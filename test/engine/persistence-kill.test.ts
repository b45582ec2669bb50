/** Acceptance: the state file survives SIGKILL at any moment: always an old or a new complete state. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { parseState } from '../../source/engine/state-codec.js';

const root = resolve(import.meta.dirname, '../..');
const node = join(root, 'node_modules/.bin/node');
const fixture = join(root, 'test/engine/fixtures/state-writer.ts');
const KILLS = 24;

function checkComplete(text: string): number {
  const st = parseState(text).store; // throws on a torn file
  const vault = st.vaults.get('contoso-app-kv');
  assert.ok(vault, 'the demo vault is in the state');
  const gens = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const s = vault.objects.secret.get(`kill-${i}`);
    if (!s) continue;
    gens.add(s.versions[s.versions.length - 1].tags.gen);
  }
  assert.ok(gens.size <= 1, `one consistent generation, found ${[...gens].join(',')}`);
  return gens.size === 0 ? 0 : Number([...gens][0]);
}

it('a writer killed at random moments leaves an old or a new complete state, never a torn one', { timeout: 120_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'kvdeck-kill-'));
  const path = join(dir, 'state.json');
  let midSave = 0;
  let lastGen = -1;
  try {
    for (let k = 0; k < KILLS; k++) {
      const child = spawn(node, ['--import', 'tsx', fixture, path], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      // Wait for the first save of this run (so the file exists), then kill it.
      await new Promise<void>((res, rej) => {
        child.stdout.once('data', () => res());
        child.once('exit', (code) => rej(new Error(`writer exited early with ${code}`)));
      });
      const exited = new Promise((r) => child.once('exit', r));
      if (k % 2 === 0) {
        // Every other kill lands the moment a save's temporary file appears: inside the save, for sure.
        await new Promise<void>((res) => {
          const w = watch(dir, (_event, file) => {
            if (file?.endsWith('.tmp')) { child.kill('SIGKILL'); w.close(); res(); }
          });
        });
      } else {
        await new Promise((r) => setTimeout(r, Math.random() * 300));
        child.kill('SIGKILL');
      }
      await exited;
      if ((await readdir(dir)).some((f) => f.endsWith('.tmp'))) midSave++;
      assert.ok(existsSync(path));
      const gen = checkComplete(await readFile(path, 'utf8'));
      assert.ok(gen >= lastGen, `a saved generation is never lost (had ${lastGen}, now ${gen})`);
      lastGen = gen;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  t.diagnostic(`${KILLS} kills, ${midSave} of them mid-save; last generation ${lastGen}`);
  // Without kills inside a save the test would prove nothing about torn writes.
  assert.ok(midSave >= 2, `at least two kills must land mid-save (got ${midSave} of ${KILLS})`);
});
