/** The bin's rows: one shape for deleted vaults and objects of every kind; days left as a bar. Pure. */
import type { ObjectKind } from '../../../domain/object-kind.js';
import { purgeAllowed } from '../../../domain/purge.js';
import type { DeletedVault, Vault } from '../../../domain/vault.js';
import type { Column } from '../../components/columns.js';
import { formatDate } from '../../explain-error.js';

const DAY = 24 * 3600 * 1000;

interface BinRowBase { name: string; deletedOn: Date; scheduledPurgeDate: Date; purgeProtection: boolean; where: string }
export type BinRow = (BinRowBase & { kind: 'vault'; item: DeletedVault }) | (BinRowBase & { kind: ObjectKind });

export const vaultRow = (d: DeletedVault, subscriptionName: string): BinRow => ({
  kind: 'vault', name: d.name, deletedOn: d.deletionDate, scheduledPurgeDate: d.scheduledPurgeDate, purgeProtection: d.purgeProtectionEnabled, where: subscriptionName, item: d,
});

/** A deleted object of any kind, in the selected vault. */
export const objectRow = (kind: ObjectKind, d: { properties: { name: string }; deletedOn: Date; scheduledPurgeDate: Date }, vault: Vault): BinRow => ({
  kind, name: d.properties.name, deletedOn: d.deletedOn, scheduledPurgeDate: d.scheduledPurgeDate, purgeProtection: vault.enablePurgeProtection, where: vault.name,
});

/** Whole days until the scheduled purge (0 when due). */
export const daysLeft = (purge: Date, now: number) => Math.max(0, Math.ceil((purge.getTime() - now) / DAY));

/** "██████░░░░ 60d": the share of the retention period still left, then the days. */
export function daysLeftBar(deletedOn: Date, purge: Date, now: number, cells = 10): string {
  const total = Math.max(1, purge.getTime() - deletedOn.getTime());
  const left = Math.max(0, Math.min(total, purge.getTime() - now));
  const filled = Math.round((left / total) * cells);
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)} ${daysLeft(purge, now)}d`;
}

/** Why a purge would be refused, with the date, or undefined when it is allowed (checked before any call). */
export function purgeRefusal(r: BinRow, now: number): string | undefined {
  if (purgeAllowed({ isVault: r.kind === 'vault', purgeProtection: r.purgeProtection, scheduledPurge: r.scheduledPurgeDate.getTime() }, now)) return undefined;
  const what = r.kind === 'vault' ? `vault ${r.name}` : `${r.kind} ${r.name} (vault ${r.where})`;
  return `purge protection is on for ${r.kind === 'vault' ? 'this vault' : `vault ${r.where}`}, so ${what} cannot be purged before ${formatDate(r.scheduledPurgeDate)}, when Key Vault purges it automatically; it can still be recovered (r)`;
}

export function binColumns(now: number): Column<BinRow>[] {
  return [
    { key: 'kind', header: 'KIND', width: 6, value: (r) => (r.kind === 'certificate' ? 'cert' : r.kind) },
    { key: 'name', header: 'NAME', flex: 2, min: 16, match: true, value: (r) => r.name },
    { key: 'where', header: 'IN', flex: 1, min: 12, drop: 3, value: (r) => r.where },
    { key: 'deleted', header: 'DELETED', width: 10, drop: 2, value: (r) => formatDate(r.deletedOn) },
    { key: 'purge', header: 'PURGE ON', width: 10, value: (r) => formatDate(r.scheduledPurgeDate) },
    { key: 'left', header: 'DAYS LEFT', width: 15, value: (r) => daysLeftBar(r.deletedOn, r.scheduledPurgeDate, now), color: (r, t) => (daysLeft(r.scheduledPurgeDate, now) <= 7 ? t.error : undefined) },
    { key: 'pp', header: 'PURGE PROT', width: 10, drop: 1, value: (r) => (r.purgeProtection ? 'on' : 'off'), color: (r, t) => (r.purgeProtection ? t.ok : t.muted) },
  ];
}
