/**
 * The console's first screen, drawn before the backend exists: "Connecting to AzureCloud…", the
 * device-code sign-in (URL and code, `c` copies the code), or a start-up failure as a sentence with
 * `r` to retry and `q` to quit. Once the backend is there it mounts <App/>, and from then on feeds
 * the backend's throttling and retry activity to the App's status line (a prop: no input is lost).
 */
import { Box, useApp as useInkApp, useInput, useWindowSize, type Key } from 'ink';
import { Text } from './components/text.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AzureActivity, DeviceCodePrompt } from '../backend/azure/index.js';
import type { Backend } from '../backend/backend.js';
import { App, type AppProps } from './app.js';
import { createClipboard } from './clipboard.js';
import { Header } from './components/header.js';
import { Spinner } from './components/spinner.js';
import { explainError } from './explain-error.js';
import { createKeymap, hintLine, keysText } from './keymap/keymap.js';
import { keyName } from './keymap/keys.js';
import { splitKeys } from './key-queue.js';
import { memorySettings } from './settings.js';
import { resolveTheme } from './theme.js';

/** What the console hands the backend factory (the Azure backend's extras; the demo engine ignores them). */
export interface BootExtras {
  onDeviceCode: (prompt: DeviceCodePrompt) => void;
  onActivity: (activity: AzureActivity) => void;
}

export interface BootProps extends Omit<AppProps, 'backend' | 'activity'> {
  createBackend: (extras: BootExtras) => Promise<Backend>;
  /** Where it connects, for "Connecting to …": "AzureCloud", "the emulator at https://localhost:8443". */
  target: string;
  /** Told the backend once it exists (the process closes it at exit). */
  onBackend?: (backend: Backend) => void;
  /** How long an activity note stays after the last event (default 4 s; tests shorten it). */
  activityMs?: number;
}

type Phase =
  | { kind: 'connecting' }
  | { kind: 'sign-in'; prompt: DeviceCodePrompt; copied?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; backend: Backend };

/** One line for the status bar; never a URL with a token or a body. */
export function describeActivity(a: AzureActivity): string {
  if (a.kind === 'throttled') {
    const wait = a.retryAfterSeconds !== undefined ? `${a.retryAfterSeconds} s` : 'a moment';
    return `Azure is throttling (${a.status} from ${a.host}): retrying in ${wait}`;
  }
  return `Azure answered ${a.status} (${a.host}): retrying`;
}

export function Boot(props: BootProps) {
  const { createBackend, target, onBackend, activityMs = 4_000, ...appProps } = props;
  const ink = useInkApp();
  const win = useWindowSize();
  const size = props.size ?? { columns: win.columns || 80, rows: win.rows || 24 };
  const settings = useMemo(() => props.settings ?? memorySettings(), [props.settings]);
  const theme = useMemo(() => resolveTheme(settings.get('theme')), [settings]);
  const keymap = useMemo(() => createKeymap(settings.get('keymap')), [settings]);
  const clipboard = useMemo(() => props.clipboard ?? createClipboard({ write: (s) => process.stdout.write(s) }), [props.clipboard]);
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const [activity, setActivity] = useState<string | undefined>();
  const activityTimer = useRef<NodeJS.Timeout | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setPhase({ kind: 'connecting' });
    const extras: BootExtras = {
      onDeviceCode: (prompt) => { if (live) setPhase({ kind: 'sign-in', prompt }); },
      onActivity: (a) => {
        if (!live) return;
        setActivity(describeActivity(a));
        clearTimeout(activityTimer.current);
        // The note stays while retries keep coming, and goes once they stop.
        const wait = a.kind === 'throttled' && a.retryAfterSeconds ? a.retryAfterSeconds * 1000 : 0;
        activityTimer.current = setTimeout(() => setActivity(undefined), wait + activityMs);
        activityTimer.current.unref?.();
      },
    };
    createBackend(extras).then((backend) => {
      if (!live) { void backend.close?.(); return; }
      onBackend?.(backend);
      setPhase({ kind: 'ready', backend });
    }, (e: unknown) => {
      if (live) setPhase({ kind: 'failed', message: explainError(e) });
    });
    return () => { live = false; };
  }, [attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => clearTimeout(activityTimer.current), []);

  const quit = () => { if (props.onQuit) props.onQuit(); else ink.exit(); };
  const handle = (input: string, key: Key) => {
    const cmd = keymap.commandFor(keyName(input, key), ['quit', 'boot.retry', 'copy']);
    if (cmd === 'quit') quit();
    else if (cmd === 'boot.retry' && phase.kind === 'failed') setAttempt((n) => n + 1);
    else if (cmd === 'copy' && phase.kind === 'sign-in') {
      const r = clipboard.copy(phase.prompt.userCode);
      setPhase({ ...phase, copied: `Code copied (${r.via.join(' + ')}).` });
    }
  };
  // Esc glued to the next key on a fast link is two keys, as in the console (key-queue.ts).
  useInput((input, key) => { for (const k of splitKeys(input, key, keymap.isBound)) handle(k.input, k.key); }, { isActive: phase.kind !== 'ready' });

  if (phase.kind === 'ready') {
    return <App {...appProps} settings={settings} clipboard={clipboard} backend={phase.backend} activity={activity} />;
  }

  const width = size.columns;
  return (
    <Box flexDirection="column" width={width} height={size.rows}>
      <Header backendLabel={target} identity="" profile={props.profile} readonly={!!props.readonly} width={width} theme={theme} />
      <Box flexDirection="column" paddingX={2} paddingY={1} flexGrow={1}>
        {phase.kind === 'connecting' && <Spinner label={`Connecting to ${target}…`} theme={theme} />}
        {keymap.problems.map((p, i) => <Text key={`keymap-${i}`} color={theme.warn} wrap="wrap">{p}</Text>)}
        {phase.kind === 'sign-in' && <DeviceCode prompt={phase.prompt} copied={phase.copied} copyKey={keysText(keymap, 'copy', { first: true })} width={width - 4} theme={theme} />}
        {phase.kind === 'failed' && (
          <Box flexDirection="column">
            <Text bold color={theme.error}>{`Could not connect to ${target}.`}</Text>
            <Box marginTop={1}><Text wrap="wrap">{phase.message}</Text></Box>
            <Box marginTop={1}><Text color={theme.muted}>Press <Text bold color={undefined}>{keysText(keymap, 'boot.retry', { first: true })}</Text> to retry, <Text bold color={undefined}>{keysText(keymap, 'quit', { first: true })}</Text> to quit.</Text></Box>
          </Box>
        )}
      </Box>
      <Box height={1} width={width}>
        {activity ? <Text color={theme.warn} wrap="truncate">{`⧗ ${activity}`}</Text>
          : <Text color={theme.muted} wrap="truncate">{hintLine(keymap, [...(phase.kind === 'sign-in' ? [['copy', 'copy the code'] as const] : phase.kind === 'failed' ? [['boot.retry', 'retry'] as const] : []), ['quit', 'quit']])}</Text>}
      </Box>
    </Box>
  );
}

function DeviceCode({ prompt, copied, copyKey, width, theme }: { prompt: DeviceCodePrompt; copied?: string; copyKey: string; width: number; theme: ReturnType<typeof resolveTheme> }) {
  return (
    <Box flexDirection="column" width={Math.min(width, 96)}>
      <Spinner label="Signing in…" theme={theme} />
      <Box marginTop={1} flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={2} paddingY={1}>
        <Text>On any device with a browser, open</Text>
        <Box marginLeft={2} marginY={1}><Text bold color={theme.accent}>{prompt.verificationUri}</Text></Box>
        <Text>and enter the code</Text>
        <Box marginLeft={2} marginTop={1}><Text bold>{prompt.userCode}</Text></Box>
      </Box>
      <Box marginTop={1}><Text color={copied ? theme.ok : theme.muted}>{copied ?? `Press ${copyKey} to copy the code. The console opens once you have signed in.`}</Text></Box>
    </Box>
  );
}
