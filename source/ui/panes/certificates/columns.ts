/** How certificate rows look: pure functions from certificate properties to cells. */
import { EKU, type CertificateProperties, type LifetimeAction } from '../../../domain/certificate.js';
import type { Column } from '../../components/columns.js';
import { expiryColor, expiryState, NEVER_EXPIRES, shortDate, shortTime } from '../secrets/columns.js';

const DAY = 86_400_000;

const daysTo = (expiresOn: Date, now: number) => Math.ceil((expiresOn.getTime() - now) / DAY);
const daysSince = (expiresOn: Date, now: number) => Math.floor((now - expiresOn.getTime()) / DAY);

/**
 * The list's cell: "2027-06-01   183d left", "2026-12-20 ⚠ 20d left" (within 30 days), "2026-11-27 ✗ expired"
 * (22 cells at most). Plain ASCII unless marked: Ink measures an ASCII row ~100 times faster (see NEVER_EXPIRES).
 */
export function expiryCell(expiresOn: Date | undefined, now: number): string {
  if (!expiresOn) return NEVER_EXPIRES;
  const state = expiryState(expiresOn, now);
  if (state === 'expired') return `${shortDate(expiresOn)} ✗ expired`;
  return `${shortDate(expiresOn)} ${state === 'soon' ? '⚠' : ' '} ${daysTo(expiresOn, now)}d left`;
}

/** The detail's words: "2026-11-27 ✗ expired 3 days ago", "2026-12-20 ⚠ 20 days left". */
export function expiryWithDays(expiresOn: Date | undefined, now: number): string {
  if (!expiresOn) return NEVER_EXPIRES;
  const state = expiryState(expiresOn, now);
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (state === 'expired') return `${shortDate(expiresOn)} ✗ expired ${plural(daysSince(expiresOn, now))} ago`;
  return `${shortDate(expiresOn)} ${state === 'soon' ? '⚠' : '·'} ${plural(daysTo(expiresOn, now))} left`;
}

/** The CN of a distinguished name ("CN=www.contoso.com, O=Contoso Ltd" → "www.contoso.com"), or the name itself. */
export const commonName = (dn: string | undefined) => (dn ? (/(?:^|,\s*)CN=([^,]+)/i.exec(dn)?.[1]?.trim() ?? dn) : '—');

/** Who issued it: "self-signed" when the issuer is the subject, else the issuer's CN. */
export const issuerText = (c: Pick<CertificateProperties, 'issuer' | 'subject' | 'pending' | 'issuerName'>) =>
  (c.pending ? `pending (${c.issuerName ?? 'Unknown'})` : c.issuer && c.issuer === c.subject ? 'self-signed' : commonName(c.issuer));

export const autoRenewText = (c: Pick<CertificateProperties, 'autoRenew'>) => (c.autoRenew ? 'on' : 'off');

/** A thumbprint's first characters (the list; the detail shows it whole), or "pending". */
const shortThumbprint = (c: CertificateProperties) => (c.pending || !c.thumbprint ? 'pending' : c.thumbprint.slice(0, 10));

export function certificateColumns(now: number): Column<CertificateProperties>[] {
  return [
    // Subjects and issuers are longer than names: they get more of the spare width.
    { key: 'name', header: 'NAME', flex: 1, min: 14, match: true, value: (c) => c.name },
    { key: 'subject', header: 'SUBJECT', flex: 3, min: 16, drop: 2, value: (c) => commonName(c.subject) },
    { key: 'issuer', header: 'ISSUER', flex: 2, min: 12, drop: 3, value: issuerText },
    { key: 'thumb', header: 'THUMBPRINT', width: 10, drop: 4, value: shortThumbprint },
    { key: 'expires', header: 'EXPIRES', width: 22, value: (c) => expiryCell(c.expiresOn, now), color: (c, t) => expiryColor(c.expiresOn, now, t) },
    { key: 'renew', header: 'AUTO-RENEW', width: 10, drop: 1, value: autoRenewText, color: (c, t) => (c.autoRenew ? t.ok : t.muted) },
  ];
}

export function certificateVersionColumns(now: number, latest: string | undefined): Column<CertificateProperties>[] {
  return [
    { key: 'v', header: 'VERSION', width: 34, value: (c) => `${c.version}${c.version === latest ? ' *' : ''}` },
    { key: 'thumb', header: 'THUMBPRINT', width: 10, drop: 2, value: shortThumbprint },
    { key: 'created', header: 'CREATED', width: 16, drop: 1, value: (c) => shortTime(c.createdOn) },
    { key: 'expires', header: 'EXPIRES', flex: 1, min: 10, value: (c) => expiryCell(c.expiresOn, now), color: (c, t) => expiryColor(c.expiresOn, now, t) },
  ];
}

/** "AutoRenew at 80 % of the lifetime", "EmailContacts 30 days before expiry", "none". */
export function lifetimeActionText(actions: readonly LifetimeAction[] | undefined): string {
  const a = actions?.[0];
  if (!a) return 'none';
  const what = a.action === 'AutoRenew' ? 'renews itself' : 'emails the contacts';
  return a.daysBeforeExpiry !== undefined && a.daysBeforeExpiry !== null ? `${what} ${a.daysBeforeExpiry} days before expiry` : `${what} at ${a.lifetimePercentage ?? 80} % of its lifetime`;
}

const EKU_NAMES: Record<string, string> = Object.fromEntries(Object.entries(EKU).map(([name, oid]) => [oid, name]));

/** Extended key usages by name where known ("serverAuth, clientAuth"), else their OIDs. */
export const ekuText = (oids: readonly string[]) => (oids.length ? oids.map((o) => EKU_NAMES[o] ?? o).join(', ') : 'none');
