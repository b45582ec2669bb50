/**
 * A request that never gets an answer is named as what happened, and to what: connection refused
 * (at once — no seconds of retries against a closed port), an unknown host, a certificate nobody
 * trusts, a timeout. Real sockets, real TLS, the real SDK clients.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectionError } from '../../source/backend/azure/errors.js';
import { KeyVaultError } from '../../source/domain/errors.js';
import { DEMO } from '../../source/engine/index.js';
import { startEmulator } from '../../source/emulator/index.js';
import { loadOrCreateTls } from '../../source/emulator/tls.js';
import { explainError } from '../../source/ui/explain-error.js';
import { emulatorSession, rejection as failure, tempDir } from './emulator-session.js';

const session = emulatorSession();
const open = session.open.bind(session);

describe('network failures on the Azure path', () => {
  it('a refused connection reads "Cannot reach … (connection refused)" within 1 s, for ARM and for a vault', async () => {
    const b = await open(['--emulator', 'https://localhost:1', '--ca', session.emu.caCertPath]);
    // Timed once the SDK modules are loaded (the first call loads them; under load that alone can take
    // a second): what is measured is the network and the retry policy, which used to spend ~5 s.
    const within1s = async (call: () => Promise<unknown>, sentence: string) => {
      assert.equal(explainError(await failure(call())), sentence);
      const t0 = performance.now();
      const e = await failure(call());
      const ms = performance.now() - t0;
      assert.ok(e instanceof ConnectionError, String(e));
      assert.equal(explainError(e), sentence);
      assert.ok(ms < 1000, `${sentence} took ${ms.toFixed(0)} ms`);
    };
    await within1s(() => b.vaults.list(), 'Cannot reach https://localhost:1 (connection refused).');
    await within1s(() => b.secrets.get(b.vaultRefFor(DEMO.vaults.app), 'sql-admin-password'), 'Cannot reach https://contoso-app-kv.vault.localhost:1 (connection refused).');
    const audited = await b.audit.query({ operation: 'SecretGet' });
    assert.equal(audited[0]?.errorCode, 'NoConnection');
  });

  it('a server whose certificate no given CA signed: "The certificate of … is not trusted (pass --ca)"', async () => {
    const otherCa = (await loadOrCreateTls(tempDir('kvdeck-other-ca-'))).caCertPath;
    const b = await open(['--emulator', session.emu.arm, '--ca', otherCa], { eagerIdentity: false });
    const e = await failure(b.vaults.list());
    assert.equal(explainError(e), `The certificate of ${session.emu.arm} is not trusted (pass --ca).`);
    const d = await failure(b.secrets.get(b.vaultRefFor(DEMO.vaults.app), 'sql-admin-password'));
    assert.equal(explainError(d), `The certificate of https://contoso-app-kv.vault.localhost:${session.emu.port} is not trusted (pass --ca).`);
  });

  it('a host name that does not resolve names the host', async () => {
    // .invalid never resolves (RFC 6761); offline, the resolver may not answer at all: both are named.
    const e = await failure(open(['--arm', 'https://management.nowhere.invalid', '--auth', 'env']));
    assert.ok(e instanceof ConnectionError, String(e));
    assert.ok(['host-not-found', 'dns'].includes(e.failure), e.failure);
    assert.match(explainError(e), /^Cannot reach https:\/\/management\.nowhere\.invalid \((no such host: management\.nowhere\.invalid|the name server did not answer; check the network and DNS)\)\.$/);
  });

  it('a call that outlives its timeout names what did not answer', async () => {
    const slow = await startEmulator({ port: 0, seed: 'demo', certDir: tempDir('kvdeck-cert-'), latencyMs: 400 });
    try {
      const b = await open(['--emulator', slow.arm, '--ca', slow.caCertPath], { timeoutMs: 100, retry: { maxRetries: 0 }, eagerIdentity: false });
      const e = await failure(b.secrets.get(b.vaultRefFor(DEMO.vaults.app), 'sql-admin-password'));
      assert.ok(e instanceof KeyVaultError && e.status === 408, String(e));
      assert.equal(explainError(e), `No answer from https://contoso-app-kv.vault.localhost:${slow.port} within 0.1 seconds.`);
    } finally {
      await slow.close();
    }
  });
});
