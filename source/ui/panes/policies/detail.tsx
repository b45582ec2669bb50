/** One access policy: who it is for and every permission it grants, per area. */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { Theme } from '../../theme.js';
import { Property } from '../vaults/detail.js';
import { AREAS, matchingTemplate, orderedPermissions, principalKind, principalName, type PolicyRow } from './format.js';

export function PolicyDetail({ row, theme, height }: { row: PolicyRow; theme: Theme; height: number }) {
  const p = row.policy;
  const pr = row.principal;
  const template = matchingTemplate(p.permissions);
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflow="hidden">
      <Property label="Principal" value={principalName(row)} theme={theme} />
      <Property label="Kind" value={principalKind(row)} theme={theme} />
      <Property label="Object id" value={p.objectId} theme={theme} />
      {pr?.upn && <Property label="User principal name" value={pr.upn} theme={theme} />}
      {(pr?.appId || p.applicationId) && <Property label="Application id" value={p.applicationId ?? pr?.appId ?? ''} theme={theme} />}
      <Property label="Tenant" value={p.tenantId} theme={theme} />
      <Property label="Matches template" value={template ?? 'none (custom)'} theme={theme} />
      {AREAS.map((a) => {
        const list = orderedPermissions(a, p.permissions[a]);
        return (
          <Box key={a} flexDirection="column" marginTop={1}>
            <Text bold>{`${a.charAt(0).toUpperCase()}${a.slice(1)} (${list.length})`}</Text>
            <Text wrap="wrap" color={list.length ? undefined : theme.muted}>{list.length ? `  ${list.join(' · ')}` : '  none'}</Text>
          </Box>
        );
      })}
      <Box marginTop={1}><Text color={theme.muted}>Esc back · e edit permissions · d remove</Text></Box>
    </Box>
  );
}
