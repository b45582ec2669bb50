/** One secret: its properties, the value (masked until v), and its versions. */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { SecretProperties } from '../../../domain/secret.js';
import { ListView } from '../../components/list-view.js';
import type { ListState } from '../../hooks/use-list.js';
import type { Theme } from '../../theme.js';
import { fit, textWidth } from '../../components/text-width.js';
import { Property } from '../vaults/detail.js';
import { expiryColor, expiryText, shortTime, versionColumns } from './columns.js';

export const MASK = '••••••••';
export const DETAIL_LINES = 8;

export interface SecretDetailProps {
  latest: SecretProperties;
  selected: SecretProperties | undefined;
  versions: ListState<SecretProperties> | undefined;
  value: string | undefined;
  loadingVersions: boolean;
  width: number;
  theme: Theme;
  now: number;
  /** Keys to name in the value line, as the user has them bound. */
  viewKey: string;
  revealKey: string;
  copyKey: string;
  revealSeconds: number;
}

/** The value line: the value when it fits on one line, else its start and what the viewer shows. */
export function valueLine(value: string | undefined, width: number, keys: { view: string; reveal: string; copy: string; seconds: number }): string {
  if (value === undefined) return `${MASK}  (${keys.reveal} reveals for ${keys.seconds} s · ${keys.view} views it whole · ${keys.copy} copies)`;
  const lines = value.split('\n');
  if (lines.length === 1 && textWidth(value) <= width) return value;
  const more = `  … ${lines.length > 1 ? `${lines.length} lines, ` : ''}${value.length.toLocaleString('en-US')} characters · ${keys.view} views it whole`;
  return `${fit(lines[0], Math.max(8, width - textWidth(more))).trimEnd()}${more}`;
}

export function SecretDetail({ latest, selected, versions, value, loadingVersions, width, theme, now, viewKey, revealKey, copyKey, revealSeconds }: SecretDetailProps) {
  const p = selected ?? latest;
  const tags = Object.entries(p.tags).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
  const shown = valueLine(value, width - 2 - 22, { view: viewKey, reveal: revealKey, copy: copyKey, seconds: revealSeconds });
  return (
    <Box flexDirection="column" paddingX={1}>
      <Property label="Version" value={`${p.version}${p.version === latest.version ? ' (latest)' : ''}`} theme={theme} />
      <Property label="Enabled" value={p.enabled ? 'yes' : 'no — its value cannot be read'} theme={theme} />
      <Property label="Content type" value={`${p.contentType ?? '—'}${p.managed ? ` · the PFX/PEM of certificate ${p.name}: it changes only with the certificate` : ''}`} theme={theme} />
      <Box height={1}><Text color={theme.muted}>{'Expires'.padEnd(22)}</Text><Text color={expiryColor(p.expiresOn, now, theme)}>{expiryText(p.expiresOn, now)}</Text><Text color={theme.muted}>{`   not before ${p.notBefore ? shortTime(p.notBefore) : '—'}`}</Text></Box>
      <Property label="Created / updated" value={`${shortTime(p.createdOn)} / ${shortTime(p.updatedOn)}`} theme={theme} />
      <Property label="Tags" value={tags} theme={theme} />
      <Box height={1}><Text color={theme.muted}>{'Value'.padEnd(22)}</Text><Text bold={value !== undefined} color={value === undefined ? theme.muted : theme.warn} wrap="truncate">{shown}</Text></Box>
      <Text bold>Versions</Text>
      {loadingVersions || !versions ? <Text color={theme.muted}>loading versions…</Text> : (
        <ListView list={versions} columns={versionColumns(now, latest.version)} width={width - 2} theme={theme} summary={`${versions.items.length} version${versions.items.length === 1 ? '' : 's'} · ↑↓ pick a version`} empty={{ title: 'No versions.' }} />
      )}
    </Box>
  );
}
