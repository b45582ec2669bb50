import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from '../../source/domain/errors.js';
import { DEMO } from '../../source/engine/index.js';
import { CURRENT_DEFAULTS, appKv, demoEngine, newVaultInput, operator, throwsKv } from './helpers/engine.js';

describe('vault names', () => {
  const invalid = ['ab', 'a'.repeat(25), '1abc', 'abc-', 'ab--cd', 'ab_cd', 'ab.cd', '-abc'];
  for (const name of invalid) {
    it(`refuses the invalid vault name '${name}' with VaultNameNotValid`, () => {
      const { engine } = demoEngine();
      throwsKv(() => engine.vaults.create(operator, newVaultInput(name), CURRENT_DEFAULTS), { status: 400, code: 'VaultNameNotValid', message: errors.vaultNameNotValid(name).message });
    });
  }
  for (const name of ['abc', 'a'.repeat(24), 'my-vault-1', 'A1b2C3']) {
    it(`accepts the valid vault name '${name}'`, () => {
      const { engine } = demoEngine();
      assert.equal(engine.vaults.create(operator, newVaultInput(name), CURRENT_DEFAULTS).name, name);
    });
  }

  it('refuses a name used by an active vault, whatever its case or subscription', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.create(operator, newVaultInput('Contoso-App-KV'), CURRENT_DEFAULTS), { status: 409, code: 'VaultAlreadyExists', message: errors.vaultAlreadyExists('Contoso-App-KV').message });
  });

  it('refuses the name of a soft-deleted vault until it is purged: ConflictError in its own subscription, VaultAlreadyExists elsewhere', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.create(operator, newVaultInput(DEMO.deletedVaults.billing), CURRENT_DEFAULTS), {
      status: 409, code: 'ConflictError',
      message: 'A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.',
    });
    const elsewhere = newVaultInput(DEMO.deletedVaults.billing, { subscriptionId: DEMO.subscriptions.edge, resourceGroup: DEMO.resourceGroups.edge });
    const e = throwsKv(() => engine.vaults.create(operator, elsewhere, CURRENT_DEFAULTS), { status: 409, code: 'VaultAlreadyExists' });
    assert.match(e.message, /If you recently deleted a key vault with this name, it may still be in the soft deleted state/);
    engine.deletedVaults.purge(operator, DEMO.subscriptions.production, 'westeurope', DEMO.deletedVaults.billing);
    assert.equal(engine.vaults.create(operator, newVaultInput(DEMO.deletedVaults.billing), CURRENT_DEFAULTS).name, DEMO.deletedVaults.billing);
  });

  it('checkNameAvailability answers AccountNameInvalid, AlreadyExists (also for soft-deleted names) or available', () => {
    const { engine } = demoEngine();
    const sub = DEMO.subscriptions.production;
    assert.deepEqual(engine.vaults.checkNameAvailability(operator, sub, 'x').reason, 'AccountNameInvalid');
    assert.equal(engine.vaults.checkNameAvailability(operator, sub, DEMO.vaults.app).reason, 'AlreadyExists');
    assert.equal(engine.vaults.checkNameAvailability(operator, sub, DEMO.deletedVaults.edgeOld).reason, 'AlreadyExists');
    assert.deepEqual(engine.vaults.checkNameAvailability(operator, sub, 'brand-new-kv'), { nameAvailable: true });
  });
});

describe('vault properties', () => {
  it('defaults: standard sku, retention 90, no purge protection, Azure RBAC (management API 2026-02-01), location and tags kept', () => {
    const { engine } = demoEngine();
    const v = engine.vaults.create(operator, newVaultInput('defaults-kv', { tags: { team: 'a' }, location: 'NorthEurope', enableRbacAuthorization: undefined }), CURRENT_DEFAULTS);
    assert.equal(v.sku, 'standard');
    assert.equal(v.softDeleteRetentionDays, 90);
    assert.equal(v.enablePurgeProtection, false);
    assert.equal(v.enableRbacAuthorization, true);
    assert.equal(v.location, 'northeurope');
    assert.deepEqual(v.tags, { team: 'a' });
    assert.equal(v.tenantId, DEMO.tenantId);
    assert.equal(v.id, `/subscriptions/${DEMO.subscriptions.production}/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/defaults-kv`);
  });

  for (const days of [6, 91, 0, 7.5]) {
    it(`refuses retention of ${days} days (7–90)`, () => {
      const { engine } = demoEngine();
      throwsKv(() => engine.vaults.create(operator, newVaultInput('ret-kv', { softDeleteRetentionDays: days }), CURRENT_DEFAULTS), { status: 400, code: 'BadRequest', message: /softDeleteRetentionInDays/ });
    });
  }

  it('accepts retention at both bounds, premium sku and RBAC mode', () => {
    const { engine } = demoEngine();
    assert.equal(engine.vaults.create(operator, newVaultInput('ret7-kv', { softDeleteRetentionDays: 7 }), CURRENT_DEFAULTS).softDeleteRetentionDays, 7);
    const v = engine.vaults.create(operator, newVaultInput('ret90-kv', { softDeleteRetentionDays: 90, sku: 'premium', enableRbacAuthorization: true }), CURRENT_DEFAULTS);
    assert.equal(v.sku, 'premium');
    assert.equal(v.enableRbacAuthorization, true);
  });

  it('retention is fixed after creation', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.update(operator, appKv, { softDeleteRetentionDays: 30 }), { status: 400, code: 'BadRequest', message: /cannot be changed/ });
    assert.equal(engine.vaults.update(operator, appKv, { softDeleteRetentionDays: 90, tags: { a: 'b' } }).tags.a, 'b');
  });

  it('purge protection can be turned on but never off, with Azure\'s exact message', () => {
    const { engine } = demoEngine();
    const v = engine.vaults.update(operator, appKv, { enablePurgeProtection: true });
    assert.equal(v.enablePurgeProtection, true);
    throwsKv(() => engine.vaults.update(operator, appKv, { enablePurgeProtection: false }), {
      status: 400,
      code: 'BadRequest',
      message: 'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
    });
    assert.equal(engine.vaults.get(operator, appKv).enablePurgeProtection, true);
  });

  it('update changes sku, tags and RBAC mode', () => {
    const { engine } = demoEngine();
    const v = engine.vaults.update(operator, appKv, { sku: 'premium', tags: { x: '1' }, enableRbacAuthorization: true });
    assert.deepEqual([v.sku, v.tags, v.enableRbacAuthorization], ['premium', { x: '1' }, true]);
  });

  it('recoveryLevel follows purge protection and retention', () => {
    const { engine } = demoEngine();
    const level = (name: string) => engine.core.recoveryLevel(engine.core.state.vaults.get(name)!);
    engine.vaults.create(operator, newVaultInput('rl-a-kv'), CURRENT_DEFAULTS);
    engine.vaults.create(operator, newVaultInput('rl-b-kv', { enablePurgeProtection: true }), CURRENT_DEFAULTS);
    engine.vaults.create(operator, newVaultInput('rl-c-kv', { softDeleteRetentionDays: 30 }), CURRENT_DEFAULTS);
    engine.vaults.create(operator, newVaultInput('rl-d-kv', { softDeleteRetentionDays: 30, enablePurgeProtection: true }), CURRENT_DEFAULTS);
    assert.equal(level('rl-a-kv'), 'Recoverable+Purgeable');
    assert.equal(level('rl-b-kv'), 'Recoverable');
    assert.equal(level('rl-c-kv'), 'CustomizedRecoverable+Purgeable');
    assert.equal(level('rl-d-kv'), 'CustomizedRecoverable');
    engine.secrets.set(operator, 'rl-d-kv', 's1', { value: 'v' });
    assert.equal(engine.secrets.get(operator, 'rl-d-kv', 's1').properties.recoveryLevel, 'CustomizedRecoverable');
  });

  it('lists by subscription, by resource group and across subscriptions', () => {
    const { engine } = demoEngine();
    assert.deepEqual(engine.vaults.list(operator).map((v) => v.name), ['ase-edge01-kv', 'contoso-app-kv', 'contoso-shared-kv']);
    assert.deepEqual(engine.vaults.list(operator, DEMO.subscriptions.edge).map((v) => v.name), ['ase-edge01-kv']);
    assert.deepEqual(engine.vaults.list(operator, DEMO.subscriptions.production, 'rg-shared').map((v) => v.name), ['contoso-shared-kv']);
  });

  it('get of a missing vault or of a vault under another resource group is 404 ResourceNotFound', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.get(operator, { ...appKv, name: 'missing-kv' }), { status: 404, code: 'ResourceNotFound' });
    throwsKv(() => engine.vaults.get(operator, { ...appKv, resourceGroup: 'rg-shared' }), { status: 404, code: 'ResourceNotFound' });
  });

  it('a token from another tenant cannot manage the vault: 401 InvalidAuthenticationTokenTenant, whatever the object id', () => {
    const { engine } = demoEngine();
    const other = '99999999-9999-4999-8999-999999999999';
    throwsKv(() => engine.vaults.get({ objectId: operator.objectId, tenantId: other }, appKv), {
      status: 401,
      code: 'InvalidAuthenticationTokenTenant',
      message: `The access token is from the wrong issuer 'https://sts.windows.net/${other}/'. It must match the tenant 'https://sts.windows.net/${DEMO.tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${DEMO.tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
    });
  });
});
