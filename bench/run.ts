/** `npm run bench`: runs bench/engine.ts, then every other bench/*.bench.ts, one after the other. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const files = ['engine.ts', ...readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()];
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f} ==`);
  // A fresh process per bench: one bench's heap and JIT state must not colour the next one's figures.
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
