/**
 * The least directory a vault can be created in: a tenant, a subscription and a resource group (ARM
 * refuses vaults in resource groups that do not exist), and an Owner of that subscription (the demo
 * Operator) when nobody has any role. The emulator adds it to an empty seed; a seeded
 * or loaded state that has them already is left alone. Like every seed, not a user operation: no audit.
 */
import type { EngineCore } from '../core.js';
import { DEMO } from './demo-ids.js';
import { ensureOwner } from './demo-roles.js';

export const MINIMAL_RESOURCE_GROUP = 'rg-emulator';

export function ensureMinimalDirectory(core: EngineCore): void {
  const st = core.state;
  if (st.tenants.length === 0) st.addTenant({ id: DEMO.tenantId, displayName: DEMO.tenantName, defaultDomain: 'contoso.onmicrosoft.com' });
  if (st.subscriptions.length === 0) {
    st.addSubscription({ id: DEMO.subscriptions.production, displayName: 'Emulator subscription', tenantId: st.tenants[0].id, state: 'Enabled' });
  }
  if (st.resourceGroups.length === 0) {
    st.addResourceGroup({ subscriptionId: st.subscriptions[0].id, name: MINIMAL_RESOURCE_GROUP, location: 'westeurope' });
  }
  // Somebody must be able to manage it: the demo Operator, as Owner of the subscription.
  ensureOwner(core, st.subscriptions[0].id);
}
