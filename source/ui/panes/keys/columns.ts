/** How key rows look: pure functions from key properties to cells. */
import type { KeyOperation, KeyProperties } from '../../../domain/key.js';
import type { Column } from '../../components/columns.js';
import { expiryColor, expiryText, shortTime } from '../secrets/columns.js';
import { MANAGED_MARK } from '../objects.js';

/** "2048" for RSA, "P-256" for EC, "—" when the service did not say. */
export const sizeOrCurve = (k: Pick<KeyProperties, 'keySize' | 'curve'>) => (k.curve ? k.curve : k.keySize ? String(k.keySize) : '—');

/** The operations in Key Vault's usual order, space-separated ("encrypt decrypt wrapKey unwrapKey"). */
const ORDER: readonly KeyOperation[] = ['sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'import', 'export'];
export function opsText(ops: readonly KeyOperation[]): string {
  if (ops.length === 0) return 'none';
  return [...ops].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join(' ');
}

export function keyColumns(now: number): Column<KeyProperties>[] {
  return [
    { key: 'name', header: 'NAME', flex: 1, min: 20, match: true, value: (k) => k.name },
    // A certificate's own key: changed only through the certificate.
    { key: 'managed', header: '', width: 4, value: (k) => (k.managed ? MANAGED_MARK : ''), color: (_k, t) => t.muted },
    { key: 'type', header: 'TYPE', width: 7, value: (k) => k.keyType },
    { key: 'size', header: 'SIZE', width: 6, value: sizeOrCurve },
    { key: 'ops', header: 'OPERATIONS', flex: 2, min: 33, drop: 2, value: (k) => opsText(k.keyOps) },
    { key: 'enabled', header: 'ENABLED', width: 7, value: (k) => (k.enabled ? 'yes' : 'no'), color: (k, t) => (k.enabled ? undefined : t.error) },
    { key: 'expires', header: 'EXPIRES', width: 20, drop: 3, value: (k) => expiryText(k.expiresOn, now), color: (k, t) => expiryColor(k.expiresOn, now, t) },
    { key: 'updated', header: 'UPDATED', width: 16, drop: 4, value: (k) => shortTime(k.updatedOn) },
  ];
}

export function keyVersionColumns(latest: string | undefined): Column<KeyProperties>[] {
  return [
    { key: 'v', header: 'VERSION', width: 34, value: (k) => `${k.version}${k.version === latest ? ' *' : ''}` },
    { key: 'enabled', header: 'ENABLED', width: 7, value: (k) => (k.enabled ? 'yes' : 'no') },
    { key: 'created', header: 'CREATED', width: 16, value: (k) => shortTime(k.createdOn) },
    { key: 'ops', header: 'OPERATIONS', flex: 1, min: 10, value: (k) => opsText(k.keyOps) },
  ];
}

/** Shortens a long base64 string for display: the first and last few characters and the length. */
export function shortBase64(b64: string, keep = 16): string {
  if (b64.length <= keep * 2 + 1) return b64;
  return `${b64.slice(0, keep)}…${b64.slice(-keep / 2)} (${b64.length} chars)`;
}
