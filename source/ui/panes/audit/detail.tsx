/** Every field of one audit row: its newest entry, and for a burst every entry of it (there are never values in the log). */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { Theme } from '../../theme.js';
import { Property } from '../vaults/detail.js';
import { entryTime, refused, resultText, shortTarget } from './columns.js';
import type { AuditRow } from './group.js';

/** Lines the fields take above a burst's list of entries. */
const FIELD_LINES = 14;

export function AuditDetail({ row, theme, height }: { row: AuditRow; theme: Theme; height: number }) {
  const e = row.entry;
  const burst = row.entries.length > 1;
  const room = Math.max(1, height - FIELD_LINES - 2);
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflow="hidden">
      <Property label="Time (UTC)" value={`${entryTime(e)}.${String(e.time.getUTCMilliseconds()).padStart(3, '0')}`} theme={theme} />
      <Property label="Operation" value={burst ? `${e.operation}, ${row.entries.length} times in a burst` : e.operation} theme={theme} />
      <Box height={1}><Text color={theme.muted}>{'Result'.padEnd(22)}</Text><Text color={refused(e) ? theme.error : theme.ok}>{resultText(e)}</Text></Box>
      <Property label="Caller" value={e.caller.displayName ?? '(not in the directory)'} theme={theme} />
      <Property label="Caller objectId" value={e.caller.objectId} theme={theme} />
      {e.caller.upn && <Property label="Caller UPN" value={e.caller.upn} theme={theme} />}
      {e.caller.appId && <Property label="Caller appId" value={e.caller.appId} theme={theme} />}
      <Property label="Client address" value={e.clientAddress ?? '—'} theme={theme} />
      {!burst && <Property label="Vault" value={e.vaultName ?? '—'} theme={theme} />}
      {!burst && <Property label="Target" value={e.target} theme={theme} />}
      {!burst && <Property label="Duration" value={`${e.durationMs} ms`} theme={theme} />}
      {!burst && <Property label="Entry id" value={String(e.id)} theme={theme} />}
      {burst && <Text bold>{`Targets (${row.entries.length}, newest first)`}</Text>}
      {burst && row.entries.slice(0, room).map((x) => <Property key={x.id} label={`  ${entryTime(x).slice(11)} #${x.id}`} value={`${shortTarget(x.target)} · ${x.durationMs} ms`} theme={theme} />)}
      {burst && row.entries.length > room && <Text color={theme.muted}>{`  … and ${row.entries.length - room} more`}</Text>}
      <Box marginTop={1}><Text color={theme.muted}>The log records who did what and whether it was allowed — never a secret value. Esc back.</Text></Box>
    </Box>
  );
}
