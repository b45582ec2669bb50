/** Every property and tag of one vault, with its locks. */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { BackendInfo } from '../../../backend/backend.js';
import { LOCK_LEVEL_LABEL } from '../../../domain/lock.js';
import type { Theme } from '../../theme.js';
import { fit } from '../../components/text-width.js';
import type { VaultRow } from './columns.js';

export function Property({ label, value, theme, width = 22 }: { label: string; value: string; theme: Theme; width?: number }) {
  return (
    <Box height={1}>
      <Box width={width} flexShrink={0}><Text color={theme.muted}>{fit(label, width)}</Text></Box>
      <Text wrap="truncate">{value}</Text>
    </Box>
  );
}

export function VaultDetail({ row, theme, height, features }: { row: VaultRow; theme: Theme; height: number; features: BackendInfo['features'] }) {
  const v = row.vault;
  const lines: [string, string][] = [
    ['Name', v.name],
    ['Subscription', `${row.subscriptionName} (${v.subscriptionId})`],
    ['Resource group', v.resourceGroup],
    ['Location', v.location],
    ['Vault URI', v.vaultUri],
    ['Resource id', v.id],
    ['Tenant', v.tenantId],
    ['SKU', v.sku],
    ...(features.softDeleteRetentionDays ? [['Soft-delete retention', `${v.softDeleteRetentionDays} days`] as [string, string]] : []),
    ['Purge protection', v.enablePurgeProtection ? 'on (cannot be turned off)' : 'off'],
    ['Access model', v.enableRbacAuthorization && features.rbacAuthorization ? 'Azure RBAC' : `access policies (${v.accessPolicies.length})`],
    ['Created', v.createdOn ? v.createdOn.toISOString().replace('T', ' ').slice(0, 16) : '—'],
    ['Locks', row.locks.length ? row.locks.map((l) => `${l.name} (${LOCK_LEVEL_LABEL[l.level]})`).join(', ') : 'none'],
  ];
  const tags = Object.entries(v.tags);
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflow="hidden">
      {lines.map(([k, val]) => <Property key={k} label={k} value={val} theme={theme} />)}
      <Text bold>{tags.length ? 'Tags' : 'Tags: none'}</Text>
      {tags.map(([k, val]) => <Property key={k} label={`  ${k}`} value={val} theme={theme} />)}
      <Text color={theme.muted}>Esc back · 2 secrets · 3 keys · 4 access policies · 5 locks</Text>
    </Box>
  );
}
