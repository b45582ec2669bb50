/**
 * `kvdeck serve` survives what hostile or careless clients send (issue 9): targets that are not URLs,
 * undecodable client credentials, clients that hang up mid-body; and it warns before listening
 * beyond loopback.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { exposureWarning, isLoopback } from '../../source/commands/serve.js';
import { DEMO } from '../../source/engine/index.js';
import { bearer, raw, startHarness, TEST_CERT_DIR, type Harness } from './helpers.js';

let h: Harness;
const unexpected: unknown[] = [];
before(async () => {
  h = await startHarness({ seed: 'demo', onUnexpected: (e) => unexpected.push(e) });
});
after(() => h.close());

/** Bytes on a TLS connection, exactly as written (Node's client would refuse to send some of these targets). */
function rawExchange(host: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: h.emu.port, servername: host, ca: h.emu.caPem }, () => socket.write(text));
    let out = '';
    socket.on('data', (d) => {
      out += d;
      if (/\r\n\r\n[\s\S]*\}$/.test(out)) socket.end();
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('hostile request targets', () => {
  for (const [target, host, status] of [
    ['http://[', 'localhost', 400], ['http://[', `${DEMO.vaults.app}.vault.localhost`, 400], ['*', 'localhost', 400],
    // `//a:b` is a path (origin-form may start with //): an unknown route, not a crash.
    ['//a:b', 'localhost', 404], ['//a:b', `${DEMO.vaults.app}.vault.localhost`, 404],
  ] as const) {
    it(`GET ${target} on ${host} is a ${status} in Azure's shape and the emulator keeps serving`, async () => {
      const answer = await rawExchange(host, `GET ${target} HTTP/1.1\r\nHost: ${host}:${h.emu.port}\r\nAuthorization: Bearer ${bearer()}\r\nConnection: close\r\n\r\n`);
      assert.match(answer, new RegExp(`^HTTP/1\\.1 ${status} `));
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assert.ok(body.error.code && body.error.message);
      assert.equal((await raw(h, { method: 'GET', host: 'localhost', path: '/subscriptions?api-version=2022-12-01' })).status, 200);
    });
  }
});

describe('origin-form targets that start with //', () => {
  it('are paths: the Azure CLI reads //metadata/endpoints', async () => {
    const answer = await rawExchange('localhost', `GET //metadata/endpoints?api-version=2015-01-01 HTTP/1.1\r\nHost: localhost:${h.emu.port}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 200 /);
    assert.match(answer, /"loginEndpoint"/);
  });
});

describe('the ADFS token endpoint', () => {
  it('answers 400 invalid_client for a Basic header whose parts have a bad %-escape', async () => {
    const res = await raw(h, {
      method: 'POST', host: 'localhost', path: '/adfs/oauth2/token', token: null,
      headers: { authorization: `Basic ${Buffer.from('%zz:secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=https%3A%2F%2Fmanagement.localhost%2F.default',
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.error, 'invalid_client');
    assert.deepEqual(unexpected, []);
  });

  it('still decodes a well-formed Basic header (form-encoded parts)', async () => {
    const res = await raw(h, {
      method: 'POST', host: 'localhost', path: '/adfs/oauth2/token', token: null,
      headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(DEMO.appIds.webApp)}:s%3Acret`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=https%3A%2F%2Fmanagement.localhost%2F.default',
    });
    assert.equal(res.status, 200);
  });
});

describe('a client that hangs up mid-body', () => {
  it('is recorded as a closed request, with nothing reported as unexpected', async () => {
    const host = `${DEMO.vaults.app}.vault.localhost`;
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: h.emu.port, servername: host, ca: h.emu.caPem }, () => {
        socket.write(`PUT /secrets/half?api-version=7.6 HTTP/1.1\r\nHost: ${host}:${h.emu.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"value":"`, () => {
          socket.destroy();
          resolve();
        });
      });
      socket.on('error', reject);
    });
    const audit = createMemoryBackend(h.emu.engine).audit;
    for (let i = 0; i < 200; i++) {
      const closed = (await audit.query({ result: 'failure' })).find((e) => e.errorCode === 'ClientClosedRequest');
      if (closed) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok((await audit.query({ result: 'failure' })).some((e) => e.errorCode === 'ClientClosedRequest'));
    assert.deepEqual(unexpected, []);
  });
});

describe('--host beyond loopback', () => {
  it('knows loopback addresses from the rest', () => {
    for (const a of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost']) assert.equal(isLoopback(a), true, a);
    for (const a of ['0.0.0.0', '::', '192.0.2.1', 'example.test']) assert.equal(isLoopback(a), false, a);
    assert.equal(exposureWarning('127.0.0.1'), undefined);
  });

  it('warns on stderr that token signatures are not verified, before it listens', async () => {
    // 192.0.2.1 (TEST-NET-1) is not this machine's: the warning is printed, then the bind fails; nothing listens.
    const child = spawn(process.execPath, ['--import', 'tsx', 'source/commands/serve-main.ts', '--host', '192.0.2.1', '--port', '0', '--cert-dir', TEST_CERT_DIR], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /warning: listening on 192\.0\.2\.1.*does not verify token signatures/s);
    assert.match(stderr, /cannot start/);
  });
});
