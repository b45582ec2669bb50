/**
 * The perf-kv vault with N generated secrets (N up to 1,000,000), for benchmarks and the console's
 * large-data option. Bulk-inserted straight into the state (no set(): no audit, no per-call checks),
 * and in the background (perf-secrets.ts): the vault exists at once, its secrets are generated just
 * after start-up or at the first access to them, whichever comes first.
 */
import { objectKey } from '../../domain/names.js';
import { DAY_MS } from '../clock.js';
import type { EngineCore } from '../core.js';
import type { SecretRecord, VaultRecord } from '../state.js';
import { DEMO } from './demo-ids.js';
import { PerfSecrets } from './perf-secrets.js';

export { perfSecretName } from './perf-secrets.js';

export const MAX_PERF_SECRETS = 1_000_000;

export function seedPerf(core: EngineCore, count: number, name: string = DEMO.vaults.perf): VaultRecord {
  const n = Math.min(Math.max(0, Math.floor(count)), MAX_PERF_SECRETS);
  const now = Math.floor(core.now() / 1000) * 1000;
  const st = core.state;
  ensureDirectory(core);
  const vault: VaultRecord = {
    name,
    subscriptionId: DEMO.subscriptions.production,
    resourceGroup: DEMO.resourceGroups.apps,
    location: 'westeurope',
    tenantId: DEMO.tenantId,
    sku: 'standard',
    tags: { purpose: 'performance' },
    softDeleteRetentionDays: 90,
    enablePurgeProtection: false,
    enableRbacAuthorization: false,
    accessPolicies: [
      { tenantId: DEMO.tenantId, objectId: DEMO.principals.operator, permissions: { keys: ['all'], secrets: ['all'], certificates: ['all'], storage: [] } },
    ],
    created: now - DAY_MS,
    secrets: new PerfSecrets(n, (i) => now - (n - i) * 1000),
    deletedSecrets: new Map(),
    keys: new Map(),
    deletedKeys: new Map(),
  };
  st.vaults.set(objectKey(name), vault);
  core.changed();
  return vault;
}

/** perf-kv lives in the demo's Production subscription; an empty engine gets that much directory. */
function ensureDirectory(core: EngineCore): void {
  const st = core.state;
  if (!st.tenants.some((t) => t.id === DEMO.tenantId)) st.tenants.push({ id: DEMO.tenantId, displayName: DEMO.tenantName, defaultDomain: 'contoso.onmicrosoft.com' });
  if (!st.subscriptions.some((s) => s.id === DEMO.subscriptions.production)) {
    st.subscriptions.push({ id: DEMO.subscriptions.production, displayName: 'Contoso Production', tenantId: DEMO.tenantId, state: 'Enabled' });
  }
  if (!st.resourceGroups.some((g) => g.name === DEMO.resourceGroups.apps)) {
    st.resourceGroups.push({ subscriptionId: DEMO.subscriptions.production, name: DEMO.resourceGroups.apps, location: 'westeurope' });
  }
  if (!st.principals.some((p) => p.objectId === DEMO.principals.operator)) {
    st.principals.push({ objectId: DEMO.principals.operator, displayName: 'Operator', kind: 'user', upn: 'ops@contoso.com' });
  }
}
