import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../source/engine/clock.js';
import { DEMO, openEngine } from '../../source/engine/index.js';
import { appKv, operator } from './helpers/engine.js';

const dirs: string[] = [];
async function tempDir() {
  const d = await mkdtemp(join(tmpdir(), 'kvdeck-state-'));
  dirs.push(d);
  return d;
}
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('state file', () => {
  it('a missing file starts from the demo seed and is written at once with mode 0600', async () => {
    const path = join(await tempDir(), 'state.json');
    const engine = await openEngine({ statePath: path, clock: new ManualClock() });
    await engine.flush();
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.ok(JSON.parse(await readFile(path, 'utf8')).vaults.length >= 3);
    await engine.close();
  });

  it('round trip: every change is saved and a new engine loads it (maps, dates, deleted items, locks, audit)', async () => {
    const path = join(await tempDir(), 'state.json');
    const clock = new ManualClock();
    const a = await openEngine({ statePath: path, clock });
    a.secrets.set(operator, DEMO.vaults.app, 'persisted', { value: 'round-trip', expiresOn: new Date(clock.now() + 1000) });
    a.vaults.update(operator, appKv, { tags: { saved: 'yes' } });
    a.locks.create(operator, { scope: `/subscriptions/${DEMO.subscriptions.production}`, name: 'p-lock', level: 'CanNotDelete' });
    a.secrets.delete(operator, DEMO.vaults.app, 'sql-admin-password');
    await a.close();

    const b = await openEngine({ statePath: path, clock });
    assert.equal(b.secrets.get(operator, DEMO.vaults.app, 'persisted').value, 'round-trip');
    assert.equal(b.secrets.get(operator, DEMO.vaults.app, 'persisted').properties.expiresOn?.getTime(), clock.now() + 1000);
    assert.deepEqual(b.vaults.get(operator, appKv).tags, { saved: 'yes' });
    assert.ok(b.locks.listForVault(operator, appKv).some((l) => l.name === 'p-lock'));
    assert.equal(b.secrets.getDeleted(operator, DEMO.vaults.app, 'sql-admin-password').properties.name, 'sql-admin-password');
    assert.ok(b.deletedVaults.list(operator).some((d) => d.name === DEMO.deletedVaults.billing));
    assert.ok(b.keys.sign(operator, DEMO.vaults.app, 'app-signing-key', undefined, 'ES256', new Uint8Array(32)).result.length > 0);
    const audit = b.audit.query(operator, { operation: 'VaultPatch' });
    assert.equal(audit.length, 1);
    assert.ok(audit[0].time instanceof Date);
    await b.close();
  });

  it('a corrupt file is reported clearly, naming the file, and is never overwritten', async () => {
    const path = join(await tempDir(), 'state.json');
    const garbage = '{"format":"kvdeck-state","version":1,"vaul';
    await writeFile(path, garbage);
    await assert.rejects(openEngine({ statePath: path }), (e: Error) => {
      assert.equal(e.name, 'Error');
      assert.ok(e.message.includes(path));
      assert.match(e.message, /corrupt/);
      assert.match(e.message, /left untouched/);
      return true;
    });
    // No wait needed: openEngine refuses before it attaches any writer, so nothing can write later.
    assert.equal(await readFile(path, 'utf8'), garbage);
  });

  it('a file of another format is refused and kept', async () => {
    const path = join(await tempDir(), 'state.json');
    await writeFile(path, '{"hello":1}');
    await assert.rejects(openEngine({ statePath: path }), /not a kvdeck state file/);
    assert.equal(await readFile(path, 'utf8'), '{"hello":1}');
  });

  it('an unreadable path is reported with the file name', async () => {
    const dir = await tempDir();
    await assert.rejects(openEngine({ statePath: dir }), (e: Error) => e.message.includes(dir) && /cannot read/.test(e.message));
  });

  it('many quick changes are coalesced into few saves and the file holds the last state', async () => {
    const path = join(await tempDir(), 'state.json');
    const engine = await openEngine({ statePath: path });
    for (let i = 0; i < 200; i++) engine.secrets.set(operator, DEMO.vaults.app, 'counter', { value: String(i) });
    await engine.flush();
    const b = await openEngine({ statePath: path });
    assert.equal(b.secrets.get(operator, DEMO.vaults.app, 'counter').value, '199');
    assert.equal(b.secrets.listVersions(operator, DEMO.vaults.app, 'counter').length, 200);
    await engine.close();
    await b.close();
  });
});
