/**
 * Key Vault's behaviour as the service shows it (issue 13): exact codes for operations outside key_ops,
 * what a key may do outside its validity window, P-256K, the 25 KB limit in UTF-8 bytes, the ARM 404
 * naming the resource group, and key rotation policies (defaults, rules, automatic rotation).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { errors } from '../../source/domain/errors.js';
import { DAY_MS } from '../../source/engine/clock.js';
import { makeEngine, OWNER, VAULT } from './fixtures/data-plane.js';
import { appKv, demoEngine, operator, throwsKv } from './helpers/engine.js';

const digest = createHash('sha256').update('m').digest();

describe('keys: what Key Vault allows', () => {
  it('an operation outside the key\'s key_ops is 403 Forbidden, inner KeyOperationForbidden, with the service\'s text', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'dek', { keyType: 'RSA', keyOps: ['encrypt', 'decrypt'] });
    throwsKv(() => keys.sign(OWNER, VAULT, 'dek', undefined, 'RS256', digest), {
      status: 403, code: 'Forbidden', innerCode: 'KeyOperationForbidden', message: 'Operation sign is not permitted on this key.',
    });
  });

  it('an expired key may still decrypt, unwrap and verify, but not sign, encrypt or wrap', () => {
    const { keys, clock } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'RSA', expiresOn: new Date(clock.now() + DAY_MS) });
    const sig = keys.sign(OWNER, VAULT, 'k', undefined, 'RS256', digest).result;
    const wrapped = keys.wrapKey(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', Buffer.alloc(32, 7)).result;
    clock.advanceDays(2);
    throwsKv(() => keys.sign(OWNER, VAULT, 'k', undefined, 'RS256', digest), { status: 403, code: 'Forbidden', innerCode: 'KeyExpired' });
    throwsKv(() => keys.encrypt(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', Buffer.from('x')), { status: 403, innerCode: 'KeyExpired', code: 'Forbidden' });
    throwsKv(() => keys.wrapKey(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', Buffer.alloc(32)), { status: 403, innerCode: 'KeyExpired', code: 'Forbidden' });
    assert.equal(keys.verify(OWNER, VAULT, 'k', undefined, 'RS256', digest, sig), true);
    assert.deepEqual(Buffer.from(keys.unwrapKey(OWNER, VAULT, 'k', undefined, 'RSA-OAEP', wrapped).result), Buffer.alloc(32, 7));
  });

  it('a key before its not-before date cannot sign yet (KeyNotYetValid)', () => {
    const { keys, clock } = makeEngine();
    keys.create(OWNER, VAULT, 'later', { keyType: 'EC', notBefore: new Date(clock.now() + DAY_MS) });
    throwsKv(() => keys.sign(OWNER, VAULT, 'later', undefined, 'ES256', digest), { status: 403, code: 'Forbidden', innerCode: 'KeyNotYetValid' });
    clock.advanceDays(2);
    assert.equal(keys.sign(OWNER, VAULT, 'later', undefined, 'ES256', digest).result.length, 64);
  });

  it('creates P-256K keys and signs with ES256K (raw r||s), as Key Vault names secp256k1', () => {
    const { keys } = makeEngine();
    const k = keys.create(OWNER, VAULT, 'k256', { keyType: 'EC', curve: 'P-256K' });
    assert.equal(k.key.crv, 'P-256K');
    assert.equal(k.properties.curve, 'P-256K');
    const sig = keys.sign(OWNER, VAULT, 'k256', undefined, 'ES256K', digest);
    assert.equal(sig.result.length, 64);
    assert.equal(keys.verify(OWNER, VAULT, 'k256', undefined, 'ES256K', digest, sig.result), true);
    throwsKv(() => keys.sign(OWNER, VAULT, 'k256', undefined, 'ES256', digest), { status: 400, code: 'BadParameter' });
  });
});

describe('secrets: the 25 KB limit counts UTF-8 bytes', () => {
  it('25,600 ASCII characters fit; 12,801 two-byte characters (25,602 bytes) do not, and the refusal never quotes the value', () => {
    const { secrets } = makeEngine();
    assert.doesNotThrow(() => secrets.set(OWNER, VAULT, 'ascii', { value: 'a'.repeat(25_600) }));
    const e = throwsKv(() => secrets.set(OWNER, VAULT, 'wide', { value: 'é'.repeat(12_801) }), { status: 400, code: 'BadParameter' });
    assert.match(e.message, /25602 bytes/);
    assert.ok(!e.message.includes('éé'));
  });
});

describe('management: the 404 of a missing vault names its resource group', () => {
  it('ResourceNotFound says which resource group was searched', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.get(operator, { ...appKv, name: 'nope-kv' }), {
      status: 404, code: 'ResourceNotFound',
      message: "The Resource 'Microsoft.KeyVault/vaults/nope-kv' under resource group 'rg-apps' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
    });
    assert.equal(errors.vaultNotFound('x', 'rg').code, 'ResourceNotFound');
  });
});

describe('key rotation policies', () => {
  it('a key without a policy answers the default: notify 30 days before expiry', () => {
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'RSA' });
    const p = keys.getRotationPolicy(OWNER, VAULT, 'k');
    assert.equal(p.id, `https://${VAULT}.vault.azure.net/keys/k/rotationpolicy`);
    assert.deepEqual(p.lifetimeActions, [{ action: 'Notify', timeBeforeExpiry: 'P30D' }]);
    assert.equal(p.expiresIn, undefined);
  });

  it('a policy is kept and its expiry applies to rotated versions', () => {
    const { keys, clock } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'EC' });
    const set = keys.setRotationPolicy(OWNER, VAULT, 'k', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }, { action: 'Notify', timeBeforeExpiry: 'P30D' }], expiresIn: 'P1Y' });
    assert.deepEqual(set.lifetimeActions, [{ action: 'Rotate', timeAfterCreate: 'P90D' }, { action: 'Notify', timeBeforeExpiry: 'P30D' }]);
    assert.equal(keys.getRotationPolicy(OWNER, VAULT, 'k').expiresIn, 'P1Y');
    const rotated = keys.rotate(OWNER, VAULT, 'k');
    const expected = new Date(Math.floor(clock.now() / 1000) * 1000);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    assert.equal(rotated.properties.expiresOn?.getTime(), expected.getTime());
  });

  for (const [why, policy, pattern] of [
    ['an expiry under 28 days', { lifetimeActions: [], expiresIn: 'P27D' }, /at least 28 days/],
    ['a rotation sooner than 7 days', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P6D' }] }, /at least 7 days/],
    ['a notification after creation', { lifetimeActions: [{ action: 'Notify', timeAfterCreate: 'P30D' }] }, /Notify action can only/],
    ['two triggers on one action', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P30D', timeBeforeExpiry: 'P30D' }] }, /exactly one trigger/],
    ['a duration that is not ISO 8601', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: '90 days' }] }, /ISO 8601/],
  ] as const) {
    it(`a policy with ${why} is refused with BadParameter`, () => {
      const { keys } = makeEngine();
      keys.create(OWNER, VAULT, 'k', { keyType: 'RSA' });
      const e = throwsKv(() => keys.setRotationPolicy(OWNER, VAULT, 'k', policy as never), { status: 400, code: 'BadParameter' });
      assert.match(e.message, pattern);
    });
  }

  it('Key Vault rotates a key by itself when the clock passes the Rotate trigger, and audits it as the service', () => {
    const { engine, clock } = demoEngine();
    const { keys } = engine;
    const kv = appKv.name;
    const first = keys.create(operator, kv, 'auto', { keyType: 'EC' });
    keys.setRotationPolicy(operator, kv, 'auto', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P30D' }] });
    clock.advanceDays(29);
    keys.get(operator, kv, 'auto');
    assert.equal(keys.listVersions(operator, kv, 'auto').length, 1, 'not due yet');
    clock.advanceDays(2);
    const now = keys.get(operator, kv, 'auto'); // any operation runs the sweep
    assert.notEqual(now.properties.version, first.properties.version);
    assert.equal(keys.listVersions(operator, kv, 'auto').length, 2);
    const rotation = engine.core.state.audit.all().find((e) => e.operation === 'KeyRotate');
    assert.equal(rotation?.caller.objectId, 'Azure Key Vault');
  });

  it('reading a policy needs getrotationpolicy, setting one needs setrotationpolicy', async () => {
    const { READER } = await import('./fixtures/data-plane.js');
    const { keys } = makeEngine();
    keys.create(OWNER, VAULT, 'k', { keyType: 'RSA' });
    throwsKv(() => keys.getRotationPolicy(READER, VAULT, 'k'), { status: 403, code: 'Forbidden', message: /keys getrotationpolicy permission/ });
    throwsKv(() => keys.setRotationPolicy(READER, VAULT, 'k', { lifetimeActions: [] }), { status: 403, code: 'Forbidden', message: /keys setrotationpolicy permission/ });
  });
});
