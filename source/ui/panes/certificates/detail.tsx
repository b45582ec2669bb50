/** One certificate: its X.509 facts, its policy (issuer, key, lifetime action), SANs, linked key and secret, versions. */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import { PEM, type CertificatePolicy, type CertificateProperties } from '../../../domain/certificate.js';
import { ListView } from '../../components/list-view.js';
import type { ListState } from '../../hooks/use-list.js';
import type { Theme } from '../../theme.js';
import { shortTime } from '../secrets/columns.js';
import { Property } from '../vaults/detail.js';
import { certificateVersionColumns, ekuText, expiryWithDays, issuerText, lifetimeActionText } from './columns.js';
import { expiryColor } from '../secrets/columns.js';

/** Lines above the versions list (its title included). */
export const CERT_DETAIL_LINES = 11;

export interface CertificateDetailProps {
  latest: CertificateProperties;
  selected: CertificateProperties | undefined;
  /** The policy (with the latest version); undefined while it loads. */
  policy: CertificatePolicy | undefined;
  /** Why the policy could not be read, if so. */
  policyProblem?: string;
  versions: ListState<CertificateProperties>;
  loadingVersions: boolean;
  /** Key hints: "e edits the lifetime action · x downloads". */
  hint: string;
  width: number;
  theme: Theme;
  now: number;
}

/** The key behind the certificate, as the policy describes it. */
function keyText(p: CertificatePolicy): string {
  const size = p.keyType.startsWith('EC') ? p.keyCurveName : p.keySize;
  return `${p.keyType} ${size ?? ''} · ${p.exportable ? 'exportable' : 'not exportable'}${p.reuseKey ? ' · key reused on renewal' : ''} · secret as ${p.contentType === PEM ? 'PEM' : 'PFX'}`;
}

/** Every subject alternative name: the certificate's DNS names, and the policy's emails and UPNs. */
function sansText(c: CertificateProperties, p: CertificatePolicy | undefined): string {
  const sans = p?.subjectAlternativeNames;
  const all = [...(c.dnsNames ?? sans?.dnsNames ?? []), ...(sans?.emails ?? []).map((e) => `email:${e}`), ...(sans?.userPrincipalNames ?? []).map((u) => `upn:${u}`)];
  return all.length ? all.join(', ') : 'none';
}

export function CertificateDetail({ latest, selected, policy, policyProblem, versions, loadingVersions, hint, width, theme, now }: CertificateDetailProps) {
  const c = selected ?? latest;
  const tags = Object.entries(c.tags).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
  const pol = (f: (p: CertificatePolicy) => string) => (policy ? f(policy) : policyProblem ?? 'loading…');
  return (
    <Box flexDirection="column" paddingX={1}>
      <Property label="Subject" value={c.subject ?? '—'} theme={theme} />
      <Property label="Issuer" value={`${c.issuer ?? '—'} (${issuerText(c)}) · policy issuer ${policy?.issuerName ?? c.issuerName ?? '—'}`} theme={theme} />
      <Property label="Thumbprint (SHA-1)" value={c.pending ? 'pending: no certificate yet' : c.thumbprint} theme={theme} />
      <Box height={1}>
        <Box width={22} flexShrink={0}><Text color={theme.muted}>Valid</Text></Box>
        <Text wrap="truncate">{`${c.notBefore ? shortTime(c.notBefore) : '—'} → `}<Text color={expiryColor(c.expiresOn, now, theme)}>{expiryWithDays(c.expiresOn, now)}</Text></Text>
      </Box>
      <Property label="Subject alt. names" value={sansText(c, policy)} theme={theme} />
      <Property label="Key" value={pol(keyText)} theme={theme} />
      <Property label="Usage" value={pol((p) => `${p.keyUsage.join(', ') || 'none'} · extended: ${ekuText(p.enhancedKeyUsage)} · ${p.validityInMonths} months`)} theme={theme} />
      <Property label="Lifetime action" value={pol((p) => lifetimeActionText(p.lifetimeActions))} theme={theme} />
      <Property label="Enabled / tags" value={`${c.enabled ? 'yes' : 'no'} · ${tags} · version ${c.version}${c.version === latest.version ? ' (latest)' : ''}`} theme={theme} />
      <Text color={theme.muted} wrap="truncate">{hint}</Text>
      <Text bold>Versions</Text>
      {loadingVersions ? <Text color={theme.muted}>loading versions…</Text> : (
        <ListView list={versions} columns={certificateVersionColumns(now, latest.version)} width={width - 2} theme={theme}
          summary={`${versions.items.length} version${versions.items.length === 1 ? '' : 's'} · ↑↓ pick a version`} empty={{ title: 'No versions.' }} />
      )}
    </Box>
  );
}
