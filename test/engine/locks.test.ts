import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceGroupScope, subscriptionScope, vaultResourceId } from '../../source/domain/ids.js';
import { DEMO } from '../../source/engine/index.js';
import { appKv, demoEngine, edgeKv, operator, sharedKv, throwsKv } from './helpers/engine.js';

const edgeId = vaultResourceId(DEMO.subscriptions.edge, 'rg-edge', DEMO.vaults.edge);
const appId = vaultResourceId(DEMO.subscriptions.production, 'rg-apps', DEMO.vaults.app);

describe('management locks', () => {
  it('CanNotDelete blocks deleting the vault with Azure\'s ScopeLocked message', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.delete(operator, edgeKv), {
      status: 409,
      code: 'ScopeLocked',
      message: `The scope '${edgeId}' cannot perform delete operation because following scope(s) are locked: '${edgeId}'. Please remove the lock and try again.`,
    });
    assert.equal(engine.vaults.get(operator, edgeKv).name, DEMO.vaults.edge);
  });

  it('CanNotDelete does not block updates or access policy changes', () => {
    const { engine } = demoEngine();
    assert.deepEqual(engine.vaults.update(operator, edgeKv, { tags: { a: '1' } }).tags, { a: '1' });
    engine.policies.update(operator, edgeKv, 'add', [{ tenantId: DEMO.tenantId, objectId: DEMO.principals.securityAdmin, permissions: { secrets: ['list'], keys: [], certificates: [], storage: [] } }]);
  });

  it('ReadOnly blocks vault updates, tags and access policy changes, and deletion', () => {
    const { engine } = demoEngine();
    const sharedId = vaultResourceId(DEMO.subscriptions.production, 'rg-shared', DEMO.vaults.shared);
    throwsKv(() => engine.vaults.update(operator, sharedKv, { tags: { a: '1' } }), {
      status: 409, code: 'ScopeLocked',
      message: `The scope '${sharedId}' cannot perform write operation because following scope(s) are locked: '${sharedId}'. Please remove the lock and try again.`,
    });
    throwsKv(() => engine.vaults.update(operator, sharedKv, { enablePurgeProtection: true }), { status: 409, code: 'ScopeLocked' });
    throwsKv(() => engine.policies.update(operator, sharedKv, 'add', [{ tenantId: DEMO.tenantId, objectId: 'x', permissions: { secrets: ['get'], keys: [], certificates: [], storage: [] } }]), { status: 409, code: 'ScopeLocked' });
    throwsKv(() => engine.vaults.delete(operator, sharedKv), { status: 409, code: 'ScopeLocked' });
  });

  it('locks are inherited from the resource group and from the subscription', () => {
    const { engine } = demoEngine();
    const rg = resourceGroupScope(DEMO.subscriptions.production, 'rg-apps');
    engine.locks.create(operator, { scope: rg, name: 'rg-lock', level: 'CanNotDelete', notes: 'keep' });
    throwsKv(() => engine.vaults.delete(operator, appKv), { status: 409, code: 'ScopeLocked', message: new RegExp(`following scope\\(s\\) are locked: '${rg}'`) });
    engine.locks.delete(operator, rg, 'rg-lock');
    const sub = subscriptionScope(DEMO.subscriptions.production);
    engine.locks.create(operator, { scope: sub, name: 'sub-ro', level: 'ReadOnly' });
    throwsKv(() => engine.vaults.update(operator, appKv, { tags: {} }), { status: 409, code: 'ScopeLocked' });
    const inherited = engine.locks.listForVault(operator, appKv);
    assert.deepEqual(inherited.map((l) => l.name), ['sub-ro']);
    engine.locks.delete(operator, sub, 'sub-ro');
    engine.vaults.delete(operator, appKv);
  });

  it('locks never affect data-plane operations', () => {
    const { engine } = demoEngine();
    engine.locks.create(operator, { scope: appId, name: 'ro', level: 'ReadOnly' });
    engine.locks.create(operator, { scope: subscriptionScope(DEMO.subscriptions.production), name: 'nodel', level: 'CanNotDelete' });
    engine.secrets.set(operator, DEMO.vaults.app, 'under-lock', { value: 'v' });
    engine.secrets.delete(operator, DEMO.vaults.app, 'under-lock');
    engine.secrets.purge(operator, DEMO.vaults.app, 'under-lock');
    engine.keys.delete(operator, DEMO.vaults.app, 'app-signing-key');
  });

  it('creating and deleting a lock is not blocked by locks at that scope; names, notes and owners are kept', () => {
    const { engine } = demoEngine();
    const l = engine.locks.create(operator, { scope: edgeId, name: 'second', level: 'ReadOnly', notes: 'n', owners: [{ applicationId: 'app-1' }] });
    assert.equal(l.id, `${edgeId}/providers/Microsoft.Authorization/locks/second`);
    assert.deepEqual(l.owners, [{ applicationId: 'app-1' }]);
    assert.equal(engine.locks.listForVault(operator, edgeKv).length, 2);
    engine.locks.delete(operator, edgeId, 'second');
    engine.locks.delete(operator, edgeId, DEMO.locks.edge);
    engine.vaults.delete(operator, edgeKv);
  });

  it('scopes are matched whatever their spelling (lowercase resourcegroups, doubled slashes)', () => {
    const { engine } = demoEngine();
    const messy = `/subscriptions/${DEMO.subscriptions.production}//resourcegroups/RG-APPS`;
    const l = engine.locks.create(operator, { scope: messy, name: 'messy', level: 'CanNotDelete' });
    assert.equal(l.scope, resourceGroupScope(DEMO.subscriptions.production, 'rg-apps'));
    assert.deepEqual(engine.locks.listAtScope(operator, subscriptionScope(DEMO.subscriptions.production)).map((x) => x.name).sort(), ['messy', 'shared-readonly']);
  });

  it('deleting a missing lock is 404; a bad level is refused', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.locks.delete(operator, appId, 'nope'), { status: 404, code: 'LockNotFound' });
    throwsKv(() => engine.locks.create(operator, { scope: appId, name: 'x', level: 'Sometimes' as never }), { status: 400, code: 'InvalidLockLevel' });
  });
});
