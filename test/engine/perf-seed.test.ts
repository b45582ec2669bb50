import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { PerfSecrets } from '../../source/engine/seed/perf-secrets.js';
import { perfSecretName, perfSecretsOf } from '../../source/engine/seed/perf.js';

const ctx = { objectId: DEMO.principals.operator };
const perfVault = (engine: ReturnType<typeof createEngine>) => engine.core.state.vaults.get(DEMO.vaults.perf)!;

test('the perf vault exists at once and its secrets are all there at the first access', () => {
  const engine = createEngine({ perf: 20_000 });
  const secrets = perfSecretsOf(perfVault(engine)) as PerfSecrets;
  assert.ok(secrets.filling, 'not generated yet right after start');
  const names = engine.secrets.listNames(ctx, DEMO.vaults.perf);
  assert.equal(names.length, 20_000);
  assert.equal(names[0], perfSecretName(0));
  assert.equal(names[19_999], 'perf-secret-0019999');
  assert.equal(engine.secrets.get(ctx, DEMO.vaults.perf, 'perf-secret-0012345').value, 'perf-value-12345');
  assert.match(engine.secrets.get(ctx, DEMO.vaults.perf, 'perf-secret-0000007').properties.version, /^[0-9a-f]{32}$/);
});

test('a secret written while the perf vault is still being filled is kept with all the generated ones', () => {
  const engine = createEngine({ perf: 5_000 });
  engine.secrets.set(ctx, DEMO.vaults.perf, 'added-early', { value: 'v' });
  assert.equal(engine.secrets.listNames(ctx, DEMO.vaults.perf).length, 5_001);
  assert.equal(new Set(Array.from({ length: 5_000 }, (_, i) => perfSecretName(i))).size, 5_000, 'names are unique');
});

test('the perf vault fills itself in the background, without being read', async () => {
  const engine = createEngine({ perf: 30_000 });
  const secrets = perfSecretsOf(perfVault(engine)) as PerfSecrets;
  const until = Date.now() + 5_000;
  while (secrets.filling && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  assert.equal(secrets.filling, false);
  assert.equal(secrets.size, 30_000);
});
