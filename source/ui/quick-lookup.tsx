/**
 * Ctrl-P: find any secret in any vault the identity can read. Names are fetched once per session
 * (the `lookup` cache entry) and ranked fuzzy per keystroke. Typing edits the query; ↓ (or Tab) moves
 * to the results, where `c` copies the value at once, Enter opens it in pane 2, R refreshes the names.
 * Its keys are the list's own commands (up, down, pageUp, pageDown, open, copy, refresh, back) —
 * while the query is typed only their control keys, since letters are the query.
 */
import { Box } from 'ink';
import { Text } from './components/text.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listAll, type Backend } from '../backend/backend.js';
import type { Vault } from '../domain/vault.js';
import { useApp } from './app-context.js';
import type { Column } from './components/columns.js';
import { Spinner } from './components/spinner.js';
import { Table } from './components/table.js';
import { buildIndex, filterIndex, warmUp, type FilterIndex, type FilterResult } from './fuzzy.js';
import { editText } from './components/text-input.js';
import { useCapture } from './input-router.js';
import { hintLine } from './keymap/keymap.js';
import { copySecretValue } from './panes/secrets/copy.js';
import { cacheKeys } from './session-cache.js';
import type { SecretProperties } from '../domain/secret.js';

export interface LookupEntry {
  vault: Vault;
  name: string;
}

export interface LookupIndex {
  entries: LookupEntry[];
  index: FilterIndex;
  /** Vaults whose secrets the identity cannot list. */
  unreadable: string[];
}

/**
 * Every secret name of every vault. `loaded` gives a vault's list when the session already has it (the
 * secrets pane's cache): that vault is not listed again — at 100,000 secrets that saves ~150 ms and a
 * second copy of the list in memory.
 */
export async function loadLookupIndex(backend: Backend, signal?: AbortSignal, loaded?: (vault: Vault) => readonly { name: string }[] | undefined): Promise<LookupIndex> {
  const vaults = await backend.vaults.list(undefined, { signal });
  const unreadable: string[] = [];
  const lists = await Promise.all(vaults.map((v) => loaded?.(v) ??
    listAll((p) => backend.secrets.listPage(v, p, { signal }), undefined, 1000).catch((e) => {
      if ((e as Error)?.name === 'AbortError') throw e;
      unreadable.push(v.name);
      return [];
    })));
  const entries: LookupEntry[] = [];
  lists.forEach((items, i) => { for (const s of items) entries.push({ vault: vaults[i], name: s.name }); });
  const index = buildIndex(entries.map((e) => e.name));
  // Warm the filter up (JIT) so the first keystrokes are as fast as the later ones.
  if (entries.length > 5000) warmUp(index);
  return { entries, index, unreadable };
}

const COLUMNS: Column<LookupEntry>[] = [
  { key: 'name', header: 'SECRET', flex: 3, min: 20, match: true, value: (e) => e.name },
  { key: 'vault', header: 'VAULT', flex: 2, min: 12, value: (e) => e.vault.name },
];

/** The list's commands, reused here, and the two of quick lookup's own. */
const LOOKUP_COMMANDS = ['back', 'open', 'copy', 'refresh', 'up', 'down', 'pageUp', 'pageDown', 'lookup.results', 'lookup.query', 'lookup.close'] as const;

export function QuickLookup({ width, height, onClose }: { width: number; height: number; onClose: () => void }) {
  const app = useApp();
  const [data, setData] = useState<LookupIndex | undefined>(() => app.cache.get<LookupIndex>(cacheKeys.lookup()));
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const [query, setQuery] = useState('');
  const [inResults, setInResults] = useState(false);
  const [selected, setSelected] = useState(0);
  const prev = useRef<FilterResult | undefined>(undefined);

  useEffect(() => {
    if (data) return;
    const ac = new AbortController();
    loadLookupIndex(app.backend, ac.signal, (v) => app.cache.get<SecretProperties[]>(cacheKeys.secrets(v))).then((d) => { app.cache.set(cacheKeys.lookup(), d); setData(d); }, (e) => { if (!ac.signal.aborted) setError(app.fail(e)); });
    return () => ac.abort();
  }, [generation]); // eslint-disable-line react-hooks/exhaustive-deps

  const result = useMemo(() => {
    if (!data) return undefined;
    const r = filterIndex(data.index, query, prev.current);
    return r;
  }, [data, query]);
  useEffect(() => { prev.current = result; }, [result]);

  const rows = Math.max(3, height - 6);
  const count = result?.indices.length ?? 0;
  const sel = Math.min(selected, Math.max(0, count - 1));
  const offset = Math.max(0, sel - rows + 1);
  const current = data && result && count > 0 ? data.entries[result.indices[sel]] : undefined;

  const type = (q: string) => { setQuery(q); setSelected(0); setInResults(false); };
  const openIt = () => {
    if (!current) return;
    onClose();
    app.selectVault(current.vault);
    app.requestOpen({ vaultName: current.vault.name, secretName: current.name });
    app.goto('secrets');
  };
  const refresh = () => { app.cache.delete(cacheKeys.lookup()); prev.current = undefined; setData(undefined); setGeneration((g) => g + 1); };

  useCapture((input, key, name) => {
    const cmd = app.keymap.commandFor(name, LOOKUP_COMMANDS, { typing: !inResults });
    if (cmd === 'back' || cmd === 'lookup.close') onClose();
    else if (cmd === 'open') openIt();
    else if (cmd === 'copy') { if (current) void copySecretValue(app, current.vault, current.name).then((ok) => ok && inResults && onClose()); }
    else if (cmd === 'refresh') refresh();
    else if (cmd === 'up') setSelected(Math.max(0, sel - 1));
    // The first ↓ from the query goes to the results (on the best match); then it moves.
    else if (cmd === 'down' || cmd === 'lookup.results') { if (inResults) setSelected(Math.min(count - 1, sel + 1)); setInResults(true); }
    else if (cmd === 'pageUp') setSelected(Math.max(0, sel - rows));
    else if (cmd === 'pageDown') setSelected(Math.min(count - 1, sel + rows));
    else if (cmd === 'lookup.query') setInResults(false);
    else {
      const next = editText(app.keymap, query, input, key, name);
      if (next !== undefined) type(next);
    }
    return true;
  });

  const theme = app.theme;
  return (
    <Box flexDirection="column" width={width} paddingX={1} borderStyle="round" borderColor={theme.accent}>
      <Box>
        <Text bold color={theme.accent}>Find a secret › </Text>
        <Text>{query}</Text>
        {!inResults && <Text inverse> </Text>}
        <Text color={theme.muted}>{data ? `   ${count.toLocaleString('en-US')} of ${data.entries.length.toLocaleString('en-US')} in every vault` : ''}</Text>
      </Box>
      {error ? <Text color={theme.error}>{error}</Text> : !data ? <Spinner label="Fetching secret names from every vault…" theme={theme} /> : count === 0 ? (
        <Text color={theme.muted}>{query ? `No secret matches “${query}”.` : 'No secrets you can read.'}</Text>
      ) : (
        <Table columns={COLUMNS} items={data.entries} indices={result!.indices} selected={sel} offset={offset} height={rows} width={width - 4} query={query} theme={theme} />
      )}
      <Text color={theme.muted} wrap="truncate">
        {inResults
          ? `${hintLine(app.keymap, [['open', 'open'], ['copy', 'copy value'], ['down', 'move'], ['lookup.query', 'back to the query'], ['refresh', 'refresh names'], ['back', 'close']])}`
          : `type to search · ${hintLine(app.keymap, [['down', 'to the results (then copy)'], ['open', 'open'], ['copy', 'copy'], ['back', 'close']], { typing: true })}`}
      </Text>
      {data?.unreadable.length ? <Text color={theme.warn} wrap="truncate">{`Not searched (no secrets/list permission): ${data.unreadable.join(', ')}`}</Text> : null}
    </Box>
  );
}
