/** `kvdeck get VAULT/CERT --cert`: the certificate's public part as PEM, from the real binary (dist bundle). */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../source/emulator/index.js';
import { ensureBuilt, kvdeck } from './helpers.js';

before(ensureBuilt);

describe('kvdeck get --cert', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
  });
  after(async () => emu.close());

  it('prints the public certificate as PEM, never the private key, from the emulator and from the demo engine', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'kvdeck-state-')), 'state.json');
    for (const flags of [['--emulator', emu.arm, '--ca', emu.caCertPath], ['--state', state]]) {
      const r = await kvdeck(['get', 'contoso-app-kv/contoso-web-tls', '--cert', ...flags]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
      assert.ok(!r.stdout.includes('PRIVATE KEY'));
      assert.equal(new X509Certificate(r.stdout).subject, 'O=Contoso Ltd\nCN=www.contoso.com');
    }
  });

  it('a name that is not a certificate is "not found" (exit 3)', async () => {
    const r = await kvdeck(['get', 'contoso-app-kv/sql-admin-password', '--cert', '--emulator', emu.arm, '--ca', emu.caCertPath]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /sql-admin-password was not found/);
  });
});
