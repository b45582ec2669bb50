/**
 * A large estate for benchmarks (`kvdeck serve --perf-estate`): many small vaults of generated secrets,
 * spread over the subscriptions the engine has, as an operator's estate is. Vaults are named
 * estate-000-kv, estate-001-kv, …; the secrets of estate-NNN-kv are estate-NNN-secret-0000, … — names
 * held by that one vault only, so a benchmark can look one up and know where it must be found.
 * The secrets are generated in the background (perf-secrets.ts), as perf-kv's are.
 */
import type { EngineCore } from '../core.js';
import { DEMO } from './demo-ids.js';
import { seedPerf } from './perf.js';

export interface EstateSize {
  vaults: number;
  secrets: number;
}

/** What `--perf-estate` seeds: 200 vaults of 250 secrets (ten pages each at Key Vault's 25). */
export const DEFAULT_ESTATE: EstateSize = { vaults: 200, secrets: 250 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const estateVaultName = (v: number) => `estate-${pad(v, 3)}-kv`;
export const estateSecretName = (v: number, i: number) => `estate-${pad(v, 3)}-secret-${pad(i, 4)}`;

export function seedEstate(core: EngineCore, size: EstateSize = DEFAULT_ESTATE): void {
  const st = core.state;
  // Each enabled subscription with a resource group takes vaults in turn (perf-kv's subscription at least).
  const placeIn = () => st.subscriptions
    .filter((s) => s.state !== 'Disabled')
    .map((s) => ({ subscriptionId: s.id, resourceGroup: st.resourceGroups.find((g) => g.subscriptionId === s.id)?.name }))
    .filter((p): p is { subscriptionId: string; resourceGroup: string } => !!p.resourceGroup);
  let places = placeIn();
  for (let v = 0; v < size.vaults; v++) {
    const at = places[v % Math.max(1, places.length)] ?? { subscriptionId: DEMO.subscriptions.production, resourceGroup: DEMO.resourceGroups.apps };
    seedPerf(core, size.secrets, estateVaultName(v), { ...at, secretName: (i) => estateSecretName(v, i) });
    // The first seedPerf makes the directory of an empty engine: place the rest with it.
    if (places.length === 0) places = placeIn();
  }
}
