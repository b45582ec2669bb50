/** Every field of one audit entry (there are never values in the log). */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { AuditEntry } from '../../../domain/audit.js';
import type { Theme } from '../../theme.js';
import { Property } from '../vaults/detail.js';
import { entryTime, refused, resultText } from './columns.js';

export function AuditDetail({ entry: e, theme }: { entry: AuditEntry; theme: Theme }) {
  return (
    <Box flexDirection="column" paddingX={1}>
      <Property label="Time (UTC)" value={`${entryTime(e)}.${String(e.time.getUTCMilliseconds()).padStart(3, '0')}`} theme={theme} />
      <Property label="Operation" value={e.operation} theme={theme} />
      <Box height={1}><Text color={theme.muted}>{'Result'.padEnd(22)}</Text><Text color={refused(e) ? theme.error : theme.ok}>{resultText(e)}</Text></Box>
      <Property label="Caller" value={e.caller.displayName ?? '(not in the directory)'} theme={theme} />
      <Property label="Caller objectId" value={e.caller.objectId} theme={theme} />
      {e.caller.upn && <Property label="Caller UPN" value={e.caller.upn} theme={theme} />}
      {e.caller.appId && <Property label="Caller appId" value={e.caller.appId} theme={theme} />}
      <Property label="Client address" value={e.clientAddress ?? '—'} theme={theme} />
      <Property label="Vault" value={e.vaultName ?? '—'} theme={theme} />
      <Property label="Target" value={e.target} theme={theme} />
      <Property label="Duration" value={`${e.durationMs} ms`} theme={theme} />
      <Property label="Entry id" value={String(e.id)} theme={theme} />
      <Box marginTop={1}><Text color={theme.muted}>The log records who did what and whether it was allowed — never a secret value. Esc back.</Text></Box>
    </Box>
  );
}
