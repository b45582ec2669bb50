/** Top lines: product, backend, identity, subscription, READ-ONLY badge; then the pane tabs. */
import { Box } from 'ink';
import { Text } from './text.js';
import type { Theme } from '../theme.js';

export interface HeaderProps {
  backendLabel: string;
  identity: string;
  subscription?: string;
  /** The connection profile in use, if any. */
  profile?: string;
  readonly: boolean;
  width: number;
  theme: Theme;
}

export function Header({ backendLabel, identity, subscription, profile, readonly, width, theme }: HeaderProps) {
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text wrap="truncate">
        <Text bold color={theme.accent}>kvdeck</Text>
        {profile && (<><Text color={theme.muted}> │ profile </Text><Text bold>{profile}</Text></>)}
        <Text color={theme.muted}> │ </Text>
        <Text>{backendLabel}</Text>
        {identity && (<><Text color={theme.muted}> │ </Text><Text bold>{identity}</Text></>)}
        {subscription && (<><Text color={theme.muted}> │ sub </Text><Text>{subscription}</Text></>)}
        {readonly && (<><Text> </Text><Text inverse bold color={theme.badge}> READ-ONLY </Text></>)}
      </Text>
    </Box>
  );
}

/** `shortTitles[i]` replaces `titles[i]` below 100 columns, so that every tab fits in 80. */
export function Tabs({ titles, shortTitles, active, width, theme }: { titles: readonly string[]; shortTitles?: readonly string[]; active: number; width: number; theme: Theme }) {
  const compact = width < 100;
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text wrap="truncate">
        {titles.map((t, i) => {
          const label = compact ? (shortTitles?.[i] ?? t) : t;
          return (
            <Text key={t}>
              {i === active ? <Text inverse bold color={theme.accent}>{` ${i + 1} ${label} `}</Text> : <Text color={theme.muted}>{` ${i + 1} `}<Text color={undefined}>{label}</Text>{' '}</Text>}
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}

export function Breadcrumb({ parts, width, theme }: { parts: string[]; width: number; theme: Theme }) {
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text wrap="truncate" color={theme.muted}>
        {parts.map((p, i) => (
          <Text key={i}>{i > 0 ? ' › ' : ''}<Text color={i === parts.length - 1 ? undefined : theme.muted} bold={i === parts.length - 1}>{p}</Text></Text>
        ))}
      </Text>
    </Box>
  );
}
