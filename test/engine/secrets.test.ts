import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errors } from '../../source/domain/errors.js';
import { makeEngine, OWNER, VAULT } from './fixtures/data-plane.js';

const err = (e: { status: number; code: string; message: string; innerCode?: string }) => ({
  status: e.status, code: e.code, message: e.message, innerCode: e.innerCode,
});

describe('secrets: set and get', () => {
  it('set creates a new version each time and get returns the latest or a named version', () => {
    const { secrets, clock } = makeEngine();
    const v1 = secrets.set(OWNER, VAULT, 'db-password', { value: 'one' });
    clock.advance(1000);
    const v2 = secrets.set(OWNER, VAULT, 'db-password', { value: 'two', contentType: 'text/plain' });
    assert.match(v1.version, /^[0-9a-f]{32}$/);
    assert.notEqual(v1.version, v2.version);
    assert.equal(secrets.get(OWNER, VAULT, 'db-password').value, 'two');
    assert.equal(secrets.get(OWNER, VAULT, 'db-password', v1.version).value, 'one');
    assert.equal(v2.id, `https://${VAULT}.vault.azure.net/secrets/db-password/${v2.version}`);
    assert.equal(v2.recoveryLevel, 'Recoverable+Purgeable');
    assert.equal(v2.recoverableDays, 90);
    assert.deepEqual(secrets.listVersions(OWNER, VAULT, 'db-password').map((p) => p.version), [v1.version, v2.version]);
  });

  it('names compare case-insensitively and keep their first spelling', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 'Api-Key', { value: 'a' });
    secrets.set(OWNER, VAULT, 'API-KEY', { value: 'b' });
    const got = secrets.get(OWNER, VAULT, 'api-key');
    assert.equal(got.value, 'b');
    assert.equal(got.properties.name, 'Api-Key');
    assert.equal(secrets.listVersions(OWNER, VAULT, 'api-key').length, 2);
  });

  it('an invalid name is refused with BadParameter naming it', () => {
    const { secrets } = makeEngine();
    for (const bad of ['has_underscore', 'a'.repeat(128), '', 'dots.not.allowed']) {
      assert.throws(() => secrets.set(OWNER, VAULT, bad, { value: 'x' }), err(errors.badParameterName(bad)));
    }
    assert.doesNotThrow(() => secrets.set(OWNER, VAULT, 'a'.repeat(127), { value: 'x' }));
  });

  it('a missing secret or an unknown version is not found, with Azure\'s SecretNotFound text', () => {
    const { secrets } = makeEngine();
    assert.throws(() => secrets.get(OWNER, VAULT, 'nope'), err(errors.secretNotFound('nope')));
    secrets.set(OWNER, VAULT, 'there', { value: 'x' });
    const unknown = '0123456789abcdef0123456789abcdef';
    assert.throws(() => secrets.get(OWNER, VAULT, 'there', unknown), { status: 404, code: 'SecretNotFound' });
    assert.throws(() => secrets.get(OWNER, VAULT, 'there', 'not-a-version'), { status: 404, code: 'SecretNotFound' });
  });

  it('getting a disabled secret is refused with SecretDisabled', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 'legacy-token', { value: 'x', enabled: false });
    assert.throws(() => secrets.get(OWNER, VAULT, 'legacy-token'), {
      status: 403, code: 'Forbidden', innerCode: 'SecretDisabled', message: 'Operation get is not allowed on a disabled secret.',
    });
  });

  it('nbf and exp are informational: an expired or not-yet-valid secret is still returned', () => {
    const { secrets, clock } = makeEngine();
    const now = clock.now();
    secrets.set(OWNER, VAULT, 'expired', { value: 'x', expiresOn: new Date(now - 86_400_000) });
    secrets.set(OWNER, VAULT, 'future', { value: 'y', notBefore: new Date(now + 86_400_000) });
    assert.equal(secrets.get(OWNER, VAULT, 'expired').value, 'x');
    assert.equal(secrets.get(OWNER, VAULT, 'future').value, 'y');
    assert.equal(secrets.get(OWNER, VAULT, 'expired').properties.expiresOn?.getTime(), now - 86_400_000);
  });

  it('a value over 25,600 characters is refused with BadParameter that does not contain the value', () => {
    const { secrets } = makeEngine();
    const value = 'S'.repeat(25_601);
    assert.doesNotThrow(() => secrets.set(OWNER, VAULT, 'max', { value: 'S'.repeat(25_600) }));
    assert.throws(() => secrets.set(OWNER, VAULT, 'big', { value }), (e: Error & { status: number; code: string }) => {
      assert.equal(e.status, 400);
      assert.equal(e.code, 'BadParameter');
      assert.ok(!e.message.includes('SSSS'));
      assert.match(e.message, /25600/);
      return true;
    });
  });

  it('content type over 255 characters, more than 15 tags, tag names over 512 and tag values over 256 characters are refused', () => {
    const { secrets } = makeEngine();
    const bad = { status: 400, code: 'BadParameter' };
    assert.throws(() => secrets.set(OWNER, VAULT, 's', { value: 'x', contentType: 'c'.repeat(256) }), bad);
    const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v']));
    assert.throws(() => secrets.set(OWNER, VAULT, 's', { value: 'x', tags: sixteen }), bad);
    assert.throws(() => secrets.set(OWNER, VAULT, 's', { value: 'x', tags: { ['k'.repeat(513)]: 'v' } }), bad);
    assert.throws(() => secrets.set(OWNER, VAULT, 's', { value: 'x', tags: { k: 'v'.repeat(257) } }), (e: Error) => {
      assert.ok(!e.message.includes('vvvv'));
      return true;
    });
    const fifteen = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`${i}`.padEnd(512, 't'), 'v'.repeat(256)]));
    assert.doesNotThrow(() => secrets.set(OWNER, VAULT, 's', { value: 'x', contentType: 'c'.repeat(255), tags: fifteen }));
  });

  it('set signals a change; a refused set does not', () => {
    const { secrets, changes } = makeEngine();
    secrets.set(OWNER, VAULT, 'a', { value: 'x' });
    const after = changes();
    assert.ok(after > 0);
    assert.throws(() => secrets.set(OWNER, VAULT, 'a', { value: 'x'.repeat(30_000) }));
    assert.equal(changes(), after);
  });
});

describe('secrets: update', () => {
  it('update changes the latest version\'s attributes and null clears a date', () => {
    const { secrets, clock } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x', expiresOn: new Date(clock.now() + 1e7) });
    clock.advance(5000);
    const p = secrets.update(OWNER, VAULT, 's', undefined, { enabled: false, tags: { env: 'prod' }, contentType: 'text/plain', expiresOn: null });
    assert.equal(p.enabled, false);
    assert.deepEqual(p.tags, { env: 'prod' });
    assert.equal(p.contentType, 'text/plain');
    assert.equal(p.expiresOn, undefined);
    assert.equal(p.updatedOn.getTime(), clock.now());
    assert.ok(p.createdOn.getTime() < p.updatedOn.getTime());
  });

  it('update of a named version leaves the other versions alone', () => {
    const { secrets } = makeEngine();
    const v1 = secrets.set(OWNER, VAULT, 's', { value: 'one' });
    secrets.set(OWNER, VAULT, 's', { value: 'two' });
    secrets.update(OWNER, VAULT, 's', v1.version, { enabled: false });
    assert.throws(() => secrets.get(OWNER, VAULT, 's', v1.version), { innerCode: 'SecretDisabled' });
    assert.equal(secrets.get(OWNER, VAULT, 's').value, 'two');
  });

  it('an invalid update changes nothing', () => {
    const { secrets } = makeEngine();
    secrets.set(OWNER, VAULT, 's', { value: 'x', tags: { a: 'b' } });
    assert.throws(() => secrets.update(OWNER, VAULT, 's', undefined, { enabled: false, contentType: 'c'.repeat(300) }), { code: 'BadParameter' });
    const p = secrets.get(OWNER, VAULT, 's').properties;
    assert.equal(p.enabled, true);
    assert.deepEqual(p.tags, { a: 'b' });
  });
});

describe('secrets: listing', () => {
  it('lists never carry values, are sorted by name, and page by 25 by default with a continuation token', () => {
    const { secrets } = makeEngine();
    const names = Array.from({ length: 60 }, (_, i) => `secret-${String(59 - i).padStart(3, '0')}`);
    for (const n of names) secrets.set(OWNER, VAULT, n, { value: `value-of-${n}` });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = secrets.listPage(OWNER, VAULT, { continuationToken: token });
      assert.ok(page.items.length <= 25);
      for (const item of page.items) {
        assert.equal((item as unknown as { value?: string }).value, undefined);
        assert.ok(!JSON.stringify(item).includes('value-of-'));
        seen.push(item.name);
      }
      token = page.continuationToken;
      pages++;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...names].sort());
  });

  it('in process a larger maxPageSize is honoured, so the console loads a big vault in few calls', () => {
    const { secrets } = makeEngine();
    for (let i = 0; i < 60; i++) secrets.set(OWNER, VAULT, `big-${i}`, { value: 'x' });
    const page = secrets.listPage(OWNER, VAULT, { maxPageSize: 100 });
    assert.equal(page.items.length, 60);
    assert.equal(page.continuationToken, undefined);
  });

  it('a smaller maxPageSize gives smaller pages; the last page has no token', () => {
    const { secrets } = makeEngine();
    for (let i = 0; i < 7; i++) secrets.set(OWNER, VAULT, `s${i}`, { value: 'x' });
    const p1 = secrets.listPage(OWNER, VAULT, { maxPageSize: 5 });
    assert.equal(p1.items.length, 5);
    const p2 = secrets.listPage(OWNER, VAULT, { maxPageSize: 5, continuationToken: p1.continuationToken });
    assert.deepEqual(p2.items.map((i) => i.name), ['s5', 's6']);
    assert.equal(p2.continuationToken, undefined);
  });

  it('paging stays correct while names are added and deleted between pages', () => {
    const { secrets } = makeEngine();
    for (let i = 0; i < 30; i++) secrets.set(OWNER, VAULT, `n${String(i).padStart(2, '0')}`, { value: 'x' });
    const p1 = secrets.listPage(OWNER, VAULT);
    secrets.delete(OWNER, VAULT, 'n00');
    secrets.set(OWNER, VAULT, 'n99', { value: 'x' });
    secrets.set(OWNER, VAULT, 'a-first', { value: 'x' });
    const p2 = secrets.listPage(OWNER, VAULT, { continuationToken: p1.continuationToken });
    assert.deepEqual(p2.items.map((i) => i.name), ['n25', 'n26', 'n27', 'n28', 'n29', 'n99']);
    const all = secrets.listPage(OWNER, VAULT);
    assert.equal(all.items[0].name, 'a-first');
    assert.ok(!all.items.some((i) => i.name === 'n00'));
  });

  it('a secret added through the store (seed, loaded state) is listed too', () => {
    const { secrets, vault } = makeEngine();
    secrets.set(OWNER, VAULT, 'b', { value: 'x' });
    secrets.listPage(OWNER, VAULT);
    const v = { version: 'f'.repeat(32), value: 'x', tags: {}, enabled: true, created: 0, updated: 0 };
    vault.objects.secret.insert({ name: 'a', versions: [v] });
    assert.deepEqual(secrets.listPage(OWNER, VAULT).items.map((i) => i.name), ['a', 'b']);
  });

  it('a forged continuation token is refused with BadParameter', () => {
    const { secrets } = makeEngine();
    assert.throws(() => secrets.listPage(OWNER, VAULT, { continuationToken: 'garbage' }), { status: 400, code: 'BadParameter' });
  });

  it('a list in an unknown vault is refused with a 404', () => {
    const { secrets } = makeEngine();
    assert.throws(() => secrets.listPage(OWNER, 'no-such-kv'), { status: 404 });
  });
});

describe('secrets: names listing', () => {
  it('listNames returns every display name in order, follows adds and deletes, and needs list permission', async () => {
    const { secrets } = makeEngine();
    for (const n of ['Zeta', 'alpha', 'Mid']) secrets.set(OWNER, VAULT, n, { value: 'x' });
    assert.deepEqual(secrets.listNames(OWNER, VAULT), ['alpha', 'Mid', 'Zeta']);
    secrets.delete(OWNER, VAULT, 'mid');
    secrets.set(OWNER, VAULT, 'beta', { value: 'x' });
    const names = secrets.listNames(OWNER, VAULT);
    assert.deepEqual(names, ['alpha', 'beta', 'Zeta']);
    names.pop();
    assert.equal(secrets.listNames(OWNER, VAULT).length, 3, 'callers get a copy');
    const { STRANGER } = await import('./fixtures/data-plane.js');
    assert.throws(() => secrets.listNames(STRANGER, VAULT), { status: 403, message: /secrets list permission/ });
  });
});
