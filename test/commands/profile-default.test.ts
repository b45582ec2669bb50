/**
 * Adding a profile never changes what a plain `kvdeck` (`npm start`) opens — the demo engine until
 * the user says otherwise (`--use`, `profile use NAME`) — and there is a way back: `profile use demo`,
 * or `--profile demo` for one run.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, beforeEach, describe, it } from 'node:test';
import { parseGlobalOptions } from '../../source/cli/global-options.js';
import { prepareConsole } from '../../source/ui/run-console.js';

const BIN = 'dist/kvdeck.js';
let dir: string;

const kvdeck = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, KVDECK_CONFIG_DIR: dir }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** What `npm start` (no flags) would open, read the way the console reads it. */
const plainStart = (args: string[] = []) => {
  process.env.KVDECK_CONFIG_DIR = dir;
  return prepareConsole(parseGlobalOptions(args)).target;
};
const current = () => (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { current?: string }).current;

before(() => {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));
});

describe('the default a plain kvdeck opens', () => {
  it('the first profile added does not become the default: npm start still opens the demo engine', () => {
    const r = kvdeck(['profile', 'add', 'prod', '--cloud', 'AzureCloud', '--auth', 'cli']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Open it with kvdeck --profile prod, or make it the default with kvdeck profile use prod\./);
    assert.equal(current(), undefined);
    assert.equal(plainStart(), 'Demo engine');
    assert.match(kvdeck(['profile', 'list']).stdout, /^\* demo {2}the bundled demo engine\n {2}prod {2}AzureCloud/);
  });

  it('--use makes the profile the default; profile use demo goes back to the demo engine', () => {
    assert.equal(kvdeck(['profile', 'add', 'local', '--emulator', 'https://localhost:8443', '--ca', 'ca.pem', '--use']).code, 0);
    assert.equal(current(), 'local');
    assert.equal(plainStart(), 'the emulator at https://localhost:8443');
    assert.equal(plainStart(['--profile', 'demo']), 'Demo engine', '--profile demo: the demo engine for one run');

    const back = kvdeck(['profile', 'use', 'demo']);
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, /demo engine/);
    assert.equal(current(), undefined);
    assert.equal(plainStart(), 'Demo engine');
    assert.ok('local' in (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { profiles: object }).profiles, 'the profile is kept');
  });

  it('adding a second profile leaves the chosen default alone', () => {
    kvdeck(['profile', 'add', 'prod', '--cloud', 'AzureCloud', '--use']);
    kvdeck(['profile', 'add', 'gov', '--cloud', 'AzureUSGovernment']);
    assert.equal(current(), 'prod');
  });

  it('demo is reserved: a profile cannot take its name', () => {
    const r = kvdeck(['profile', 'add', 'Demo', '--cloud', 'AzureCloud']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /'demo' names the demo engine/);
  });
});
