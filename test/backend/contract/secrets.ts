import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listAll } from '../../../source/backend/backend.js';
import type { SecretProperties } from '../../../source/domain/secret.js';
import type { VaultRef } from '../../../source/domain/vault.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

export function secretsContract(c: ContractContext): void {
  const listNames = async (v: VaultRef): Promise<string[]> =>
    (await listAll<SecretProperties>((p) => c.backend().secrets.listPage(v, p))).map((s) => s.name);

  describe('secrets', () => {
    it('lists the demo secrets of contoso-app-kv without values', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const page = await c.backend().secrets.listPage(v);
      for (const item of page.items) assert.equal((item as unknown as { value?: unknown }).value, undefined);
      const names = await listNames(v);
      for (const n of ['storage-account-key', 'sql-admin-password', 'api-signing-cert', 'legacy-token', 'partner-api-token']) {
        assert.ok(names.includes(n), n);
      }
      assert.ok(!names.includes('old-db-password'), 'a deleted secret is not listed');
      const cert = page.items.find((i) => i.name === 'api-signing-cert');
      if (cert) assert.equal(cert.contentType, 'application/x-pkcs12');
    });

    it('storage-account-key has three versions, and a version can be read by id', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const versions = await c.backend().secrets.listVersions(v, 'storage-account-key');
      assert.equal(versions.length, 3);
      for (const p of versions) assert.match(p.version, /^[0-9a-f]{32}$/);
      const one = await c.backend().secrets.get(v, 'storage-account-key', versions[0].version);
      assert.equal(one.properties.version, versions[0].version);
      assert.equal(typeof one.value, 'string');
    });

    it('getting the disabled demo secret is refused with SecretDisabled', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      await rejectsWith(c.backend().secrets.get(v, 'legacy-token'), {
        status: 403, code: 'Forbidden', innerCode: 'SecretDisabled', message: 'Operation get is not allowed on a disabled secret.',
      });
    });

    it('set creates versions; get returns the latest or a named one; names are case-insensitive', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('pwd');
      const p1 = await b.secrets.set(v, name, { value: 'first', contentType: 'text/plain', tags: { env: 'test' } });
      const p2 = await b.secrets.set(v, name, { value: 'second' });
      assert.notEqual(p1.version, p2.version);
      assert.equal((await b.secrets.get(v, name.toUpperCase())).value, 'second');
      const old = await b.secrets.get(v, name, p1.version);
      assert.equal(old.value, 'first');
      assert.equal(old.properties.contentType, 'text/plain');
      assert.deepEqual(old.properties.tags, { env: 'test' });
      assert.equal((await b.secrets.listVersions(v, name)).length, 2);
    });

    it('update changes attributes of one version; null clears a date; a disabled version is refused on get', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('upd');
      const exp = new Date(Math.floor(Date.now() / 1000) * 1000 + 86_400_000);
      const p1 = await b.secrets.set(v, name, { value: 'x', expiresOn: exp });
      assert.equal(p1.expiresOn?.getTime(), exp.getTime());
      const u = await b.secrets.update(v, name, undefined, { enabled: false, tags: { a: 'b' }, expiresOn: null });
      assert.equal(u.enabled, false);
      assert.deepEqual(u.tags, { a: 'b' });
      assert.equal(u.expiresOn, undefined);
      await rejectsWith(b.secrets.get(v, name), { status: 403, code: 'Forbidden', innerCode: 'SecretDisabled' });
      await b.secrets.update(v, name, p1.version, { enabled: true });
      assert.equal((await b.secrets.get(v, name)).value, 'x');
    });

    it('pages hold at most 25 secrets and the listing over several pages is complete and sorted', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const names = Array.from({ length: 31 }, (_, i) => `page-${String(i).padStart(2, '0')}`);
      for (const n of names) await b.secrets.set(v, n, { value: `value-${n}` });
      const first = await b.secrets.listPage(v);
      assert.ok(first.items.length <= 25 && first.items.length > 0);
      assert.ok(first.continuationToken, 'a first page of 31 has a continuation token');
      const all = await listNames(v);
      assert.deepEqual(all.slice().sort(), names);
    });

    it('invalid names, oversize values and too many tags are refused with BadParameter', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      await rejectsWith(b.secrets.set(v, 'bad_name', { value: 'x' }), { status: 400, code: 'BadParameter' });
      await rejectsWith(b.secrets.set(v, c.unique('big'), { value: 'x'.repeat(25_601) }), { status: 400, code: 'BadParameter' });
      const tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v']));
      await rejectsWith(b.secrets.set(v, c.unique('tags'), { value: 'x', tags }), { status: 400, code: 'BadParameter' });
    });

    it('a missing secret is 404 SecretNotFound', async () => {
      const v = refOf(await c.freshVault());
      await rejectsWith(c.backend().secrets.get(v, c.unique('missing')), { status: 404, code: 'SecretNotFound' });
    });

    it('a caller without secrets/set or secrets/get is refused with ForbiddenByPolicy', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const web = await c.asPrincipal(c.ids.principals.webApp); // secrets get, list
      await rejectsWith(web.secrets.set(v, c.unique('nope'), { value: 'x' }), {
        status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have secrets set permission on key vault 'contoso-app-kv/,
      });
      assert.equal(typeof (await web.secrets.get(v, 'sql-admin-password')).value, 'string');
      const admin = await c.asPrincipal(c.ids.principals.securityAdmin); // secrets list only
      await rejectsWith(admin.secrets.get(v, 'sql-admin-password'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /secrets get permission/ });
      assert.ok((await admin.secrets.listPage(v)).items.length > 0);
    });
  });
}
