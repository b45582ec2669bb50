/**
 * What every area suite of the backend contract receives. The suites must work against ANY backend
 * over the demo seed (the memory backend, and the Azure backend pointed at the emulator): they create
 * fresh, uniquely named vaults and objects for anything they change, and never depend on test order.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Backend } from '../../../source/backend/backend.js';
import { PERMISSION_TEMPLATES, type AccessPolicy } from '../../../source/domain/access-policy.js';
import { KeyVaultError } from '../../../source/domain/errors.js';
import type { Vault, VaultCreateInput, VaultRef } from '../../../source/domain/vault.js';
import { DEMO } from '../../../source/engine/seed/demo-ids.js';

export interface ContractContext {
  /** The backend acting as the demo Operator (created in a `before` hook, so call it inside tests). */
  backend(): Backend;
  /** The same backend acting as another principal (e.g. DEMO.principals.webApp). */
  asPrincipal(objectId: string): Promise<Backend>;
  /** Whether the backend's directory names principals (the demo engine, Graph); not on ADFS stamps. */
  namesPrincipals(): boolean;
  ids: typeof DEMO;
  /** A name nobody used before, valid for vaults (≤ 24 chars) and objects: `${prefix}-xxxxxxxx`. */
  unique(prefix: string): string;
  /** A demo vault's ref, read through the backend (vaultUri differs per backend). */
  demoVault(name: string): Promise<Vault>;
  /**
   * A fresh vault in the Production subscription (rg-apps, westeurope) in access-policy mode (said
   * explicitly: since management API 2026-02-01 a vault is RBAC-mode by default), with an access policy
   * giving the Operator every secret/key/certificate permission including purge. Not purge-protected by default.
   */
  freshVault(overrides?: Partial<VaultCreateInput>): Promise<Vault>;
}

/** Every permission (incl. purge) for the Operator, so data-plane suites can do anything in a fresh vault. */
export function operatorFullPolicy(objectId: string = DEMO.principals.operator): AccessPolicy {
  return {
    tenantId: DEMO.tenantId,
    objectId,
    permissions: { keys: ['all'], secrets: ['all'], certificates: ['all'], storage: [] },
  };
}

export function makeContext(
  getBackend: () => Backend,
  asPrincipal: (oid: string) => Promise<Backend>,
  namesPrincipals: () => boolean = () => true,
): ContractContext {
  const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
  const ctx: ContractContext = {
    backend: getBackend,
    asPrincipal,
    namesPrincipals,
    ids: DEMO,
    unique,
    async demoVault(name) {
      const vaults = await getBackend().vaults.list();
      const v = vaults.find((x) => x.name.toLowerCase() === name.toLowerCase());
      assert.ok(v, `demo vault ${name} is listed`);
      return v;
    },
    async freshVault(overrides = {}) {
      return getBackend().vaults.create({
        subscriptionId: DEMO.subscriptions.production,
        resourceGroup: DEMO.resourceGroups.apps,
        name: unique('ct'),
        location: DEMO.locations.westeurope,
        enableRbacAuthorization: false,
        accessPolicies: [operatorFullPolicy()],
        ...overrides,
      });
    },
  };
  return ctx;
}

export const refOf = (v: VaultRef): VaultRef => ({
  subscriptionId: v.subscriptionId,
  resourceGroup: v.resourceGroup,
  name: v.name,
  vaultUri: v.vaultUri,
});

/** Domain errors compare by status + code + innerCode (messages may be reworded by a wire layer). */
export async function rejectsWith(
  p: Promise<unknown>,
  expected: { status: number; code: string; innerCode?: string; message?: string | RegExp },
): Promise<KeyVaultError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof KeyVaultError, `expected a KeyVaultError, got ${String(e)}`);
    assert.equal(e.status, expected.status, `status of: ${e.message}`);
    assert.equal(e.code, expected.code, `code of: ${e.message}`);
    if (expected.innerCode !== undefined) assert.equal(e.innerCode, expected.innerCode, `innerCode of: ${e.message}`);
    if (typeof expected.message === 'string') assert.equal(e.message, expected.message);
    else if (expected.message) assert.match(e.message, expected.message);
    return e;
  }
  assert.fail(`expected a ${expected.status} ${expected.code} error, but the call succeeded`);
}

export { PERMISSION_TEMPLATES };
