/**
 * `kvdeck get | ls | set` as child processes of the real binary (the dist bundle), against the
 * emulator (through the Azure backend) and against the demo engine with --state.
 */
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoEmulator, ensureBuilt, kvdeck } from './helpers.js';

before(ensureBuilt);

// Each case is its own process: they run side by side.
describe('one-shot commands against the emulator', { concurrency: true }, () => {
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

  it('errors go to stderr in the one-shot\'s own words, with exit codes 3 (not found) and 4 (not allowed)', async () => {
    const missing = await kvdeck(['get', 'contoso-app-kv/no-such-secret', ...flags]);
    assert.equal(missing.code, 3);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'kvdeck: Secret no-such-secret was not found in vault contoso-app-kv.\n');
    const denied = await kvdeck(['get', 'contoso-app-kv/sql-admin-password', ...flags, '--as', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc']);
    assert.equal(denied.code, 4);
    assert.match(denied.stderr, /^kvdeck: You lack the secrets\/get permission on vault contoso-app-kv\. An access policy on the vault can grant it/);
    assert.doesNotMatch(denied.stderr, /pane|press/i, 'no console hints');
    const usage = await kvdeck(['get', ...flags]);
    assert.equal(usage.code, 2);
  });

  missingCases(() => flags);
});

/** What is missing — the vault, the secret, the version — said as such on both backends, without console hints. */
function missingCases(flags: () => string[]) {
  const cases = [
    ['contoso-app-kv/nope', 'kvdeck: Secret nope was not found in vault contoso-app-kv.\n'],
    ['contoso-app-kv/sql-admin-password@deadbeef', 'kvdeck: Secret sql-admin-password in vault contoso-app-kv has no version deadbeef.\n'],
    ['contoso-app-kv/sql-admin-password@0123456789abcdef0123456789abcdef', 'kvdeck: Secret sql-admin-password in vault contoso-app-kv has no version 0123456789abcdef0123456789abcdef.\n'],
    ['nope-kv/x', 'kvdeck: Vault nope-kv was not found.\n'],
  ] as const;
  for (const [target, said] of cases) {
    it(`get ${target} says what is missing (exit 3)`, async () => {
      const r = await kvdeck(['get', target, ...flags()]);
      assert.deepEqual([r.code, r.stderr, r.stdout], [3, said, '']);
    });
  }
  it('ls of a vault that does not exist says so (exit 3)', async () => {
    const r = await kvdeck(['ls', 'nope-kv', ...flags()]);
    assert.deepEqual([r.code, r.stderr], [3, 'kvdeck: Vault nope-kv was not found.\n']);
  });
}

describe('one-shot commands against the demo engine', { concurrency: true }, () => {
  missingCases(() => []);
});

describe('one-shot command lines', { concurrency: true }, () => {
  for (const cmd of ['get', 'ls', 'set', 'profile', 'config', 'serve'] as const) {
    it(`kvdeck ${cmd} --help prints its own usage`, async () => {
      const r = await kvdeck([cmd, '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Usage: kvdeck ${cmd}\\b`));
    });
  }

  it('a bad name is a usage error (exit 2) before anything is sent', async () => {
    const r = await kvdeck(['get', 'bad name!/x', '--emulator', 'https://localhost:1', '--ca', '/nonexistent']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^kvdeck: 'bad name!' is not a vault name: a vault name may contain only letters, digits and hyphens\.\nUsage: kvdeck get VAULT\/SECRET\[@VERSION\]/);
    const secret = await kvdeck(['get', 'contoso-app-kv/no_such']);
    assert.equal(secret.code, 2);
    assert.match(secret.stderr, /'no_such' is not a secret name/);
  });

  it('extra arguments are refused (exit 2)', async () => {
    const lines = [['get', 'contoso-app-kv/a', 'contoso-app-kv/b'], ['ls', 'contoso-app-kv', 'more'], ['set', 'contoso-app-kv/a', 'b'], ['profile', 'list', 'x'], ['profile', 'use', 'a', 'b'], ['config', 'path', 'x']];
    const results = await Promise.all(lines.map((args) => kvdeck(args)));
    results.forEach((r, i) => {
      assert.equal(r.code, 2, `${lines[i].join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /one too many/, lines[i].join(' '));
    });
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

// Not concurrent: the emulator (in this process) counts the requests each case makes.
describe('kvdeck get on the Azure path asks once when it can', () => {
  const { flags } = demoEmulator();
  const paths: string[] = [];
  const heard = (m: unknown) => paths.push((m as { request: { url?: string } }).request.url ?? '');
  before(() => diagnostics.subscribe('http.server.request.start', heard));
  after(() => diagnostics.unsubscribe('http.server.request.start', heard));
  const requestsFor = (path: string) => paths.filter((p) => p.split('?')[0].replace(/\/$/, '') === path).length;

  it('a readable secret takes one request: no SDK, no challenge round trip', async () => {
    paths.length = 0;
    const r = await kvdeck(['get', 'contoso-app-kv/storage-account-key', ...flags]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.length > 0);
    assert.equal(requestsFor('/secrets/storage-account-key'), 1, paths.join('\n'));
  });

  it('anything but the value (a disabled secret) is asked again through the SDK and said in its words', async () => {
    paths.length = 0;
    const fast = await kvdeck(['get', 'contoso-app-kv/legacy-token', ...flags]);
    const state = join(mkdtempSync(join(tmpdir(), 'kvdeck-state-')), 'state.json');
    const demo = await kvdeck(['get', 'contoso-app-kv/legacy-token', '--state', state]);
    assert.ok(requestsFor('/secrets/legacy-token') >= 2, 'the SDK asked too');
    assert.equal(fast.stdout, '');
    assert.match(fast.stderr, /disabled/i);
    assert.deepEqual([fast.code, fast.stderr], [demo.code, demo.stderr], 'the same sentence as on the demo engine');
  });
});
