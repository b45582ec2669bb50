import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errors } from '../../source/domain/errors.js';
import { DAY_MS } from '../../source/engine/clock.js';
import { makeEngine, OWNER, READER, STRANGER, VAULT } from './fixtures/data-plane.js';

const err = (e: { status: number; code: string; message: string; innerCode?: string }) => ({
  status: e.status, code: e.code, message: e.message, innerCode: e.innerCode,
});

describe('secrets: soft delete, recover, purge', () => {
  it('delete moves the secret with all versions to the deleted secrets, purge scheduled after the retention', () => {
    const { secrets, clock } = makeEngine({ softDeleteRetentionDays: 30 });
    secrets.set(OWNER, VAULT, 'db', { value: 'one' });
    secrets.set(OWNER, VAULT, 'db', { value: 'two' });
    const d = secrets.delete(OWNER, VAULT, 'db');
    assert.equal(d.recoveryId, `https://${VAULT}.vault.azure.net/deletedsecrets/db`);
    assert.equal(d.deletedOn.getTime(), clock.now());
    assert.equal(d.scheduledPurgeDate.getTime(), clock.now() + 30 * DAY_MS);
    assert.equal(d.properties.recoveryLevel, 'CustomizedRecoverable+Purgeable');
    assert.equal(d.properties.recoverableDays, 30);
    assert.equal((d as unknown as { value?: string }).value, undefined);
    assert.throws(() => secrets.get(OWNER, VAULT, 'db'), { status: 404, code: 'SecretNotFound' });
    assert.equal(secrets.listPage(OWNER, VAULT).items.length, 0);
    assert.deepEqual(secrets.listDeleted(OWNER, VAULT).map((x) => x.properties.name), ['db']);
    assert.equal(secrets.getDeleted(OWNER, VAULT, 'DB').properties.name, 'db');
  });

  it('reusing the name of a soft-deleted secret is refused with ObjectIsDeletedButRecoverable', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 'old-db-password', { value: 'x' });
    secrets.delete(OWNER, VAULT, 'old-db-password');
    assert.throws(() => secrets.set(OWNER, VAULT, 'Old-DB-Password', { value: 'y' }), err(errors.objectDeletedButRecoverable('Secret', 'Old-DB-Password')));
    assert.throws(() => secrets.set(OWNER, VAULT, 'old-db-password', { value: 'y' }), {
      status: 409, code: 'Conflict', innerCode: 'ObjectIsDeletedButRecoverable',
      message: 'Secret old-db-password is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.',
    });
  });

  it('recover restores every version with its attributes', () => {
    const { secrets } = makeEngine();
    const v1 = secrets.set(OWNER, VAULT, 's', { value: 'one', tags: { a: '1' } });
    secrets.set(OWNER, VAULT, 's', { value: 'two', contentType: 'text/plain' });
    secrets.update(OWNER, VAULT, 's', v1.version, { enabled: false });
    secrets.delete(OWNER, VAULT, 's');
    const p = secrets.recover(OWNER, VAULT, 's');
    assert.equal(p.contentType, 'text/plain');
    assert.equal(secrets.get(OWNER, VAULT, 's').value, 'two');
    const versions = secrets.listVersions(OWNER, VAULT, 's');
    assert.equal(versions.length, 2);
    assert.deepEqual(versions[0].tags, { a: '1' });
    assert.equal(versions[0].enabled, false);
    assert.equal(secrets.listDeleted(OWNER, VAULT).length, 0);
    assert.deepEqual(secrets.listPage(OWNER, VAULT).items.map((i) => i.name), ['s']);
  });

  it('purge removes the secret forever and frees its name', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    secrets.delete(OWNER, VAULT, 's');
    secrets.purge(OWNER, VAULT, 's');
    assert.throws(() => secrets.getDeleted(OWNER, VAULT, 's'), err(errors.deletedSecretNotFound('s')));
    assert.throws(() => secrets.recover(OWNER, VAULT, 's'), err(errors.deletedSecretNotFound('s')));
    assert.doesNotThrow(() => secrets.set(OWNER, VAULT, 's', { value: 'new' }));
    assert.equal(secrets.listVersions(OWNER, VAULT, 's').length, 1);
  });

  it('getDeleted of an unknown name answers "Deleted Secret not found: X"', () => {
    const { secrets } = makeEngine();
    assert.throws(() => secrets.getDeleted(OWNER, VAULT, 'ghost'), { status: 404, code: 'SecretNotFound', message: 'Deleted Secret not found: ghost' });
  });

  it('purging in a purge-protected vault is refused with 403, and the secret can still be recovered', () => {
    const { secrets } = makeEngine({ enablePurgeProtection: true });
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    const d = secrets.delete(OWNER, VAULT, 's');
    assert.equal(d.properties.recoveryLevel, 'Recoverable');
    assert.throws(() => secrets.purge(OWNER, VAULT, 's'), err(errors.objectPurgeProtected()));
    assert.equal(secrets.recover(OWNER, VAULT, 's').name, 's');
  });

  it('a deleted secret is purged automatically once its scheduled purge date passes', () => {
    const { secrets, clock } = makeEngine({ softDeleteRetentionDays: 7, enablePurgeProtection: true });
    secrets.set(OWNER, VAULT, 'a', { value: 'x' });
    secrets.set(OWNER, VAULT, 'b', { value: 'x' });
    secrets.delete(OWNER, VAULT, 'a');
    secrets.delete(OWNER, VAULT, 'b');
    clock.advanceDays(6);
    secrets.purgeExpired(clock.now());
    assert.equal(secrets.listDeleted(OWNER, VAULT).length, 2);
    clock.advanceDays(1);
    // Even without an explicit sweep, a name whose purge date passed is free again.
    assert.doesNotThrow(() => secrets.set(OWNER, VAULT, 'a', { value: 'y' }));
    secrets.purgeExpired(clock.now());
    assert.equal(secrets.listDeleted(OWNER, VAULT).length, 0);
  });
});

describe('secrets: backup and restore', () => {
  it('backup → purge → restore brings the secret back with all versions', () => {
    const { secrets } = makeEngine();
    const v1 = secrets.set(OWNER, VAULT, 'cik', { value: 'one', tags: { t: '1' } });
    const v2 = secrets.set(OWNER, VAULT, 'cik', { value: 'two' });
    const blob = secrets.backup(OWNER, VAULT, 'cik');
    assert.ok(blob instanceof Uint8Array);
    secrets.delete(OWNER, VAULT, 'cik');
    secrets.purge(OWNER, VAULT, 'cik');
    const p = secrets.restore(OWNER, VAULT, blob);
    assert.equal(p.version, v2.version);
    assert.equal(secrets.get(OWNER, VAULT, 'cik', v1.version).value, 'one');
    assert.equal(secrets.get(OWNER, VAULT, 'cik').value, 'two');
    assert.deepEqual(secrets.listPage(OWNER, VAULT).items.map((i) => i.name), ['cik']);
  });

  it('restore is refused while the name is taken, or soft-deleted', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    const blob = secrets.backup(OWNER, VAULT, 's');
    assert.throws(() => secrets.restore(OWNER, VAULT, blob), { status: 409, code: 'Conflict' });
    secrets.delete(OWNER, VAULT, 's');
    assert.throws(() => secrets.restore(OWNER, VAULT, blob), err(errors.objectDeletedButRecoverable('Secret', 's')));
  });

  it('a corrupted blob is refused with BadParameter', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    const blob = secrets.backup(OWNER, VAULT, 's');
    const broken = blob.slice(0, blob.length - 7);
    assert.throws(() => secrets.restore(OWNER, VAULT, broken), { status: 400, code: 'BadParameter' });
    assert.throws(() => secrets.restore(OWNER, VAULT, new TextEncoder().encode('hello')), { status: 400, code: 'BadParameter' });
  });

  it('a key backup cannot be restored as a secret', () => {
    const { secrets, keys } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    const blob = keys.backup(OWNER, VAULT, 'k');
    assert.throws(() => secrets.restore(OWNER, VAULT, blob), { status: 400, code: 'BadParameter' });
  });

  it('backup of a missing secret is not found', () => {
    const { secrets } = makeEngine();
    assert.throws(() => secrets.backup(OWNER, VAULT, 'nope'), err(errors.secretNotFound('nope')));
  });
});

describe('secrets: permissions and audit', () => {
  it('a caller without secrets/get is refused with Azure\'s ForbiddenByPolicy message', () => {
    const { secrets, vault } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    assert.throws(() => secrets.get(READER, VAULT, 's'), {
      status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy',
      message: `The user, group or application 'appid=${READER.appId};oid=${READER.objectId};iss=https://sts.windows.net/${vault.tenantId}/' does not have secrets get permission on key vault '${VAULT};location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    });
    assert.equal(secrets.listPage(READER, VAULT).items.length, 1);
  });

  it('the permission is checked before the rules: a stranger gets 403 even for a missing secret or a bad name', () => {
    const { secrets } = makeEngine();
    assert.throws(() => secrets.get(STRANGER, VAULT, 'missing'), { status: 403, innerCode: 'ForbiddenByPolicy' });
    assert.throws(() => secrets.set(STRANGER, VAULT, 'bad_name', { value: 'x' }), { status: 403, message: /secrets set permission/ });
  });

  it('each operation asks for its own permission', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    const blob = secrets.backup(OWNER, VAULT, 's');
    const cases: [string, () => unknown][] = [
      ['set', () => secrets.set(READER, VAULT, 's', { value: 'y' })],
      ['set', () => secrets.update(READER, VAULT, 's', undefined, { enabled: false })],
      ['delete', () => secrets.delete(READER, VAULT, 's')],
      ['backup', () => secrets.backup(READER, VAULT, 's')],
      ['restore', () => secrets.restore(READER, VAULT, blob)],
      ['recover', () => secrets.recover(READER, VAULT, 's')],
      ['purge', () => secrets.purge(READER, VAULT, 's')],
    ];
    for (const [perm, call] of cases) assert.throws(call, { status: 403, message: new RegExp(`does not have secrets ${perm} permission`) });
    assert.deepEqual(secrets.listDeleted(READER, VAULT), []);
  });

  it('every call is audited with its operation, target and result, and never the value', () => {
    const { secrets, core } = makeEngine();
    const p = secrets.set(OWNER, VAULT, 's', { value: 'TOP-SECRET-VALUE' });
    secrets.get(OWNER, VAULT, 's');
    assert.throws(() => secrets.get(READER, VAULT, 's'));
    secrets.delete(OWNER, VAULT, 's');
    secrets.purge(OWNER, VAULT, 's');
    const ops = core.state.audit.all().map((e) => [e.operation, e.resultCode, e.errorCode]);
    assert.deepEqual(ops, [
      ['SecretSet', 200, undefined], ['SecretGet', 200, undefined], ['SecretGet', 403, 'Forbidden'],
      ['SecretDelete', 200, undefined], ['SecretPurge', 204, undefined],
    ]);
    assert.equal(core.state.audit.all()[0].target, `https://${VAULT}.vault.azure.net/secrets/s`);
    assert.equal(core.state.audit.all()[0].vaultName, VAULT);
    assert.equal(core.state.audit.all()[4].target, `https://${VAULT}.vault.azure.net/deletedsecrets/s`);
    assert.ok(!JSON.stringify(core.state.audit.all()).includes('TOP-SECRET-VALUE'));
    assert.ok(p.version);
  });
});
