/**
 * The emulator's port is also an HTTPS proxy to itself: a client configured with
 * HTTPS_PROXY=http://localhost:PORT reaches {vault}.vault.localhost without resolving it, with TLS
 * still checked end to end; every other target is refused.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { bearer, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.close());

function tunnel(target: string): Promise<{ status: number; socket: import('node:net').Socket; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.emu.port, method: 'CONNECT', path: target });
    req.on('connect', (res, socket, head) => {
      if (res.statusCode === 200) {
        resolve({ status: 200, socket, body: '' });
        return;
      }
      let body = head.toString();
      socket.on('data', (d) => (body += d));
      socket.on('end', () => resolve({ status: res.statusCode ?? 0, socket, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CONNECT to the emulator itself', () => {
  it('tunnels to a vault host, and TLS inside the tunnel is verified against the emulator CA with the vault name', async () => {
    const host = `${DEMO.vaults.app}.vault.localhost`;
    const { status, socket } = await tunnel(`${host}:${h.emu.port}`);
    assert.equal(status, 200);
    const answer = await new Promise<string>((resolve, reject) => {
      const tls = connect({ socket, servername: host, ca: h.emu.caPem }, () => {
        tls.write(`GET /secrets/sql-admin-password?api-version=7.6 HTTP/1.1\r\nHost: ${host}:${h.emu.port}\r\nAuthorization: Bearer ${bearer()}\r\nConnection: close\r\n\r\n`);
      });
      let out = '';
      tls.on('data', (d) => (out += d));
      tls.on('end', () => resolve(out));
      tls.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 200 /);
    assert.match(answer, /"value":/);
    assert.match(answer, /x-ms-keyvault-network-info: conn_type=Ipv4;addr=127\.0\.0\.1;/);
  });

  it('refuses any other target: it is never an open proxy', async () => {
    for (const target of ['example.com:443', `localhost:${h.emu.port + 1}`, '127.0.0.2:22']) {
      const { status, body } = await tunnel(target);
      assert.equal(status, 403, target);
      assert.match(body, /only reaches the emulator itself/);
    }
  });

  it('answers a plain-HTTP request with a 400 that names the https address', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.emu.port, path: '/subscriptions' }, (r) => {
        let body = '';
        r.on('data', (d) => (body += d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(res.status, 400);
    assert.match(JSON.parse(res.body).error.message, new RegExp(`https://localhost:${h.emu.port}/subscriptions`));
  });
});
