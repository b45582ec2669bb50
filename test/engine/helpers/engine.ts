/** A demo engine on a manual clock, and the callers tests act as. */
import assert from 'node:assert/strict';
import { ManualClock } from '../../../source/engine/clock.js';
import { KeyVaultError } from '../../../source/domain/errors.js';
import { createEngine, DEMO } from '../../../source/engine/index.js';
import { CURRENT_MANAGEMENT_API_VERSION, vaultDefaultsFor, type VaultCreateInput } from '../../../source/domain/vault.js';

/** What a vault created without saying gets, under the management API the in-process engine behaves as (RBAC). */
export const CURRENT_DEFAULTS = vaultDefaultsFor(CURRENT_MANAGEMENT_API_VERSION);

export function demoEngine(seed: 'demo' | 'empty' = 'demo') {
  const clock = new ManualClock();
  const engine = createEngine({ clock, seed });
  return { engine, clock };
}

export const operator = { objectId: DEMO.principals.operator, tenantId: DEMO.tenantId };
export const webApp = { objectId: DEMO.principals.webApp, tenantId: DEMO.tenantId, appId: DEMO.appIds.webApp };
export const securityAdmin = { objectId: DEMO.principals.securityAdmin, tenantId: DEMO.tenantId };
export const edgeIdentity = { objectId: DEMO.principals.edgeIdentity, tenantId: DEMO.tenantId, appId: DEMO.appIds.edgeIdentity };

export const appKv = { subscriptionId: DEMO.subscriptions.production, resourceGroup: DEMO.resourceGroups.apps, name: DEMO.vaults.app };
export const edgeKv = { subscriptionId: DEMO.subscriptions.edge, resourceGroup: DEMO.resourceGroups.edge, name: DEMO.vaults.edge };
export const sharedKv = { subscriptionId: DEMO.subscriptions.production, resourceGroup: DEMO.resourceGroups.shared, name: DEMO.vaults.shared };

/** A new vault in access-policy mode (said explicitly), with a policy giving the operator secrets and keys. */
export function newVaultInput(name: string, extra: Partial<VaultCreateInput> = {}): VaultCreateInput {
  return {
    enableRbacAuthorization: false,
    subscriptionId: DEMO.subscriptions.production,
    resourceGroup: DEMO.resourceGroups.apps,
    name,
    location: 'westeurope',
    accessPolicies: [{ tenantId: DEMO.tenantId, objectId: DEMO.principals.operator, permissions: { keys: ['all'], secrets: ['all'], certificates: [], storage: [] } }],
    ...extra,
  };
}

export function throwsKv(fn: () => unknown, expected: { status: number; code: string; innerCode?: string; message?: string | RegExp }): KeyVaultError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof KeyVaultError, `expected KeyVaultError, got ${String(e)}`);
    assert.equal(e.status, expected.status, e.message);
    assert.equal(e.code, expected.code, e.message);
    if (expected.innerCode !== undefined) assert.equal(e.innerCode, expected.innerCode);
    if (typeof expected.message === 'string') assert.equal(e.message, expected.message);
    else if (expected.message) assert.match(e.message, expected.message);
    return e;
  }
  assert.fail('expected the call to be refused');
}
