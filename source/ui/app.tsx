/**
 * The console's layout and its one keyboard handler. Composes: header, tabs, breadcrumb, the focused
 * pane (or the top overlay), status line, footer. Key routing: capture → pane bindings → global.
 */
import { Box, useApp as useInkApp, useInput, usePaste, useWindowSize } from 'ink';
import { Text } from './components/text.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Backend } from '../backend/backend.js';
import type { Subscription } from '../domain/directory.js';
import type { Vault } from '../domain/vault.js';
import { AppContext, type AppServices, type FlashKind, type OpenRequest } from './app-context.js';
import { createClipboard, type Clipboard } from './clipboard.js';
import { ConfirmDialog, TypeNameDialog } from './components/confirm.js';
import { FlashLine, type FlashMessage } from './components/flash.js';
import { closingHints, Footer, hintsFor } from './components/footer.js';
import { Form, type FormSpec, type FormValues } from './components/form.js';
import { Breadcrumb, Header, Tabs } from './components/header.js';
import { HelpOverlay } from './components/help.js';
import { Palette } from './components/palette.js';
import { textWidth } from './components/text-width.js';
import { explainError, type ErrorContext } from './explain-error.js';
import { explainNamingLocks, needsLockNames } from './lock-names.js';
import { InputRouterContext, type CaptureHandler, type InputRouter } from './input-router.js';
import { bindingState, findBinding, type Binding, type ConfirmSpec } from './keymap/bindings.js';
import { GLOBAL_COMMANDS, paneCommand, type CommandId } from './keymap/commands.js';
import { createKeymap, keysText } from './keymap/keymap.js';
import { keyName } from './keymap/keys.js';
import { PLAIN_KEY, splitKeys, useKeyQueue, type QueuedKey } from './key-queue.js';
import { useOverlays } from './overlays.js';
import { PANE_IDS, paneTabTitle, paneTitle, type PaneId } from './panes/ids.js';
import { PANES } from './panes/index.js';
import { QuickLookup } from './quick-lookup.js';
import { rememberOpened } from './recent-vaults.js';
import { memorySettings, type LastVault, type Settings } from './settings.js';
import { resolveTheme } from './theme.js';
import { createSessionCache, stale } from './session-cache.js';
import { SubFilterContext } from './sub-filter.js';
import { Spinner } from './components/spinner.js';
import { REVEAL_MS } from './panes/secrets/use-reveal.js';
import { useGrantOffers } from './access/use-grant-offers.js';

const isVaultScoped = (p: PaneId) => PANES.find((x) => x.id === p)?.vaultScoped === true;

/**
 * The pane to open and the vault to look for: the caller's pane, else the last one used. A
 * vault-scoped pane without a remembered vault starts on Vaults instead of "no vault selected".
 */
function startingPoint(settings: Settings, initialPane: PaneId | undefined): { pane: PaneId; lastVault?: LastVault } {
  // 'policies' is what the Access pane was called before it took Azure RBAC too.
  const saved = (settings.get('lastPane') === 'policies' ? 'access' : settings.get('lastPane')) as PaneId;
  const lastVault = settings.get('lastVault') ?? undefined;
  const pane = initialPane ?? (PANE_IDS.includes(saved) ? saved : 'vaults');
  if (isVaultScoped(pane) && !lastVault) return { pane: 'vaults' };
  return { pane, lastVault: lastVault?.name && lastVault.subscriptionId ? lastVault : undefined };
}

export interface AppProps {
  backend: Backend;
  readonly?: boolean;
  settings?: Settings;
  clipboard?: Clipboard;
  /** Fixed size (tests); default: the terminal's, following resizes. */
  size?: { columns: number; rows: number };
  initialPane?: PaneId;
  onQuit?: () => void;
  now?: () => number;
  /** The profile in use (`--profile`, `kvdeck profile use`), shown in the header. */
  profile?: string;
  /** What the backend is going through right now ("Azure is throttling: retrying in 3 s"), for the status line. */
  activity?: string;
  /** How long a revealed secret value stays on screen (default 30 s; tests shorten it). */
  revealMs?: number;
}


const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function App(props: AppProps) {
  const { backend, readonly = false } = props;
  const ink = useInkApp();
  const win = useWindowSize();
  const size = props.size ?? { columns: win.columns || 80, rows: win.rows || 24 };
  const settings = useMemo(() => props.settings ?? memorySettings(), [props.settings]);
  const keymap = useMemo(() => createKeymap(settings.get('keymap')), [settings]);
  const [themeName, setThemeName] = useState(() => settings.get('theme'));
  const theme = useMemo(() => resolveTheme(themeName), [themeName]);
  const clipboard = useMemo(() => props.clipboard ?? createClipboard({ write: (s) => process.stdout.write(s) }), [props.clipboard]);
  const now = props.now ?? Date.now;

  const [start] = useState(() => startingPoint(settings, props.initialPane));
  const [pane, setPane] = useState<PaneId>(start.pane);
  const [vault, setVault] = useState<Vault | undefined>();
  // The last vault is being looked up (start-up): vault-scoped panes wait instead of saying "no vault".
  const [restoring, setRestoring] = useState(!!start.lastVault);
  const [subFilter, setSubFilter] = useState<string | undefined>();
  const [subs, setSubs] = useState<Subscription[]>([]);
  const [flash, setFlash] = useState<FlashMessage | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [openRequest, setOpenRequest] = useState<OpenRequest | undefined>();
  const overlays = useOverlays();
  const cache = useMemo(createSessionCache, []);
  // Jobs kept in the cache (quick lookup's index, still reading) stop with the console.
  useEffect(() => () => cache.invalidate(), [cache]);

  // Input routing state.
  const captures = useRef<{ current: CaptureHandler }[]>([]);
  const paneBindings = useRef<readonly Binding[]>([]);
  const [, setBindingsSig] = useState('');
  const [paneCrumbs, setPaneCrumbs] = useState<readonly string[]>([]);
  const router = useMemo<InputRouter>(() => ({
    pushCapture(h) {
      captures.current.push(h);
      return () => { captures.current = captures.current.filter((x) => x !== h); };
    },
    setPaneBindings(b) {
      paneBindings.current = b;
      setBindingsSig(b.map((x) => { const s = bindingState(x, readonly); return `${x.command}:${x.label}:${s.visible ? (s.enabled ? 1 : s.reason) : 0}`; }).join('|'));
    },
    setPaneCrumbs: (parts) => setPaneCrumbs(parts),
  }), [readonly]);

  useEffect(() => {
    const ac = new AbortController();
    backend.directory.listSubscriptions({ signal: ac.signal }).then(setSubs, () => {});
    // Start where the user left off: the last vault, if it still exists; else a vault-scoped pane
    // would have nothing to show, so start on Vaults.
    const last = start.lastVault;
    if (last) {
      let settled = false;
      const done = (v: Vault | undefined) => {
        if (ac.signal.aborted || settled) return;
        settled = true;
        setVault((cur) => cur ?? v);
        if (!v && isVaultScoped(start.pane)) setPane((p) => (p === start.pane ? 'vaults' : p));
        setRestoring(false);
      };
      const find = (vs: readonly Vault[]) => vs.find((v) => v.name.toLowerCase() === last.name.toLowerCase() && v.subscriptionId.toLowerCase() === last.subscriptionId.toLowerCase());
      // Found as soon as its subscription answers, without waiting for the others.
      backend.vaults.list(undefined, { signal: ac.signal, onPart: (part) => { const v = find(part); if (v) done(v); } }).then((vs) => done(find(vs)), () => done(undefined));
    }
    return () => ac.abort();
  }, [backend]); // eslint-disable-line react-hooks/exhaustive-deps

  // Remember the vault (name and subscription only), a moment after the selection settles: moving
  // through pane 1 selects every vault on the way, and each would otherwise be a file write.
  const savedVault = useRef<string | undefined>(undefined);
  const saveVault = useRef<() => void>(() => {});
  saveVault.current = () => {
    if (restoring) return;
    const value = vault ? { name: vault.name, subscriptionId: vault.subscriptionId } : null;
    const sig = JSON.stringify(value);
    if (sig === savedVault.current) return;
    savedVault.current = sig;
    settings.set('lastVault', value);
  };
  useEffect(() => {
    const t = setTimeout(() => saveVault.current(), 400);
    t.unref?.();
    return () => clearTimeout(t);
  }, [vault, restoring]);
  useEffect(() => () => saveVault.current(), []);
  // A vault-scoped pane showing a vault is the user opening it: quick lookup reads it first next time.
  useEffect(() => { if (vault && isVaultScoped(pane)) rememberOpened(settings, vault); }, [vault, pane, settings]);

  useEffect(() => () => clipboard.dispose(), [clipboard]);

  const flashTimer = useRef<NodeJS.Timeout | undefined>(undefined);
  const flashId = useRef(0);
  const showFlash = useCallback((kind: FlashKind, text: string) => {
    clearTimeout(flashTimer.current);
    const id = ++flashId.current;
    setFlash({ kind, text, id });
    flashTimer.current = setTimeout(() => setFlash(undefined), kind === 'error' ? 12_000 : 6_000);
    flashTimer.current.unref?.();
    return id;
  }, []);
  useEffect(() => () => clearTimeout(flashTimer.current), []);
  // Keymap overrides left out are said at start (all of them in ? help, and on stderr at exit).
  useEffect(() => {
    const [first, ...more] = keymap.problems;
    if (first) showFlash('error', more.length ? `${first} (${more.length} more in ${keysText(keymap, 'help', { first: true })} help.)` : first);
  }, [keymap, showFlash]);

  const goto = useCallback((p: PaneId) => {
    setPane(p);
    settings.set('lastPane', p);
  }, [settings]);

  const bodyWidth = size.columns;
  const keyOf = useCallback((command: CommandId) => keysText(keymap, command, { first: true }), [keymap]);
  // A grant after a refused load mounts the pane again, so it loads what it may now read.
  const [paneGeneration, setPaneGeneration] = useState(0);
  const offers = useGrantOffers({
    backend, readonly, key: keyOf, flash: showFlash,
    confirm: (spec) => servicesRef.current.confirm(spec),
    fail: (e) => servicesRef.current.fail(e),
    granted: (origin) => {
      cache.invalidate(stale.access, stale.lookup, stale.vaultLists);
      if (origin === 'load') setPaneGeneration((g) => g + 1);
    },
  });
  useEffect(() => offers.clear(), [pane, vault?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const services: AppServices = {
    backend, readonly, keymap, theme, settings, clipboard, now,
    key: keyOf,
    revealMs: props.revealMs ?? REVEAL_MS,
    flash: showFlash,
    fail: (e: unknown, ctx?: ErrorContext) => {
      const text = explainError(e, ctx, keyOf);
      const id = showFlash('error', text);
      offers.notice(e, 'action');
      // A lock's refusal: said at once, then again with the lock named once its scope's locks are read.
      if (needsLockNames(e, ctx)) {
        void explainNamingLocks(backend, e, ctx, keyOf).then((named) => { if (named !== text && flashId.current === id) showFlash('error', named); });
      }
      return text;
    },
    refused: (e: unknown) => offers.notice(e, 'load'),
    confirm: (spec: ConfirmSpec) => new Promise<boolean>((resolve) => {
      const width = Math.min(72, bodyWidth - 2);
      const close = overlays.open((closeIt) => {
        const done = (ok: boolean) => { closeIt(); resolve(ok); };
        return spec.typeName
          ? <TypeNameDialog spec={spec} width={width} theme={theme} keymap={keymap} onDone={done} />
          : <ConfirmDialog spec={spec} width={width} theme={theme} keymap={keymap} onDone={done} />;
      });
      void close;
    }),
    form: (spec: FormSpec) => new Promise<FormValues | undefined>((resolve) => {
      // A refused submit may be followed by the offer to grant what it lacked (over the form, which keeps
      // its values); once granted, the submit runs again.
      const watched = <A extends unknown[]>(fn: (...a: A) => Promise<void>) => async (...a: A) => {
        try { await fn(...a); } catch (e) { if (!(await offers.offer(e))) throw e; await fn(...a); }
      };
      const s: FormSpec = { ...spec, submit: watched(spec.submit), actions: spec.actions?.map((a) => ({ ...a, run: watched(a.run) })) };
      overlays.open((closeIt) => <Form spec={s} width={Math.min(90, bodyWidth - 2)} theme={theme} keymap={keymap} explain={(e) => explainNamingLocks(backend, e, {}, keyOf)} onDone={(v) => { closeIt(); resolve(v); }} />);
    }),
    overlay: overlays.open,
    vault,
    selectVault: setVault,
    vaultPending: restoring,
    goto,
    openRequest,
    requestOpen: setOpenRequest,
    clearOpenRequest: () => setOpenRequest(undefined),
    cache,
    invalidate: cache.invalidate,
    size: { columns: bodyWidth, rows: 0 },
  };
  const servicesRef = useRef(services);
  servicesRef.current = services;

  const runBinding = async (b: Binding) => {
    const st = bindingState(b, readonly);
    if (!st.visible) return;
    if (!st.enabled) { showFlash('error', `${cap(b.label)} is not available: ${st.reason}.`); return; }
    const spec = b.confirm?.();
    if (spec && !(await servicesRef.current.confirm(spec))) { showFlash('info', 'Cancelled.'); return; }
    const r = b.run();
    if (r instanceof Promise) {
      setBusy(b.busy ?? `${cap(b.label)}…`);
      try { await r; } catch (e) { services.fail(e); } finally { setBusy(undefined); }
    }
  };

  const openPalette = () => overlays.open((close) => (
    <Palette width={Math.min(72, bodyWidth - 2)} theme={theme} keymap={keymap} subscriptions={subs} onClose={close}
      onRun={(cmd) => { close(); runPaletteCommand(cmd); }} />
  ));
  const openLookup = () => overlays.open((close) => <QuickLookup width={bodyWidth} height={bodyHeightRef.current} onClose={close} />);
  const openHelp = () => overlays.open((close) => (
    <HelpOverlay paneTitle={paneTitle(pane)} paneId={pane} bindings={paneBindings.current} keymap={keymap}
      readonly={readonly} theme={theme} width={bodyWidth} height={bodyHeightRef.current} settingsPath={settings.path} onClose={close} />
  ));

  const runPaletteCommand = (cmd: { pane?: PaneId; sub?: string | null; quit?: boolean; theme?: string; help?: boolean }) => {
    if (cmd.quit) return quit();
    if (cmd.pane) goto(cmd.pane);
    if (cmd.help) openHelp();
    if (cmd.theme) { setThemeName(cmd.theme); settings.set('theme', cmd.theme); showFlash('success', `Theme: ${cmd.theme}.`); }
    if (cmd.sub !== undefined) {
      setSubFilter(cmd.sub ?? undefined);
      cache.invalidate(stale.vaultLists);
      const s = subs.find((x) => x.id === cmd.sub);
      showFlash('info', cmd.sub ? `Showing subscription ${s?.displayName ?? cmd.sub}.` : 'Showing every subscription.');
      goto('vaults');
    }
  };

  const quit = () => {
    saveVault.current();
    clipboard.dispose();
    if (props.onQuit) props.onQuit();
    else ink.exit();
  };

  const runGlobal = (name: string) => {
    const command = keymap.commandFor(name, GLOBAL_COMMANDS);
    if (!command) return false;
    const i = PANE_IDS.indexOf(pane);
    const numbered = /^pane\.(\d)$/.exec(command);
    if (numbered) goto(PANE_IDS[Number(numbered[1]) - 1]);
    else if (command === 'pane.next') goto(PANE_IDS[(i + 1) % PANE_IDS.length]);
    else if (command === 'pane.prev') goto(PANE_IDS[(i - 1 + PANE_IDS.length) % PANE_IDS.length]);
    else if (command === 'palette') openPalette();
    else if (command === 'lookup') openLookup();
    else if (command === 'help') openHelp();
    else if (command === 'quit') quit();
    // Heard here only when no offer stands (a standing one is a binding, found first).
    else if (command === 'access.grant') showFlash('info', 'Nothing to grant: no refusal you could lift yourself is on screen.');
    return true;
  };

  // One key at a time, in order (see key-queue.ts): each key meets the state the previous one left.
  const handleKey = ({ input, key, paste }: QueuedKey) => {
    const top = captures.current[captures.current.length - 1];
    // A paste is text for the field being typed in; with nothing to type in, it is not a string of commands.
    if (paste) { top?.current(input, PLAIN_KEY, input); return; }
    const name = keyName(input, key);
    if (top && top.current(input, key, name) !== false) return;
    if (overlays.stack.length > 0) return; // an overlay without a capture swallows keys
    const b = findBinding([...offers.bindings, ...paneBindings.current], name, keymap, pane);
    if (b) { void runBinding(b); return; }
    runGlobal(name);
  };
  const keyQueue = useKeyQueue(handleKey);
  // Alt keys the user bound in settings stay Alt keys; otherwise ESC+key glued together is Esc, then the key.
  useInput((input, key) => keyQueue.push(splitKeys(input, key, keymap.isBound)));
  usePaste((text) => keyQueue.push([{ input: text, key: PLAIN_KEY, paste: true }]));

  // Layout.
  const flashLines = flash && !busy ? Math.min(3, Math.max(1, Math.ceil((textWidth(flash.text) + 2) / Math.max(1, size.columns)))) : 1;
  const bodyHeight = Math.max(3, size.rows - 4 - flashLines - 1);
  const bodyHeightRef = useRef(bodyHeight);
  bodyHeightRef.current = bodyHeight;
  services.size = { columns: bodyWidth, rows: bodyHeight };

  const def = PANES.find((p) => p.id === pane)!;
  const subName = (id: string | undefined) => subs.find((s) => s.id === id)?.displayName ?? id;
  // The subscription filter in force (what pane 1 lists), not the selected vault's subscription.
  const headerSub = subFilter ? subName(subFilter) : subs.length > 1 ? `all (${subs.length})` : subs[0]?.displayName;
  const title = paneTitle(def.id);
  const crumbs = def.vaultScoped === true || (def.vaultScoped === 'optional' && vault) ? [title, vault ? vault.name : 'no vault selected'] : [title, subFilter ? `subscription ${subName(subFilter)}` : 'all subscriptions'];
  const top = overlays.stack[overlays.stack.length - 1];
  const Pane = def.Component;

  return (
    <AppContext.Provider value={services}>
      <InputRouterContext.Provider value={router}>
        <SubFilterContext.Provider value={subFilter}>
          <Box flexDirection="column" width={size.columns} height={size.rows}>
            {keyQueue.pump}
            <Header backendLabel={backend.info.label} identity={backend.info.identity.displayName} subscription={headerSub} profile={props.profile} readonly={readonly} width={size.columns} theme={theme} />
            <Tabs titles={PANE_IDS.map((p) => paneTabTitle(p, false))} shortTitles={PANE_IDS.map((p) => paneTabTitle(p, true))} active={PANE_IDS.indexOf(pane)} width={size.columns} theme={theme} />
            <Breadcrumb parts={[...crumbs, ...paneCrumbs]} width={size.columns} theme={theme} />
            <Box height={bodyHeight} width={size.columns} flexDirection="column" overflow="hidden">
              {/* flexShrink 0: a tall overlay (help at 80×24) is clipped by the body, never squeezed into overlapping rows. */}
              {/* Every overlay stays mounted (a form under its "overwrite?" question keeps what was typed); only the top one shows. */}
              {overlays.stack.map((o) => <Box key={o.id} display={o === top ? 'flex' : 'none'} justifyContent="center" flexShrink={0}>{o.render(o.close)}</Box>)}
              <Box display={top ? 'none' : 'flex'} flexDirection="column">
                {def.vaultScoped === true && !vault && restoring
                  ? <Spinner label={`Opening vault ${start.lastVault?.name ?? ''}…`} theme={theme} />
                  : def.vaultScoped === true && !vault
                  ? <Text color={theme.muted}>{`No vault selected. Press ${services.key(paneCommand('vaults'))} for ${paneTitle('vaults')}, pick one with ${services.key('up')}${services.key('down')} and ${services.key('open')}; then come back to ${title}.`}</Text>
                  : <Pane key={`${def.vaultScoped ? `${pane}:${vault?.id ?? ''}` : pane}:${paneGeneration}`} width={bodyWidth} height={bodyHeight} />}
              </Box>
            </Box>
            {/* A binding waiting on its own form or dialog is not busy: no spinner (and no redraws) while one is merely open. */}
            <FlashLine flash={flash} busy={top ? undefined : busy} activity={props.activity} width={size.columns} theme={theme} />
            <Footer hints={top ? [] : hintsFor([...offers.bindings, ...paneBindings.current], keymap, pane, readonly)} closing={closingHints(keymap)} width={size.columns} theme={theme} />
          </Box>
        </SubFilterContext.Provider>
      </InputRouterContext.Provider>
    </AppContext.Provider>
  );
}

