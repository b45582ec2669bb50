/** How access-policy rows look. */
import type { Column } from '../../components/columns.js';
import { principalKind, principalName, summarizeArea, type PolicyRow } from './format.js';

const area = (a: 'keys' | 'secrets' | 'certificates') => (r: PolicyRow) => summarizeArea(a, r.policy.permissions[a]) || '—';

export const POLICY_COLUMNS: Column<PolicyRow>[] = [
  { key: 'name', header: 'PRINCIPAL', flex: 2, min: 14, match: true, value: principalName },
  { key: 'kind', header: 'KIND', width: 16, drop: 1, value: principalKind },
  { key: 'oid', header: 'OBJECT ID', width: 36, drop: 2, value: (r) => r.policy.objectId },
  { key: 'keys', header: 'KEYS', flex: 2, min: 10, value: area('keys') },
  { key: 'secrets', header: 'SECRETS', flex: 2, min: 10, value: area('secrets') },
  { key: 'certs', header: 'CERTIFICATES', flex: 1, min: 10, drop: 3, value: area('certificates') },
];
