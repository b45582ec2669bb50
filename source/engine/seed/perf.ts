/**
 * The perf-kv vault with N generated secrets (N up to 1,000,000), for benchmarks and the console's
 * large-data option. Bulk-inserted straight into the state (no set(): no audit, no per-call checks),
 * and in the background (perf-secrets.ts): the vault exists at once, its secrets are generated just
 * after start-up or at the first access to them, whichever comes first.
 */
import { DAY_MS } from '../clock.js';
import type { EngineCore } from '../core.js';
import type { VaultRecord } from '../state.js';
import { DEMO } from './demo-ids.js';
import { ensureOwner } from './demo-roles.js';
import { PerfSecrets } from './perf-secrets.js';

export { perfSecretName } from './perf-secrets.js';

export const MAX_PERF_SECRETS = 1_000_000;

const generated = new WeakMap<VaultRecord, PerfSecrets>();
/** The generated map behind a perf vault, so tests and benchmarks can watch it fill. */
export const perfSecretsOf = (vault: VaultRecord): PerfSecrets | undefined => generated.get(vault);

/** Where a generated vault goes and what its secrets are called (the estate of seed/estate.ts). */
export interface PerfVaultPlace {
  subscriptionId: string;
  resourceGroup: string;
  /** The i-th secret's name; default perf-secret-NNNNNNN. */
  secretName?: (i: number) => string;
}

export function seedPerf(core: EngineCore, count: number, name: string = DEMO.vaults.perf, place?: PerfVaultPlace): VaultRecord {
  const n = Math.min(Math.max(0, Math.floor(count)), MAX_PERF_SECRETS);
  const now = Math.floor(core.now() / 1000) * 1000;
  const st = core.state;
  ensureDirectory(core);
  const vault = st.vaults.create({
    name,
    subscriptionId: place?.subscriptionId ?? DEMO.subscriptions.production,
    resourceGroup: place?.resourceGroup ?? DEMO.resourceGroups.apps,
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
  });
  const secrets = new PerfSecrets(n, (i) => now - (n - i) * 1000, place?.secretName);
  vault.objects.secret.adopt(secrets);
  generated.set(vault, secrets);
  return vault;
}

/** perf-kv lives in the demo's Production subscription; an empty engine gets that much directory. */
function ensureDirectory(core: EngineCore): void {
  const st = core.state;
  if (!st.tenants.some((t) => t.id === DEMO.tenantId)) st.addTenant({ id: DEMO.tenantId, displayName: DEMO.tenantName, defaultDomain: 'contoso.onmicrosoft.com' });
  if (!st.subscriptions.some((s) => s.id === DEMO.subscriptions.production)) {
    st.addSubscription({ id: DEMO.subscriptions.production, displayName: 'Contoso Production', tenantId: DEMO.tenantId, state: 'Enabled' });
  }
  if (!st.resourceGroups.some((g) => g.name === DEMO.resourceGroups.apps)) {
    st.addResourceGroup({ subscriptionId: DEMO.subscriptions.production, name: DEMO.resourceGroups.apps, location: 'westeurope' });
  }
  ensureOwner(core, DEMO.subscriptions.production);
}
