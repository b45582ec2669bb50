/** Certificates in the state file: records, the linked key and secret, policies, pending operations and contacts come back. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../source/engine/clock.js';
import { DEMO, openEngine } from '../../source/engine/index.js';
import { operator } from './helpers/engine.js';

let dir = '';
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('certificates in the state file', () => {
  it('survive a restart with their key, secret, policy, pending operation, bin entry and the vault contacts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kvdeck-state-'));
    const path = join(dir, 'state.json');
    const clock = new ManualClock();
    const vault = DEMO.vaults.app;
    const a = await openEngine({ statePath: path, clock });
    a.certificates.create(operator, vault, 'kept', { policy: { issuerName: 'Self', subject: 'CN=kept', keyType: 'EC', lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 10 }] } });
    a.certificates.create(operator, vault, 'waiting', { policy: { issuerName: 'Unknown', subject: 'CN=waiting' } });
    a.certificates.delete(operator, vault, 'partner-mtls');
    a.certificateSettings.setContacts(operator, vault, [{ email: 'kept@example.com' }]);
    const before = a.certificates.get(operator, vault, 'kept');
    await a.close();

    const b = await openEngine({ statePath: path, clock });
    const after = b.certificates.get(operator, vault, 'kept');
    assert.equal(after.properties.thumbprint, before.properties.thumbprint);
    assert.deepEqual(after.policy?.lifetimeActions, [{ action: 'EmailContacts', daysBeforeExpiry: 10 }]);
    assert.equal(b.secrets.get(operator, vault, 'kept').properties.managed, true);
    assert.equal(b.keys.get(operator, vault, 'kept').properties.managed, true);
    assert.equal(b.certificates.getOperation(operator, vault, 'waiting').status, 'inProgress');
    assert.equal(b.certificates.getDeleted(operator, vault, 'partner-mtls').properties.name, 'partner-mtls');
    assert.deepEqual(b.certificateSettings.getContacts(operator, vault), [{ email: 'kept@example.com' }]);
    await b.close();
  });

  it('a state file from before certificates loads, with none', async () => {
    dir ||= await mkdtemp(join(tmpdir(), 'kvdeck-state-'));
    const path = join(dir, 'old.json');
    const a = await openEngine({ statePath: path, clock: new ManualClock() });
    await a.close();
    const raw = JSON.parse(await readFile(path, 'utf8'));
    for (const v of raw.vaults) {
      delete v.certificates;
      delete v.deletedCertificates;
    }
    await writeFile(path, JSON.stringify(raw));
    const b = await openEngine({ statePath: path, clock: new ManualClock() });
    assert.deepEqual(b.certificates.listNames(operator, DEMO.vaults.app), []);
    await b.close();
  });
});
