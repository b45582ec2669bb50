/** `kvdeck profile add|list|use|remove` and `kvdeck config path`, with conf pointed at a temporary directory. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { applyProfile } from '../../source/config/profiles.js';
import { parseGlobalOptions } from '../../source/cli/global-options.js';

const BIN = 'dist/kvdeck.js';
const dir = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));
const env = { ...process.env, KVDECK_CONFIG_DIR: dir };

const kvdeck = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

before(() => {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});

describe('profiles', () => {
  it('config path prints the file under KVDECK_CONFIG_DIR', () => {
    assert.equal(kvdeck(['config', 'path']).stdout.trim(), join(dir, 'config.json'));
  });

  it('add saves connection settings only; use switches; remove forgets', () => {
    const a = kvdeck(['profile', 'add', 'prod', '--cloud', 'AzureUSGovernment', '--tenant', 't1', '--auth', 'cli', '--subscription', 'Contoso Production', '--vault', 'contoso-app-kv']);
    assert.equal(a.code, 0, a.stderr);
    const b = kvdeck(['profile', 'add', 'local', '--emulator', 'https://localhost:8443', '--ca', 'ca.pem', '--as', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb']);
    assert.equal(b.code, 0, b.stderr);
    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    assert.equal(saved.current, undefined);
    assert.deepEqual(saved.profiles.prod, { cloud: 'AzureUSGovernment', tenant: 't1', subscription: ['Contoso Production'], auth: 'cli', vault: 'contoso-app-kv' });
    assert.equal(saved.profiles.local.ca, join(process.cwd(), 'ca.pem'));
    assert.ok(!/token|secret/i.test(JSON.stringify(saved)));
    assert.match(kvdeck(['profile', 'list']).stdout, /^ {2}prod {2}AzureUSGovernment/m);
    assert.equal(kvdeck(['profile', 'use', 'local']).code, 0);
    assert.match(kvdeck(['profile', 'list']).stdout, /^\* local {2}emulator https:\/\/localhost:8443/m);
    assert.equal(kvdeck(['profile', 'use', 'nope']).code, 2);
    assert.equal(kvdeck(['profile', 'add', 'bad', '--cloud', 'Mars']).code, 1);
    assert.equal(kvdeck(['profile', 'remove', 'local']).code, 0);
    assert.equal(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).current, undefined);
  });

  it('a profile fills in what the command line leaves out; explicit flags win; a backend flag sets the default aside', () => {
    process.env.KVDECK_CONFIG_DIR = dir;
    const o = applyProfile(parseGlobalOptions(['--profile', 'prod', '--tenant', 'other']));
    assert.equal(o.cloud, 'AzureUSGovernment');
    assert.equal(o.tenant, 'other');
    assert.equal(o.defaultVault, 'contoso-app-kv');
    kvdeck(['profile', 'use', 'prod']);
    assert.equal(applyProfile(parseGlobalOptions([])).cloud, 'AzureUSGovernment');
    assert.equal(applyProfile(parseGlobalOptions(['--state', 'x.json'])).cloud, undefined);
    assert.throws(() => applyProfile(parseGlobalOptions(['--profile', 'missing'])), /No profile named 'missing'/);
  });
});
