/** One key: its properties, its public part (never the private one) and its versions. */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import type { KeyProperties, PublicJsonWebKey } from '../../../domain/key.js';
import { ListView } from '../../components/list-view.js';
import type { ListState } from '../../hooks/use-list.js';
import type { Theme } from '../../theme.js';
import { expiryText, shortTime } from '../secrets/columns.js';
import { Property } from '../vaults/detail.js';
import { keyVersionColumns, opsText, shortBase64, sizeOrCurve } from './columns.js';

export const KEY_DETAIL_LINES = 10;
/** With the rotation policy's line (clouds that have rotation policies). */
export const keyDetailLines = (withRotation: boolean) => KEY_DETAIL_LINES + (withRotation ? 1 : 0);

export interface KeyDetailProps {
  latest: KeyProperties;
  selected: KeyProperties | undefined;
  jwk: PublicJsonWebKey | undefined;
  versions: ListState<KeyProperties>;
  loadingVersions: boolean;
  /** The rotation policy in words (undefined: the cloud has none, so the line is left out). */
  rotation?: string;
  /** Why the key cannot be changed on its own (a certificate's key), if so. */
  managedBy?: string;
  width: number;
  theme: Theme;
  now: number;
}

function publicPart(jwk: PublicJsonWebKey | undefined): string {
  if (!jwk) return 'loading…';
  if (jwk.n) return `n ${shortBase64(jwk.n, 12)}, e ${jwk.e ?? '—'}`;
  if (jwk.x) return `x ${shortBase64(jwk.x, 12)}, y ${shortBase64(jwk.y ?? '', 12)}`;
  return '—';
}

export function KeyDetail({ latest, selected, jwk, versions, loadingVersions, rotation, managedBy, width, theme, now }: KeyDetailProps) {
  const k = selected ?? latest;
  const tags = Object.entries(k.tags).map(([n, v]) => `${n}=${v}`).join(', ') || 'none';
  return (
    <Box flexDirection="column" paddingX={1}>
      <Property label="Key id (kid)" value={k.id} theme={theme} />
      <Text color={theme.muted} wrap="truncate">{managedBy ? `${managedBy}.` : 'The private key never leaves the vault: t tries it by signing or encrypting inside the vault.'}</Text>
      <Property label="Type / size or curve" value={`${k.keyType} ${sizeOrCurve(k)}`} theme={theme} />
      <Property label="Permitted operations" value={`${opsText(k.keyOps)}   (e configures key usage)`} theme={theme} />
      <Property label="Enabled" value={k.enabled ? 'yes' : 'no — it cannot be used'} theme={theme} />
      <Property label="Expires / not before" value={`${expiryText(k.expiresOn, now)} / ${k.notBefore ? shortTime(k.notBefore) : '—'}`} theme={theme} />
      <Property label="Created / updated" value={`${shortTime(k.createdOn)} / ${shortTime(k.updatedOn)}`} theme={theme} />
      <Property label="Public key" value={`${publicPart(jwk)} · public part only`} theme={theme} />
      <Property label="Tags / recovery" value={`${tags} · ${k.recoveryLevel}`} theme={theme} />
      {rotation !== undefined && <Property label="Rotation policy" value={rotation} theme={theme} />}
      <Text bold>Versions</Text>
      {loadingVersions ? <Text color={theme.muted}>loading versions…</Text> : (
        <ListView list={versions} columns={keyVersionColumns(latest.version)} width={width - 2} theme={theme}
          summary={`${versions.items.length} version${versions.items.length === 1 ? '' : 's'} · ↑↓ pick a version · o rotates`} empty={{ title: 'No versions.' }} />
      )}
    </Box>
  );
}
