/**
 * The secret listing is served from entries cached alongside the name index; every change must show up
 * in the next listing (no stale entry), whether the listing is one big page or pages of a few.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SecretProperties } from '../../source/domain/secret.js';
import { makeEngine, OWNER, VAULT } from './fixtures/data-plane.js';

type Engine = ReturnType<typeof makeEngine>;

/** The whole listing, in pages of `size`. */
function listAll(secrets: Engine['secrets'], size: number): SecretProperties[] {
  const out: SecretProperties[] = [];
  let token: string | undefined;
  do {
    const p = secrets.listPage(OWNER, VAULT, { maxPageSize: size, continuationToken: token });
    out.push(...p.items);
    token = p.continuationToken;
  } while (token);
  return out;
}

/** What a listing must show: the latest version of every active secret, read fresh. */
function expected(secrets: Engine['secrets']): unknown[] {
  return listAllNames(secrets).map((name) => {
    const [latest] = secrets.listVersions(OWNER, VAULT, name).slice(-1);
    return summary(latest);
  });
}

const listAllNames = (secrets: Engine['secrets']) => secrets.listNames(OWNER, VAULT);

const summary = (p: SecretProperties) => ({
  name: p.name, version: p.version, id: p.id, enabled: p.enabled, contentType: p.contentType, tags: { ...p.tags },
  expiresOn: p.expiresOn?.getTime(), updatedOn: p.updatedOn?.getTime(), recoveryLevel: p.recoveryLevel, recoverableDays: p.recoverableDays,
});

function assertFresh(e: Engine, note: string): void {
  const want = expected(e.secrets);
  for (const size of [100, 3, 1]) assert.deepEqual(listAll(e.secrets, size).map(summary), want, `${note} (pages of ${size})`);
}

describe('secrets: the listing never shows a stale entry', () => {
  it('a listing after set, update, delete, recover, restore and vault-level changes shows the current attributes', () => {
    const e = makeEngine();
    const { secrets, clock, vault } = e;
    for (const n of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) secrets.set(OWNER, VAULT, n, { value: `v-${n}` });
    assertFresh(e, 'after the first sets');

    // A new version of an existing name.
    clock.advance(1000);
    const v2 = secrets.set(OWNER, VAULT, 'charlie', { value: 'two', contentType: 'text/plain', tags: { env: 'prod' } });
    assertFresh(e, 'after a new version');
    assert.equal(listAll(secrets, 100).find((p) => p.name === 'charlie')!.version, v2.version);

    // Attributes of the latest version, and of an older one (the listing shows the latest only).
    clock.advance(1000);
    secrets.update(OWNER, VAULT, 'bravo', undefined, { enabled: false, tags: { owner: 'ops' }, expiresOn: new Date(clock.now() + 86_400_000) });
    assertFresh(e, 'after an update');
    const bravo = listAll(secrets, 2).find((p) => p.name === 'bravo')!;
    assert.equal(bravo.enabled, false);
    assert.deepEqual({ ...bravo.tags }, { owner: 'ops' });

    // Delete, then recover: the recovered secret comes back with its own latest attributes.
    secrets.delete(OWNER, VAULT, 'bravo');
    assertFresh(e, 'after a delete');
    assert.ok(!listAll(secrets, 100).some((p) => p.name === 'bravo'));
    secrets.recover(OWNER, VAULT, 'bravo');
    assertFresh(e, 'after a recover');
    assert.equal(listAll(secrets, 100).find((p) => p.name === 'bravo')!.enabled, false);

    // Backup, delete, purge, then restore with a newer version set in between on another name.
    const blob = secrets.backup(OWNER, VAULT, 'charlie');
    secrets.delete(OWNER, VAULT, 'charlie');
    secrets.purge(OWNER, VAULT, 'charlie');
    assertFresh(e, 'after a purge');
    secrets.restore(OWNER, VAULT, blob);
    assertFresh(e, 'after a restore');
    assert.equal(listAll(secrets, 100).find((p) => p.name === 'charlie')!.version, v2.version);

    // Delete, purge and set the same name again before any listing: a different secret under the same key.
    secrets.listPage(OWNER, VAULT, { maxPageSize: 100 });
    secrets.delete(OWNER, VAULT, 'delta');
    secrets.purge(OWNER, VAULT, 'delta');
    clock.advance(1000);
    const d2 = secrets.set(OWNER, VAULT, 'Delta', { value: 'new', contentType: 'x/new' });
    assertFresh(e, 'after delete, purge and set again');
    assert.equal(listAll(secrets, 100).find((p) => p.name === 'Delta')!.version, d2.version);

    // Vault-level parts: purge protection and retention change every entry's recovery level.
    e.updateVault({ enablePurgeProtection: true, softDeleteRetentionDays: 30 });
    assertFresh(e, 'after vault-level changes');
    assert.ok(listAll(secrets, 100).every((p) => p.recoveryLevel === 'CustomizedRecoverable' && p.recoverableDays === 30));
  });

  it('a secret added through the store (a seed, a loaded state) appears in the listing', () => {
    const e = makeEngine();
    e.secrets.set(OWNER, VAULT, 'a', { value: 'x' });
    e.secrets.listPage(OWNER, VAULT);
    e.vault.objects.secret.insert({ name: 'b', versions: [{ version: '0'.repeat(32), value: 'y', tags: {}, enabled: true, created: 0, updated: 0 }] });
    assertFresh(e, 'after an insert');
    assert.deepEqual(listAll(e.secrets, 100).map((p) => p.name), ['a', 'b']);
  });
});
