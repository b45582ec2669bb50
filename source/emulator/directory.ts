/**
 * The directory the emulator needs even from an empty seed: a tenant, a subscription and a resource
 * group to create vaults in (ARM refuses vaults in resource groups that do not exist).
 */
import { DEMO } from '../engine/index.js';
import type { Engine } from '../engine/index.js';

export const EMULATOR_RESOURCE_GROUP = 'rg-emulator';

export function ensureDirectory(engine: Engine): void {
  const st = engine.core.state;
  let changed = false;
  if (st.tenants.length === 0) {
    st.tenants.push({ id: DEMO.tenantId, displayName: DEMO.tenantName, defaultDomain: 'contoso.onmicrosoft.com' });
    changed = true;
  }
  if (st.subscriptions.length === 0) {
    st.subscriptions.push({ id: DEMO.subscriptions.production, displayName: 'Emulator subscription', tenantId: st.tenants[0].id, state: 'Enabled' });
    changed = true;
  }
  if (st.resourceGroups.length === 0) {
    st.resourceGroups.push({ subscriptionId: st.subscriptions[0].id, name: EMULATOR_RESOURCE_GROUP, location: 'westeurope' });
    changed = true;
  }
  if (changed) engine.core.changed();
}

/** PUT /subscriptions/{s}/resourcegroups/{rg}: ARM's create-or-update of a resource group. */
export function ensureResourceGroup(engine: Engine, subscriptionId: string, name: string, location: string): { created: boolean } {
  const st = engine.core.state;
  const found = st.resourceGroups.find((g) => g.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && g.name.toLowerCase() === name.toLowerCase());
  if (found) return { created: false };
  engine.directory.subscription(subscriptionId);
  st.resourceGroups.push({ subscriptionId: engine.directory.subscription(subscriptionId).id, name, location });
  engine.core.changed();
  return { created: true };
}
