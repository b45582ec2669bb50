/**
 * Through the Azure backend over a slow link (the emulator with 40 ms on every request), in a real
 * terminal: a big vault's first rows are usable while the rest of its 80 pages arrive, and quick lookup
 * shows a small vault's match while the big vault is still being read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../source/emulator/index.js';
import { launch, pane, selectRow, SLOW, type Ctx } from './helpers.js';

/** perf-kv: 80 pages of 25 at 40 ms each, over three seconds to list whole. */
const BIG = 2000;

async function launchOnSlowEmulator(t: Ctx) {
  const certDir = mkdtempSync(join(tmpdir(), 'kvdeck-e2e-emu-'));
  const emulator = await startEmulator({ port: 0, seed: 'demo', perf: BIG, certDir, latencyMs: 40 });
  t.after(async () => {
    await emulator.close();
    rmSync(certDir, { recursive: true, force: true });
  });
  return launch(t, { args: ['--emulator', emulator.arm, '--ca', emulator.caCertPath] });
}

test('emulator at 40 ms: perf-kv\'s first rows are there and filterable while the rest of it arrives', async (t) => {
  const term = await launchOnSlowEmulator(t);
  await selectRow(term, 'perf-kv');
  const first = await pane(term, 'secrets', (s) => s.includes('perf-secret-0000000'));
  assert.match(first, /secrets so far in perf-kv · loading more…/, 'rows are on screen before the last page');
  await term.press('filter');
  await term.type('0001');
  await term.waitFor((s) => /^\/0001\s+[\d,]+ of [\d,]+/m.test(s) && s.includes('perf-secret-0000010'), SLOW);
  await term.press('filter.clear');
  await term.waitFor(`${BIG.toLocaleString('en-US')} secrets in perf-kv`, 30_000);
});

test('emulator at 40 ms: quick lookup shows a small vault\'s match while perf-kv is still being read', async (t) => {
  const term = await launchOnSlowEmulator(t);
  await term.press('lookup');
  await term.type('smtp');
  const s = await term.waitFor((s) => /smtp-password\s+secret\s+contoso-shared-kv/.test(s), SLOW);
  assert.match(s, /so far · \d+ of 4 vaults/, 'the match came before the big vault was read');
  await term.waitFor('in every vault', 30_000);
});
