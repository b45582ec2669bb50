import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEMO } from '../../source/engine/index.js';
import { raw, startHarness, type Harness } from './helpers.js';

const harnesses: Harness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));
const start = async (o: Parameters<typeof startHarness>[0]) => {
  const h = await startHarness(o);
  harnesses.push(h);
  return h;
};
const host = `${DEMO.vaults.app}.vault.localhost`;

describe('emulator fault injection', () => {
  it('--throttle answers 429 with Retry-After above N requests per 10 s per vault', async () => {
    const h = await start({ throttle: 5 });
    const statuses = [];
    let retryAfter: unknown;
    for (let i = 0; i < 8; i++) {
      const res = await raw(h, { method: 'GET', host, path: '/secrets?api-version=7.6' });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers['retry-after'];
        assert.equal(res.json.error.code, 'Throttled');
      }
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 10);
    const other = await raw(h, { method: 'GET', host: `${DEMO.vaults.shared}.vault.localhost`, path: '/secrets?api-version=7.6' });
    assert.notEqual(other.status, 429, 'the limit is per vault');
  });

  it('--fault-rate answers a stable share of requests with 500/503 for a given seed', async () => {
    const run = async () => {
      const h = await start({ faultRate: 0.5, faultSeed: 42 });
      const out = [];
      for (let i = 0; i < 20; i++) out.push((await raw(h, { method: 'GET', host, path: '/secrets?api-version=7.6' })).status);
      return out;
    };
    const a = await run();
    const b = await run();
    assert.deepEqual(a, b, 'same seed, same sequence');
    assert.ok(a.some((s) => s === 500 || s === 503));
    assert.ok(a.some((s) => s === 200));
  });

  it('--latency delays every answer', async () => {
    const h = await start({ latencyMs: 60 });
    const t0 = performance.now();
    await raw(h, { method: 'GET', host, path: '/secrets?api-version=7.6' });
    assert.ok(performance.now() - t0 >= 55);
  });
});
