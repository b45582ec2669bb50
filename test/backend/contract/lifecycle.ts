/**
 * The lifecycle every object kind shares — soft delete, the bin, recover, purge, purge protection,
 * backup/restore, name reuse — as one suite run against each kind through one table (lifecycleOf), the
 * way the engine, the backends and the emulator write it once. A row says only how to make and read an
 * object of its kind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lifecycleOf, type Backend } from '../../../source/backend/backend.js';
import { OBJECT_KIND_LIST, OBJECT_KINDS, type ObjectKind } from '../../../source/domain/object-kind.js';
import type { VaultRef } from '../../../source/domain/vault.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

interface KindCase {
  /** Azure's not-found code for the kind (live and deleted). */
  notFound: string;
  /** Makes the object, or a new version of it; answers what tells that version's content apart. */
  write(b: Backend, v: VaultRef, name: string, n: number): Promise<string>;
  /** What tells the latest version's content apart (as `write` answered). */
  read(b: Backend, v: VaultRef, name: string): Promise<string>;
}

export const KIND_CASES: Record<ObjectKind, KindCase> = {
  secret: {
    notFound: 'SecretNotFound',
    write: async (b, v, name, n) => (await b.secrets.set(v, name, { value: `value-${n}` }), `value-${n}`),
    read: async (b, v, name) => (await b.secrets.get(v, name)).value,
  },
  key: {
    notFound: 'KeyNotFound',
    write: async (b, v, name) => {
      const k = await b.keys.get(v, name).catch(() => undefined);
      return (k ? await b.keys.rotate(v, name) : await b.keys.create(v, name, { keyType: 'EC', curve: 'P-256' })).key.x!;
    },
    read: async (b, v, name) => (await b.keys.get(v, name)).key.x!,
  },
  certificate: {
    notFound: 'CertificateNotFound',
    write: async (b, v, name) => {
      const op = await b.certificates.create(v, name, { policy: { issuerName: 'Self', subject: `CN=${name}`, keyType: 'EC', keyCurveName: 'P-256' } });
      assert.equal(op.status, 'completed');
      return (await b.certificates.get(v, name)).properties.thumbprint;
    },
    read: async (b, v, name) => (await b.certificates.get(v, name)).properties.thumbprint,
  },
};

const nameOf = (d: { properties: { name: string } }) => d.properties.name;
const days = (d: { deletedOn: Date; scheduledPurgeDate: Date }) => Math.round((d.scheduledPurgeDate.getTime() - d.deletedOn.getTime()) / 86_400_000);

export function lifecycleContract(c: ContractContext): void {
  for (const kind of OBJECT_KIND_LIST) {
    const k = KIND_CASES[kind];
    const label = OBJECT_KINDS[kind].label.toLowerCase();
    describe(`${label}s: the shared lifecycle`, () => {
      it(`soft delete → bin → recover with every version → delete → purge, the name refused while in the bin`, async () => {
        const b = c.backend();
        const api = lifecycleOf(b, kind);
        const v = refOf(await c.freshVault());
        const name = c.unique(kind.slice(0, 3));
        await k.write(b, v, name, 1);
        const latest = await k.write(b, v, name, 2);
        const d = await api.delete(v, name);
        assert.equal(nameOf(d), name);
        assert.equal(days(d), 90);
        assert.ok(d.recoveryId.endsWith(`/${OBJECT_KINDS[kind].deletedArea}/${name}`));
        assert.ok((await api.listDeleted(v)).some((x) => nameOf(x) === name));
        assert.equal(nameOf(await api.getDeleted(v, name)), name);
        await rejectsWith(k.read(b, v, name), { status: 404, code: k.notFound });
        await rejectsWith(k.write(b, v, name, 3), { status: 409, code: 'Conflict', innerCode: 'ObjectIsDeletedButRecoverable' });
        await api.recover(v, name);
        assert.equal(await k.read(b, v, name), latest);
        assert.equal((await api.listVersions(v, name)).length, 2);
        await api.delete(v, name);
        await api.purge(v, name);
        await rejectsWith(api.getDeleted(v, name), { status: 404, code: k.notFound });
        await k.write(b, v, name, 4);
      });

      it(`a deleted ${label} that does not exist is 404 ${k.notFound}`, async () => {
        const v = refOf(await c.freshVault());
        await rejectsWith(lifecycleOf(c.backend(), kind).getDeleted(v, c.unique('ghost')), { status: 404, code: k.notFound });
      });

      it('purging in a purge-protected vault is refused and the object stays recoverable', async () => {
        const b = c.backend();
        const api = lifecycleOf(b, kind);
        const v = refOf(await c.freshVault({ enablePurgeProtection: true }));
        const name = c.unique('pp');
        const content = await k.write(b, v, name, 1);
        await api.delete(v, name);
        await rejectsWith(api.purge(v, name), { status: 403, code: 'Forbidden', message: /purge protection is enabled/ });
        await api.recover(v, name);
        assert.equal(await k.read(b, v, name), content);
      });

      it('backup → delete → purge → restore brings it back; restoring over a live one is a conflict', async () => {
        const b = c.backend();
        const api = lifecycleOf(b, kind);
        const v = refOf(await c.freshVault());
        const name = c.unique('bk');
        await k.write(b, v, name, 1);
        const latest = await k.write(b, v, name, 2);
        const blob = await api.backup(v, name);
        assert.ok(blob.length > 0);
        await rejectsWith(api.restore(v, blob), { status: 409, code: 'Conflict' });
        await api.delete(v, name);
        await api.purge(v, name);
        await api.restore(v, blob);
        assert.equal(await k.read(b, v, name), latest);
        assert.equal((await api.listVersions(v, name)).length, 2);
      });
    });
  }

  describe('the demo bin', () => {
    it('the demo deleted secret old-db-password is listed with its dates and can be read', async () => {
      const b = c.backend();
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const old = (await b.secrets.listDeleted(v)).find((d) => d.properties.name === 'old-db-password');
      assert.ok(old, 'old-db-password is in the deleted secrets');
      assert.equal(days(old), 90);
      const got = await b.secrets.getDeleted(v, 'old-db-password');
      assert.ok(got.recoveryId.endsWith('/deletedsecrets/old-db-password'));
    });

    it('the Operator has no secrets/purge permission in ase-edge01-kv', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.edge));
      await rejectsWith(c.backend().secrets.purge(v, c.unique('nothing')), {
        status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have secrets purge permission on key vault 'ase-edge01-kv/,
      });
    });
  });
}
