/** How secret rows look: pure functions from properties to cells. */
import type { SecretProperties } from '../../../domain/secret.js';
import type { Column } from '../../components/columns.js';
import type { Theme } from '../../theme.js';
import { MANAGED_MARK } from '../objects.js';

export const SOON_MS = 30 * 24 * 3600 * 1000;

export const shortTime = (d: Date | undefined) => (d ? d.toISOString().replace('T', ' ').slice(0, 16) : '—');
export const shortDate = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : '—');

/** "expired", "soon" (within 30 days) or undefined. */
export function expiryState(expiresOn: Date | undefined, now: number): 'expired' | 'soon' | undefined {
  if (!expiresOn) return undefined;
  const t = expiresOn.getTime();
  if (t <= now) return 'expired';
  if (t - now <= SOON_MS) return 'soon';
  return undefined;
}

/** No expiry date. Plain ASCII on purpose: a row with any other character is ~100 times slower for
 * Ink to measure (string-width leaves its fast path), and most rows of a big vault have no expiry. */
export const NEVER_EXPIRES = 'never';

export function expiryText(expiresOn: Date | undefined, now: number): string {
  const s = expiryState(expiresOn, now);
  if (!expiresOn) return NEVER_EXPIRES;
  return `${shortDate(expiresOn)}${s === 'expired' ? ' ✗ expired' : s === 'soon' ? ' ⚠ soon' : ''}`;
}

export const expiryColor = (expiresOn: Date | undefined, now: number, theme: Theme) => {
  const s = expiryState(expiresOn, now);
  return s === 'expired' ? theme.error : s === 'soon' ? theme.warn : undefined;
};

export function secretColumns(now: number): Column<SecretProperties>[] {
  return [
    { key: 'name', header: 'NAME', flex: 2, min: 16, match: true, value: (s) => s.name },
    // A certificate's own secret (its PFX or PEM): changed only through the certificate.
    { key: 'managed', header: '', width: 4, value: (s) => (s.managed ? MANAGED_MARK : ''), color: (_s, t) => t.muted },
    { key: 'enabled', header: 'ENABLED', width: 7, value: (s) => (s.enabled ? 'yes' : 'no'), color: (s, t) => (s.enabled ? undefined : t.error) },
    { key: 'ct', header: 'CONTENT TYPE', flex: 1, min: 20, drop: 1, value: (s) => s.contentType ?? '' },
    { key: 'updated', header: 'UPDATED', width: 16, drop: 2, value: (s) => shortTime(s.updatedOn) },
    { key: 'expires', header: 'EXPIRES', width: 20, value: (s) => expiryText(s.expiresOn, now), color: (s, t) => expiryColor(s.expiresOn, now, t) },
  ];
}

export function versionColumns(now: number, latest: string | undefined): Column<SecretProperties>[] {
  return [
    { key: 'v', header: 'VERSION', width: 34, value: (s) => `${s.version}${s.version === latest ? ' *' : ''}` },
    { key: 'enabled', header: 'ENABLED', width: 7, value: (s) => (s.enabled ? 'yes' : 'no') },
    { key: 'created', header: 'CREATED', width: 16, value: (s) => shortTime(s.createdOn) },
    { key: 'expires', header: 'EXPIRES', flex: 1, min: 10, value: (s) => expiryText(s.expiresOn, now), color: (s, t) => expiryColor(s.expiresOn, now, t) },
  ];
}
