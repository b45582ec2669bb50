import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessPolicy } from '../../source/domain/access-policy.js';
import { DEMO } from '../../source/engine/index.js';
import { appKv, demoEngine, operator, securityAdmin, throwsKv, webApp } from './helpers/engine.js';

const pol = (objectId: string, secrets: string[], keys: string[] = []): AccessPolicy => ({
  tenantId: DEMO.tenantId, objectId, permissions: { secrets, keys, certificates: [], storage: [] },
});
const find = (list: AccessPolicy[], oid: string) => list.find((p) => p.objectId === oid);

describe('access policies', () => {
  it('add merges permissions into the existing entry', () => {
    const { engine } = demoEngine();
    const after = engine.policies.update(operator, appKv, 'add', [pol(DEMO.principals.webApp, ['set'], ['get'])]);
    assert.deepEqual(find(after, DEMO.principals.webApp)!.permissions.secrets, ['get', 'list', 'set']);
    assert.deepEqual(find(after, DEMO.principals.webApp)!.permissions.keys, ['get']);
  });

  it('add creates an entry for a new objectId', () => {
    const { engine } = demoEngine();
    const after = engine.policies.update(operator, appKv, 'add', [pol(DEMO.principals.edgeIdentity, ['get'])]);
    assert.equal(after.length, 4);
  });

  it('replace overwrites the entry', () => {
    const { engine } = demoEngine();
    const after = engine.policies.update(operator, appKv, 'replace', [pol(DEMO.principals.webApp, ['list'])]);
    assert.deepEqual(find(after, DEMO.principals.webApp)!.permissions.secrets, ['list']);
  });

  it('remove subtracts permissions and drops an entry left empty', () => {
    const { engine } = demoEngine();
    let after = engine.policies.update(operator, appKv, 'remove', [pol(DEMO.principals.webApp, ['get'])]);
    assert.deepEqual(find(after, DEMO.principals.webApp)!.permissions.secrets, ['list']);
    after = engine.policies.update(operator, appKv, 'remove', [pol(DEMO.principals.webApp, ['list'])]);
    assert.equal(find(after, DEMO.principals.webApp), undefined);
  });

  it('permission names are validated (case-insensitively) and stored in Azure\'s spelling', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.policies.update(operator, appKv, 'add', [pol(DEMO.principals.webApp, ['steal'])]), { status: 400, code: 'BadRequest', message: /Invalid permission 'steal'/ });
    const after = engine.policies.update(operator, appKv, 'add', [pol(DEMO.principals.webApp, [], ['WRAPKEY'])]);
    assert.deepEqual(find(after, DEMO.principals.webApp)!.permissions.keys, ['wrapKey']);
  });

  it("an entry's tenantId must equal the vault's", () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.policies.update(operator, appKv, 'add', [{ ...pol('x', ['get']), tenantId: '99999999-9999-4999-8999-999999999999' }]), { status: 400, code: 'BadRequest', message: /does not match the vault's tenant/ });
  });

  it('at most 1024 entries per vault', () => {
    const { engine } = demoEngine();
    const many = Array.from({ length: 1021 }, (_, i) => pol(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, ['get']));
    assert.equal(engine.policies.update(operator, appKv, 'add', many).length, 1024);
    throwsKv(() => engine.policies.update(operator, appKv, 'add', [pol('one-too-many', ['get'])]), { status: 400, code: 'BadRequest', message: /cannot exceed 1024/ });
  });

  it('a data-plane call without the permission is refused with 403 ForbiddenByPolicy and Azure\'s exact message', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.secrets.set(webApp, DEMO.vaults.app, 'x', { value: 'v' }), {
      status: 403,
      code: 'Forbidden',
      innerCode: 'ForbiddenByPolicy',
      message: `The user, group or application 'appid=${DEMO.appIds.webApp};oid=${DEMO.principals.webApp};iss=https://sts.windows.net/${DEMO.tenantId}/' does not have secrets set permission on key vault 'contoso-app-kv;location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    });
    throwsKv(() => engine.secrets.get(securityAdmin, DEMO.vaults.app, 'sql-admin-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have secrets get permission/ });
  });

  it('granting the permission lets the same call through', () => {
    const { engine } = demoEngine();
    engine.policies.update(operator, appKv, 'add', [pol(DEMO.principals.webApp, ['set'])]);
    assert.equal(engine.secrets.set(webApp, DEMO.vaults.app, 'granted', { value: 'v' }).name, 'granted');
  });

  it('a principal with no policy at all is refused', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.secrets.listPage({ objectId: 'nobody' }, DEMO.vaults.app), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy' });
  });
});
