import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errors } from '../../source/domain/errors.js';
import { DAY_MS } from '../../source/engine/clock.js';
import { makeEngine, OWNER, VAULT } from './fixtures/data-plane.js';

const err = (e: { status: number; code: string; message: string; innerCode?: string }) => ({
  status: e.status, code: e.code, message: e.message, innerCode: e.innerCode,
});

describe('keys: soft delete, recover, purge, backup, restore', () => {
  it('delete moves the key with its versions to the deleted keys with a scheduled purge date', () => {
    const { keys, clock } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    keys.rotate(OWNER, VAULT, 'k');
    const d = keys.delete(OWNER, VAULT, 'k');
    assert.equal(d.recoveryId, `https://${VAULT}.vault.azure.net/deletedkeys/k`);
    assert.equal(d.scheduledPurgeDate.getTime(), clock.now() + 90 * DAY_MS);
    assert.throws(() => keys.get(OWNER, VAULT, 'k'), err(errors.keyNotFound('k')));
    assert.deepEqual(keys.listDeleted(OWNER, VAULT).map((x) => x.properties.name), ['k']);
    const r = keys.recover(OWNER, VAULT, 'k');
    assert.equal(r.properties.name, 'k');
    assert.equal(keys.listVersions(OWNER, VAULT, 'k').length, 2);
  });

  it('creating, importing or restoring a key whose name is soft-deleted is refused', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    const blob = keys.backup(OWNER, VAULT, 'k');
    keys.delete(OWNER, VAULT, 'k');
    const conflict = err(errors.objectDeletedButRecoverable('Key', 'k'));
    assert.throws(() => keys.create(OWNER, VAULT, 'k', { keyType: 'EC' }), conflict);
    assert.throws(() => keys.import(OWNER, VAULT, 'k', { key: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' } }), conflict);
    assert.throws(() => keys.restore(OWNER, VAULT, blob), conflict);
    assert.equal(conflict.message, 'Key k is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.');
  });

  it('getDeleted of an unknown key answers "Deleted Key not found: X"; purge under purge protection is refused', () => {
    const { keys } = makeEngine({ enablePurgeProtection: true });
    assert.throws(() => keys.getDeleted(OWNER, VAULT, 'ghost'), { status: 404, code: 'KeyNotFound', message: 'Deleted Key not found: ghost' });
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    keys.delete(OWNER, VAULT, 'k');
    assert.throws(() => keys.purge(OWNER, VAULT, 'k'), err(errors.objectPurgeProtected()));
  });

  it('backup → purge → restore brings the key back with all versions, and it still signs', () => {
    const { keys } = makeEngine();
    const k1 = keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    const k2 = keys.rotate(OWNER, VAULT, 'k');
    const blob = keys.backup(OWNER, VAULT, 'k');
    assert.ok(!Buffer.from(blob).toString().includes('"d"'), 'the blob is opaque, not a readable JWK');
    keys.delete(OWNER, VAULT, 'k');
    keys.purge(OWNER, VAULT, 'k');
    assert.throws(() => keys.getDeleted(OWNER, VAULT, 'k'), { status: 404 });
    const restored = keys.restore(OWNER, VAULT, blob);
    assert.equal(restored.properties.version, k2.properties.version);
    assert.equal(keys.get(OWNER, VAULT, 'k', k1.properties.version).key.x, k1.key.x);
    const sig = keys.sign(OWNER, VAULT, 'k', k1.properties.version, 'ES256', Buffer.alloc(32, 9));
    assert.ok(keys.verify(OWNER, VAULT, 'k', k1.properties.version, 'ES256', Buffer.alloc(32, 9), sig.result));
  });

  it('restore is refused while the name is taken; a secret backup cannot be restored as a key', () => {
    const { keys, secrets } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    assert.throws(() => keys.restore(OWNER, VAULT, keys.backup(OWNER, VAULT, 'k')), { status: 409, code: 'Conflict' });
    secrets.set(OWNER, VAULT, 's', { value: 'x' });
    assert.throws(() => keys.restore(OWNER, VAULT, secrets.backup(OWNER, VAULT, 's')), { status: 400, code: 'BadParameter' });
  });

  it('deleted keys past their purge date are purged by purgeExpired', () => {
    const { keys, clock } = makeEngine({ softDeleteRetentionDays: 7 });
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    keys.delete(OWNER, VAULT, 'k');
    clock.advanceDays(7);
    keys.purgeExpired(clock.now());
    assert.throws(() => keys.getDeleted(OWNER, VAULT, 'k'), { status: 404 });
  });
});
