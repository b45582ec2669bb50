/**
 * `kvdeck get | ls | set` as child processes of the real binary (the dist bundle), against the
 * emulator (through the Azure backend) and against the demo engine with --state.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { demoEmulator, ensureBuilt, kvdeck } from './helpers.js';

before(ensureBuilt);

describe('one-shot commands against the emulator', () => {
  const { flags } = demoEmulator();

  it('get prints the value alone, with no newline added when stdout is not a terminal', async () => {
    const r = await kvdeck(['get', 'contoso-app-kv/sql-admin-password', ...flags]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Pa55w0rd!demo-sql');
    assert.equal(r.stderr, '');
  });

  it('set reads stdin (dropping one trailing newline) and prints the version; get @VERSION reads it back', async () => {
    const set = await kvdeck(['set', 'contoso-app-kv/oneshot-secret', ...flags], 'line one\nline two\n');
    assert.equal(set.code, 0, set.stderr);
    const version = set.stdout.trim();
    assert.match(version, /^[0-9a-f]{32}$/);
    await kvdeck(['set', 'contoso-app-kv/oneshot-secret', ...flags], 'newer');
    assert.equal((await kvdeck(['get', `contoso-app-kv/oneshot-secret@${version}`, ...flags])).stdout, 'line one\nline two');
    assert.equal((await kvdeck(['get', 'contoso-app-kv/oneshot-secret', ...flags])).stdout, 'newer');
  });

  it('ls lists the secret names, one per line', async () => {
    const r = await kvdeck(['ls', 'contoso-app-kv', ...flags]);
    assert.equal(r.code, 0, r.stderr);
    const names = r.stdout.trimEnd().split('\n');
    for (const n of ['api-signing-cert', 'legacy-token', 'sql-admin-password', 'storage-account-key']) assert.ok(names.includes(n));
    assert.ok(!r.stdout.includes('Pa55w0rd'));
  });

  it('errors go to stderr in the console\'s words, with exit codes 3 (not found) and 4 (not allowed)', async () => {
    const missing = await kvdeck(['get', 'contoso-app-kv/no-such-secret', ...flags]);
    assert.equal(missing.code, 3);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^kvdeck: .*no-such-secret/);
    const denied = await kvdeck(['get', 'contoso-app-kv/sql-admin-password', ...flags, '--as', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc']);
    assert.equal(denied.code, 4);
    assert.match(denied.stderr, /secrets\/get permission on vault contoso-app-kv/);
    const usage = await kvdeck(['get', ...flags]);
    assert.equal(usage.code, 2);
  });
});

describe('one-shot commands against the demo engine with --state', () => {
  it('set persists into the state file and get reads it back in a new process', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'kvdeck-state-')), 'state.json');
    const set = await kvdeck(['set', 'contoso-app-kv/from-script', '--state', state], 'demo-value\n');
    assert.equal(set.code, 0, set.stderr);
    const get = await kvdeck(['get', 'contoso-app-kv/from-script', '--state', state]);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(get.stdout, 'demo-value');
    assert.ok((await kvdeck(['ls', 'contoso-app-kv', '--state', state])).stdout.split('\n').includes('from-script'));
    const disabled = await kvdeck(['get', 'contoso-app-kv/legacy-token', '--state', state]);
    assert.equal(disabled.code, 4);
    assert.match(disabled.stderr, /disabled/);
  });
});
