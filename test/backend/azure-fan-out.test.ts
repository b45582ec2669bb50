/**
 * Start-up against an estate of 200 vaults, counted at the emulator: the console's vault list asks
 * ARM for locks once per subscription (not once per vault), quick lookup's data-plane fan-out and
 * every other one keep at most the configured number of requests in flight, and a host that answered
 * 429 with Retry-After gets nothing more until that time has passed.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { AzureActivity } from '../../source/backend/azure/index.js';
import { DEFAULT_CONCURRENCY } from '../../source/backend/azure/request-gate.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { DEMO } from '../../source/engine/index.js';
import { startEmulator } from '../../source/emulator/index.js';
import { loadLookupIndex } from '../../source/ui/quick-lookup.js';
import { loadVaultRows } from '../../source/ui/panes/vaults/index.js';
import { emulatorSession, tempDir } from './emulator-session.js';

/** What the emulator saw: each request's plane and path, and how many were in flight at most. */
class Counter {
  inFlight = 0;
  peak = 0;
  requests: { plane: string; method: string; path: string; vaultName?: string; at: number }[] = [];
  answers: { status: number; vaultName?: string; at: number }[] = [];
  reset() {
    this.peak = this.inFlight;
    this.requests = [];
    this.answers = [];
  }
  readonly observe = (r: { plane: 'arm' | 'data'; method: string; path: string; vaultName?: string }) => {
    this.requests.push({ ...r, at: performance.now() });
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    return (status: number) => {
      this.inFlight--;
      this.answers.push({ status, vaultName: r.vaultName, at: performance.now() });
    };
  };
  lockListings() {
    return this.requests.filter((r) => r.plane === 'arm' && r.method === 'GET' && /\/providers\/microsoft\.authorization\/locks$/i.test(r.path));
  }
}

const VAULTS = 200;
const counter = new Counter();
// Latency keeps requests in flight long enough for an unbounded fan-out to show.
const session = emulatorSession({ latencyMs: 15, onRequest: counter.observe }, async (emu) => {
  const operator = createMemoryBackend(emu.engine, { objectId: DEMO.principals.operator, tenantId: DEMO.tenantId });
  for (let i = 0; i < VAULTS; i++) {
    const edge = i % 2 === 1;
    await operator.vaults.create({
      subscriptionId: edge ? DEMO.subscriptions.edge : DEMO.subscriptions.production,
      resourceGroup: edge ? DEMO.resourceGroups.edge : DEMO.resourceGroups.apps,
      name: `fan-${String(i).padStart(3, '0')}-kv`,
      location: 'westeurope',
      // Access-policy vaults, said explicitly (a vault is RBAC-mode by default since management API 2026-02-01).
      enableRbacAuthorization: false,
      accessPolicies: [{ tenantId: DEMO.tenantId, objectId: DEMO.principals.operator, permissions: { keys: [], secrets: ['get', 'list'], certificates: [], storage: [] } }],
    });
  }
});
const open = session.open.bind(session);

beforeEach(() => counter.reset());

describe(`start-up against ${VAULTS} vaults`, () => {
  it('the vault list asks for locks once per subscription, with at most the default bound in flight', async () => {
    const b = await open();
    const rows = await loadVaultRows(b, undefined, new AbortController().signal);
    assert.equal(rows.filter((r) => r.vault.name.startsWith('fan-')).length, VAULTS);
    const subscriptions = (await b.directory.listSubscriptions()).length;
    assert.ok(counter.lockListings().length <= subscriptions, `${counter.lockListings().length} lock listings for ${subscriptions} subscriptions`);
    // Inherited locks still reach the vault they cover.
    const edge = rows.find((r) => r.vault.name === DEMO.vaults.edge)!;
    assert.deepEqual(edge.locks.map((l) => l.name), [DEMO.locks.edge]);
    const armRequests = counter.requests.filter((r) => r.plane === 'arm').length;
    assert.ok(armRequests <= 10, `${armRequests} ARM requests`);
    assert.ok(counter.peak <= DEFAULT_CONCURRENCY, `peak ${counter.peak} in flight`);
    const audited = (await b.audit.query({ operation: 'LockList' })).length;
    assert.ok(audited <= subscriptions, `${audited} LockList rows in the session audit`);
  });

  it('quick lookup over every vault keeps the configured bound (--concurrency 6)', async () => {
    const b = await open(['--concurrency', '6']);
    const index = await loadLookupIndex(b);
    // The fan-* vaults let the operator list secrets only: their certificates are not searched.
    assert.ok(index.entries.length > 0 && index.unreadable.filter((u) => u.kind === 'secret').length < VAULTS);
    const dataRequests = counter.requests.filter((r) => r.plane === 'data').length;
    assert.ok(dataRequests >= VAULTS, `${dataRequests} data-plane requests`);
    assert.ok(counter.peak <= 6, `peak ${counter.peak} in flight`);
    assert.ok(counter.peak >= 2, `the bound is used (peak ${counter.peak})`);
  });
});

describe('Retry-After', () => {
  it('after a 429, nothing more goes to that vault until Retry-After has passed, and the calls then succeed', async () => {
    const throttled = await startEmulator({ port: 0, seed: 'demo', certDir: tempDir('kvdeck-cert-'), throttle: 2, throttleWindowMs: 1000, onRequest: counter.observe });
    try {
      const seen: AzureActivity[] = [];
      const b = await open(['--emulator', throttled.arm, '--ca', throttled.caCertPath], { onActivity: (a) => seen.push(a), eagerIdentity: false });
      const app = b.vaultRefFor(DEMO.vaults.app);
      await b.secrets.get(app, 'sql-admin-password'); // the challenge and the call: the window's 2 requests
      let later: Promise<unknown> | undefined;
      const first = b.secrets.get(app, 'sql-admin-password');
      // The moment the 429 is reported, another caller asks the same vault.
      while (!seen.some((a) => a.kind === 'throttled')) await new Promise((r) => setTimeout(r, 1));
      later = b.secrets.get(app, 'sql-admin-password');
      await Promise.all([first, later]);
      const refusedAt = counter.answers.find((a) => a.status === 429)!.at;
      const during = counter.requests.filter((r) => r.vaultName === DEMO.vaults.app && r.at > refusedAt && r.at < refusedAt + 800);
      assert.deepEqual(during, [], 'no request reached the vault while it asked to wait');
    } finally {
      await throttled.close();
    }
  });
});
