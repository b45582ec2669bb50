/**
 * Ctrl-P: find any secret or certificate in any vault the identity can read. The names come from the
 * session's index (lookup-index.ts), which reads vault after vault — recently opened ones first — and
 * matches show as their vaults arrive, with the progress ("38 of 203 vaults"); results are ranked fuzzy
 * per keystroke, recent vaults first within each rank. Typing edits the query; ↓ (or Tab) moves to the
 * results, where `c` copies a secret's value at once, Enter opens it (a secret in pane 2, a certificate
 * in the Certificates pane), R reads every name again.
 * Its keys are the list's own commands (up, down, pageUp, pageDown, open, copy, refresh, back) —
 * while the query is typed only their control keys, since letters are the query.
 */
import { Box } from 'ink';
import { Text } from './components/text.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp, type AppServices } from './app-context.js';
import type { Column } from './components/columns.js';
import { Spinner } from './components/spinner.js';
import { Table } from './components/table.js';
import { explainError } from './explain-error.js';
import { filterIndex, type FilterResult } from './fuzzy.js';
import { editText } from './components/text-input.js';
import { useCapture } from './input-router.js';
import { hintLine } from './keymap/keymap.js';
import { byRecency, LookupLoader, type LookupEntry, type LookupView, type Unreadable } from './lookup-index.js';
import { copySecretValue } from './panes/secrets/copy.js';
import type { VaultRow } from './panes/vaults/columns.js';
import { recentVaults } from './recent-vaults.js';
import { cacheKeys } from './session-cache.js';

export { loadLookupIndex, type LookupEntry, type LookupView } from './lookup-index.js';

const COLUMNS: Column<LookupEntry>[] = [
  { key: 'name', header: 'NAME', flex: 3, min: 20, match: true, value: (e) => e.name },
  { key: 'kind', header: 'KIND', width: 11, value: (e) => e.kind },
  { key: 'vault', header: 'VAULT', flex: 2, min: 12, value: (e) => e.vault.name },
];

/** The list's commands, reused here, and the two of quick lookup's own. */
const LOOKUP_COMMANDS = ['back', 'open', 'copy', 'refresh', 'up', 'down', 'pageUp', 'pageDown', 'lookup.results', 'lookup.query', 'lookup.close'] as const;

/** The session's index: the one already reading (or read), else a new one. */
function lookupLoader(app: AppServices): LookupLoader {
  const key = cacheKeys.lookup();
  const have = app.cache.get<LookupLoader>(key);
  if (have) return have;
  const loader = new LookupLoader(app.backend, {
    recent: recentVaults(app.settings),
    vaults: app.cache.get<VaultRow[]>(cacheKeys.vaults())?.map((r) => r.vault),
    known: (vault, kind) => app.cache.get<{ name: string }[]>(cacheKeys.objects(kind, vault)),
    concurrency: app.backend.info.concurrency,
  });
  app.cache.set(key, loader);
  return loader;
}

const n = (x: number) => x.toLocaleString('en-US');

/** "12 of 40,250 so far · 38 of 203 vaults", then "12 of 60,454 in every vault". */
function progressText(view: LookupView, count: number): string {
  const names = `${n(count)} of ${n(view.index.lower.length)}`;
  if (view.done) return `${names} in every vault`;
  return `${names} so far · ${n(view.vaultsDone)} of ${n(view.vaultsKnown)}${view.vaultsListed ? '' : '+'} vaults`;
}

/** "Not searched (no secrets/list permission): a, b · (could not list certificates): c". */
function unreadableText(list: readonly Unreadable[]): string {
  const groups = new Map<string, string[]>();
  for (const u of list) {
    const why = u.forbidden ? `no ${u.kind}s/list permission` : `could not list ${u.kind}s`;
    groups.set(why, [...(groups.get(why) ?? []), u.vault]);
  }
  return `Not searched ${[...groups].map(([why, vaults]) => `(${why}): ${vaults.join(', ')}`).join(' · ')}`;
}

export function QuickLookup({ width, height, onClose }: { width: number; height: number; onClose: () => void }) {
  const app = useApp();
  const [loader, setLoader] = useState(() => lookupLoader(app));
  const [view, setView] = useState(() => loader.current());
  const [query, setQuery] = useState('');
  const [inResults, setInResults] = useState(false);
  const [selected, setSelected] = useState(0);
  // The last result and the index it belongs to: a longer query narrows it (only for the same index).
  const prev = useRef<{ index: LookupView['index']; result: FilterResult } | undefined>(undefined);

  // Closing leaves the index reading: opening again goes on where it was.
  useEffect(() => {
    setView(loader.current());
    return loader.subscribe(() => setView(loader.current()));
  }, [loader]);

  const result = useMemo(() => filterIndex(view.index, query, prev.current?.index === view.index ? prev.current.result : undefined), [view.index, query]);
  prev.current = { index: view.index, result };
  const indices = useMemo(() => byRecency(result, view.ranks), [result, view.ranks]);

  const rows = Math.max(3, height - 6);
  const count = indices.length;
  // In the results, the entry the user moved to stays selected as names arrive around it.
  const chosen = useRef<number | undefined>(undefined);
  const shown = useRef(indices);
  let sel = Math.min(selected, Math.max(0, count - 1));
  if (shown.current !== indices) {
    shown.current = indices;
    const at = inResults && chosen.current !== undefined ? indices.indexOf(chosen.current) : -1;
    if (at >= 0 && at !== sel) { sel = at; setSelected(at); }
  }
  const offset = Math.max(0, sel - rows + 1);
  const current = count > 0 ? view.entries[indices[sel]] : undefined;
  chosen.current = count > 0 ? indices[sel] : undefined;

  const type = (q: string) => { setQuery(q); setSelected(0); setInResults(false); };
  const move = (to: number) => setSelected(Math.max(0, Math.min(count - 1, to)));
  const openIt = () => {
    if (!current) return;
    onClose();
    app.selectVault(current.vault);
    app.requestOpen({ vaultName: current.vault.name, name: current.name, kind: current.kind });
    app.goto(current.kind === 'certificate' ? 'certificates' : 'secrets');
  };
  const copyIt = () => {
    if (!current) return;
    if (current.kind !== 'secret') { app.flash('info', `${current.name} is a certificate: ${app.key('open')} opens it.`); return; }
    void copySecretValue(app, current.vault, current.name).then((ok) => ok && inResults && onClose());
  };
  const refresh = () => {
    app.cache.delete(cacheKeys.lookup()); // stops the old one
    prev.current = undefined;
    setLoader(lookupLoader(app));
  };

  useCapture((input, key, name) => {
    const cmd = app.keymap.commandFor(name, LOOKUP_COMMANDS, { typing: !inResults });
    if (cmd === 'back' || cmd === 'lookup.close') onClose();
    else if (cmd === 'open') openIt();
    else if (cmd === 'copy') copyIt();
    else if (cmd === 'refresh') refresh();
    else if (cmd === 'up') move(sel - 1);
    // The first ↓ from the query goes to the results (on the best match); then it moves.
    else if (cmd === 'down' || cmd === 'lookup.results') { if (inResults) move(sel + 1); setInResults(true); }
    else if (cmd === 'pageUp') move(sel - rows);
    else if (cmd === 'pageDown') move(sel + rows);
    else if (cmd === 'lookup.query') setInResults(false);
    else {
      const next = editText(app.keymap, query, input, key, name);
      if (next !== undefined) type(next);
    }
    return true;
  });

  const theme = app.theme;
  const empty = view.index.lower.length === 0;
  return (
    <Box flexDirection="column" width={width} paddingX={1} borderStyle="round" borderColor={theme.accent}>
      <Box>
        <Text bold color={theme.accent}>Find a secret or certificate › </Text>
        <Text>{query}</Text>
        {!inResults && <Text inverse> </Text>}
        <Text color={theme.muted}>{empty && !view.done ? '' : `   ${progressText(view, count)}`}</Text>
      </Box>
      {view.error ? <Text color={theme.error}>{explainError(view.error, {}, app.key)}</Text>
        : empty && !view.done ? <Spinner label={`Fetching names from every vault… ${n(view.vaultsDone)} of ${n(view.vaultsKnown)}${view.vaultsListed ? '' : '+'} vaults`} theme={theme} />
        : count === 0 ? <Text color={theme.muted}>{query ? `Nothing matches “${query}”${view.done ? '' : ' so far'}.` : 'No secrets or certificates you can read.'}</Text>
        : <Table columns={COLUMNS} items={view.entries} indices={indices} selected={sel} offset={offset} height={rows} width={width - 4} query={query} theme={theme} />}
      <Text color={theme.muted} wrap="truncate">
        {inResults
          ? `${hintLine(app.keymap, [['open', 'open'], ['copy', 'copy value'], ['down', 'move'], ['lookup.query', 'back to the query'], ['refresh', 'refresh names'], ['back', 'close']])}`
          : `type to search · ${hintLine(app.keymap, [['down', 'to the results (then copy)'], ['open', 'open'], ['copy', 'copy'], ['back', 'close']], { typing: true })}`}
      </Text>
      {view.unreadable.length ? <Text color={theme.warn} wrap="truncate">{unreadableText(view.unreadable)}</Text> : null}
    </Box>
  );
}
