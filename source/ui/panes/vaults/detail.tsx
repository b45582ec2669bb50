/** Every property and tag of one vault, with its locks and network rules. */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { BackendInfo } from '../../../backend/backend.js';
import { LOCK_LEVEL_LABEL } from '../../../domain/lock.js';
import type { Vault } from '../../../domain/vault.js';
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

/** The last path part of a subnet id (…/virtualNetworks/vnet-apps/subnets/default → vnet-apps/default). */
const subnetName = (id: string) => {
  const m = /virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i.exec(id);
  return m ? `${m[1]}/${m[2]}` : id;
};

/** The network rules as lines of the detail: public access, the firewall, its rules. */
export function networkLines(v: Vault): [string, string][] {
  const acls = v.networkAcls;
  const firewall = !acls || acls.defaultAction === 'Allow'
    ? `off: every network may call${acls && (acls.ipRules.length || acls.virtualNetworkRules.length) ? ' (the rules below wait for default Deny)' : ''}`
    : `on: default Deny · trusted Azure services ${acls.bypass === 'AzureServices' ? 'bypass it' : 'do not bypass it'}`;
  return [
    ['Public network access', v.publicNetworkAccess === 'Disabled' ? 'Disabled: only private endpoints reach it' : 'Enabled'],
    ['Firewall', firewall],
    ['IP rules', acls?.ipRules.length ? acls.ipRules.map((r) => r.value).join(', ') : 'none'],
    ['Virtual network rules', acls?.virtualNetworkRules.length ? acls.virtualNetworkRules.map((r) => subnetName(r.id)).join(', ') : 'none'],
  ];
}

/** Which Azure services may use the vault (the enabledFor* flags). */
export function enabledForText(v: Vault): string {
  const on = [v.enabledForDeployment && 'VM deployment', v.enabledForDiskEncryption && 'disk encryption', v.enabledForTemplateDeployment && 'template deployment'].filter(Boolean);
  return on.length ? on.join(', ') : 'none (no VM deployment, disk encryption or template deployment)';
}

export interface VaultDetailProps {
  row: VaultRow;
  theme: Theme;
  height: number;
  features: BackendInfo['features'];
  /** The IP rules kvdeck added to this vault this session, with the key that removes them. */
  added: { rules: string[]; removeKey: string };
  /** The last line: the keys to go on from here. */
  hint: string;
}

export function VaultDetail({ row, theme, height, features, added, hint }: VaultDetailProps) {
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
    // Network rules only where the cloud has them (not on Azure Stack Hub's API versions).
    ...(features.networkRules ? networkLines(v) : []),
    ['Enabled for', enabledForText(v)],
  ];
  const tags = Object.entries(v.tags);
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflow="hidden">
      {/* First, so that it is seen even where the terminal is short. */}
      {added.rules.length > 0 && (
        <Text color={theme.warn} wrap="truncate">{`kvdeck added ${added.rules.join(', ')} to the firewall this session: ${added.removeKey} removes it again.`}</Text>
      )}
      {lines.map(([k, val]) => <Property key={k} label={k} value={val} theme={theme} />)}
      <Text bold>{tags.length ? 'Tags' : 'Tags: none'}</Text>
      {tags.map(([k, val]) => <Property key={k} label={`  ${k}`} value={val} theme={theme} />)}
      <Text color={theme.muted} wrap="truncate">{hint}</Text>
    </Box>
  );
}
