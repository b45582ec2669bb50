import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejection, startHarness, type Harness } from './helpers.js';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'empty' });
  await h.createVault('secrets-kv');
  await h.createVault('protected-kv', { enablePurgeProtection: true });
});
after(() => h.close());

describe('emulator secrets over SecretClient', () => {
  it('sets, gets (latest and by version), updates and lists versions of a secret', async () => {
    const c = h.secrets('secrets-kv');
    const first = await c.setSecret('db-password', 'one', { contentType: 'text/plain', tags: { env: 'dev' } });
    assert.equal(first.value, 'one');
    assert.match(first.properties.version!, /^[0-9a-f]{32}$/);
    assert.equal(first.properties.id, `${h.emu.vaultUrl('secrets-kv')}secrets/db-password/${first.properties.version}`);
    assert.equal(first.properties.recoveryLevel, 'Recoverable+Purgeable');
    assert.equal(first.properties.recoverableDays, 90);
    const second = await c.setSecret('db-password', 'two');
    assert.equal((await c.getSecret('db-password')).value, 'two');
    assert.equal((await c.getSecret('db-password', { version: first.properties.version })).value, 'one');
    assert.ok((await c.getSecret('DB-PASSWORD')).value === 'two', 'names compare case-insensitively');

    const expiresOn = new Date(Date.UTC(2030, 0, 1));
    const updated = await c.updateSecretProperties('db-password', second.properties.version!, { enabled: false, expiresOn, tags: { a: 'b' } });
    assert.equal(updated.enabled, false);
    assert.equal(updated.expiresOn?.getTime(), expiresOn.getTime());
    assert.deepEqual(updated.tags, { a: 'b' });
    const disabled = await rejection(c.getSecret('db-password'));
    assert.equal(disabled.statusCode, 403);
    assert.equal(disabled.code, 'Forbidden');
    assert.match(disabled.message, /Operation get is not allowed on a disabled secret/);

    const versions = [];
    for await (const v of c.listPropertiesOfSecretVersions('db-password')) versions.push(v.version);
    assert.deepEqual(new Set(versions), new Set([first.properties.version, second.properties.version]));
  });

  it('lists more than 25 secrets across pages with nextLink, never returning values', async () => {
    const c = h.secrets('secrets-kv');
    for (let i = 0; i < 60; i++) await c.setSecret(`paged-${String(i).padStart(2, '0')}`, `v${i}`);
    const names: string[] = [];
    let pages = 0;
    for await (const page of c.listPropertiesOfSecrets().byPage()) {
      pages++;
      assert.ok(page.length <= 25);
      for (const p of page) {
        names.push(p.name);
        assert.equal((p as { value?: string }).value, undefined);
      }
    }
    assert.ok(pages >= 3, `expected at least 3 pages, got ${pages}`);
    assert.equal(names.filter((n) => n.startsWith('paged-')).length, 60);
    assert.equal(new Set(names).size, names.length, 'no secret listed twice');
  });

  it('soft-deletes, refuses the name while deleted, lists and recovers, then deletes and purges', async () => {
    const c = h.secrets('secrets-kv');
    await c.setSecret('to-delete', 'x');
    const poller = await c.beginDeleteSecret('to-delete');
    const deleted = await poller.pollUntilDone();
    assert.equal(deleted.recoveryId, `${h.emu.vaultUrl('secrets-kv')}deletedsecrets/to-delete`);
    assert.ok(deleted.deletedOn instanceof Date);
    assert.equal(deleted.scheduledPurgeDate!.getTime() - deleted.deletedOn!.getTime(), 90 * 86_400_000);

    const reuse = await rejection(c.setSecret('to-delete', 'y'));
    assert.equal(reuse.statusCode, 409);
    assert.match(reuse.message, /deleted but recoverable state/);
    const missing = await rejection(c.getSecret('to-delete'));
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.code, 'SecretNotFound');

    const listed = [];
    for await (const d of c.listDeletedSecrets()) listed.push(d.name);
    assert.ok(listed.includes('to-delete'));
    assert.equal((await c.getDeletedSecret('to-delete')).name, 'to-delete');

    await (await c.beginRecoverDeletedSecret('to-delete')).pollUntilDone();
    assert.equal((await c.getSecret('to-delete')).value, 'x');

    await (await c.beginDeleteSecret('to-delete')).pollUntilDone();
    await c.purgeDeletedSecret('to-delete');
    const gone = await rejection(c.getDeletedSecret('to-delete'));
    assert.equal(gone.statusCode, 404);
    await c.setSecret('to-delete', 'reborn');
  });

  it('backs up, purges and restores a secret with all its versions', async () => {
    const c = h.secrets('secrets-kv');
    await c.setSecret('backed-up', 'v1');
    await c.setSecret('backed-up', 'v2');
    const blob = await c.backupSecret('backed-up');
    assert.ok(blob && blob.length > 0);
    assert.ok(!Buffer.from(blob).toString('utf8').includes('v2'), 'the backup blob does not show the value in clear text');
    await (await c.beginDeleteSecret('backed-up')).pollUntilDone();
    await c.purgeDeletedSecret('backed-up');
    const restored = await c.restoreSecretBackup(blob!);
    assert.equal(restored.name, 'backed-up');
    assert.equal((await c.getSecret('backed-up')).value, 'v2');
    let n = 0;
    for await (const _ of c.listPropertiesOfSecretVersions('backed-up')) n++;
    assert.equal(n, 2);
  });

  it('refuses to purge a secret in a purge-protected vault', async () => {
    const c = h.secrets('protected-kv');
    await c.setSecret('kept', 'x');
    await (await c.beginDeleteSecret('kept')).pollUntilDone();
    const refused = await rejection(c.purgeDeletedSecret('kept'));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.message, /purge protection is enabled for this vault/);
    assert.equal((await c.getDeletedSecret('kept')).name, 'kept');
  });

  it('parallel writers to the same secret never lose a version', async () => {
    const c = h.secrets('secrets-kv');
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.setSecret('contended', `w${i}`)));
    let n = 0;
    for await (const _ of c.listPropertiesOfSecretVersions('contended')) n++;
    assert.equal(n, 20);
  });
});
