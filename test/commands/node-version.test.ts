/**
 * The bin on a Node older than the bundle needs (this machine's system Node is 20): one line naming
 * the Node version needed and the one found, and how to run kvdeck anyway — never a SyntaxError
 * stack. On the project's own Node the same bin runs the bundle.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { before, describe, it } from 'node:test';

const BIN = 'dist/kvdeck.js';
const needed = Number(/(\d+)/.exec((JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node)![1]);

/** The first `node` on PATH outside node_modules (npm puts the project's Node 24 first). */
function systemNode(): { path: string; version: string } | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d && !d.includes('node_modules'));
  for (const dir of [...dirs, '/usr/bin', '/usr/local/bin']) {
    const path = join(dir, 'node');
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    if (version) return { path, version };
  }
  return undefined;
}

before(() => {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});

describe('the kvdeck bin and the Node it runs on', () => {
  const old = systemNode();
  const tooOld = !!old && Number(old.version.split('.')[0]) < needed;

  it('on an older system Node, prints one line: the Node needed and found, and how to run kvdeck', { skip: tooOld ? false : `no Node older than ${needed} outside node_modules (found ${old?.version ?? 'none'})` }, () => {
    for (const args of [['--version'], ['get', 'contoso-app-kv/sql-admin-password'], []]) {
      const r = spawnSync(old!.path, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, KVDECK_CONFIG_DIR: '/nonexistent' } });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
      assert.equal(
        r.stderr,
        `kvdeck needs Node.js ${needed} or newer (found ${old!.version}): run it with npx kvdeck or npm start in its folder (they use the project's own Node), or install Node.js ${needed}+.\n`,
      );
      assert.doesNotMatch(r.stderr, /SyntaxError|\n\s+at /);
    }
  });

  it('on the project\'s Node, the same bin runs the bundle', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
