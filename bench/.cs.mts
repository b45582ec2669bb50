import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
for (let r = 0; r < 3; r++) {
  const env = { ...process.env, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cs-')) } as NodeJS.ProcessEnv; delete env.CI;
  const t0 = performance.now();
  const c = spawn('script', ['-qfec', `stty cols 120 rows 34; exec node_modules/.bin/node dist/kvdeck.js ${process.argv[2] ?? ''}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'], detached: true });
  const marks: string[] = []; let seen = '';
  await new Promise<void>((res) => c.stdout.on('data', (d: Buffer) => { const s = d.toString(); seen += s; marks.push(`${(performance.now() - t0).toFixed(0)}ms:${s.length}${s.includes('Loading') ? '(spinner)' : ''}${s.includes('contoso-shared-kv') ? '(list)' : ''}`); if (seen.includes('contoso-shared-kv') && seen.includes('q quit')) res(); }));
  console.log(marks.join(' '));
  process.kill(-c.pid!, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
}
process.exit(0);
