/**
 * Pane 7 — the audit log, newest first (filtered too): time, caller, operation, target, result; a
 * burst of the same operation (the console's own fan-outs) is one row (group.ts). Filters: `f` cycles
 * the result (all / refused / succeeded), `F` picks vault, caller and operation — a whole operation
 * name, never a part of one — in a small form, `/` matches any text of the row. Loaded when the pane
 * mounts and again on R (never cached).
 */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import { useMemo, useState } from 'react';
import type { AuditQuery } from '../../../domain/audit.js';
import { useApp } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { cacheKeys } from '../../session-cache.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { AUDIT_COLUMNS, callerName, rowText } from './columns.js';
import { AuditDetail } from './detail.js';
import { groupBursts, type AuditRow } from './group.js';

type ResultFilter = 'all' | 'failure' | 'success';
const NEXT_RESULT: Record<ResultFilter, ResultFilter> = { all: 'failure', failure: 'success', success: 'all' };
const RESULT_WORDS: Record<ResultFilter, string> = { all: 'all results', failure: 'refused only', success: 'succeeded only' };
const ANY = '*';

interface Filters {
  vaultName?: string;
  callerObjectId?: string;
  callerName?: string;
  operation?: string;
  result: ResultFilter;
}

export function describeFilters(f: Filters): string[] {
  return [
    ...(f.result !== 'all' ? [RESULT_WORDS[f.result]] : []),
    ...(f.vaultName ? [`vault ${f.vaultName}`] : []),
    ...(f.callerObjectId ? [`caller ${f.callerName ?? f.callerObjectId}`] : []),
    ...(f.operation ? [`operation ${f.operation}`] : []),
  ];
}

function AuditPane({ width, height }: PaneProps) {
  const app = useApp();
  const [filters, setFilters] = useState<Filters>({ result: 'all' });
  const [detail, setDetail] = useState(false);
  const [generation, setGeneration] = useState(0);
  const query: AuditQuery = {
    vaultName: filters.vaultName, callerObjectId: filters.callerObjectId, operation: filters.operation,
    result: filters.result === 'all' ? undefined : filters.result, limit: 5000,
  };
  const loaded = useLoad(cacheKeys.audit(query, generation), (signal) => app.backend.audit.query(query, { signal }));
  // On Azure the console can only show what this session did; the vault's full log is in its diagnostics.
  const remote = app.backend.info.kind !== 'demo';
  const hint = useLoad(cacheKeys.auditHint(app.vault), async (signal) =>
    remote && app.vault && app.backend.audit.diagnosticsHint ? app.backend.audit.diagnosticsHint(app.vault, { signal }).catch(() => undefined) : undefined);
  const about = remote ? [`This session's own operations.${hint.data ? ` ${hint.data}` : ''}`] : [];
  // The backend matches a part of the name (SecretGet would also bring SecretGetDeleted): keep the whole name only.
  const entries = useMemo(() => (loaded.data ?? []).filter((e) => !filters.operation || e.operation === filters.operation), [loaded.data, filters.operation]);
  const rows = useMemo(() => groupBursts(entries), [entries]);
  const list = useList<AuditRow>({ items: rows, text: rowText, height: height - LIST_CHROME - about.length, ordered: true });
  const cur = list.current;
  usePaneCrumbs(detail && cur ? [`${cur.entry.operation} #${cur.entry.id}`] : []);
  const active = describeFilters(filters);

  const pickFilters = async () => {
    const [vaults, principals] = await Promise.all([app.backend.vaults.list().catch(() => []), app.backend.directory.listPrincipals().catch(() => [])]);
    const vaultNames = [...new Set([...vaults.map((v) => v.name), ...entries.map((e) => e.vaultName).filter((v): v is string => !!v)])].sort();
    const callers = new Map<string, string>(principals.map((p) => [p.objectId, p.displayName]));
    for (const e of entries) if (!callers.has(e.caller.objectId)) callers.set(e.caller.objectId, callerName(e));
    const operations = [...new Set([...(loaded.data ?? []).map((e) => e.operation), ...(filters.operation ? [filters.operation] : [])])].sort();
    const values = await app.form({
      title: 'Filter the audit log',
      submitLabel: 'apply',
      fields: [
        { name: 'vault', label: 'Vault', kind: 'select', initial: filters.vaultName ?? ANY, options: [{ value: ANY, label: 'any vault' }, ...vaultNames.map((v) => ({ value: v, label: v }))] },
        { name: 'caller', label: 'Caller', kind: 'select', initial: filters.callerObjectId ?? ANY, options: [{ value: ANY, label: 'anyone' }, ...[...callers].map(([id, name]) => ({ value: id, label: `${name} (${id.slice(0, 8)}…)` }))] },
        { name: 'operation', label: 'Operation', kind: 'select', initial: filters.operation ?? ANY, options: [{ value: ANY, label: 'any operation' }, ...operations.map((o) => ({ value: o, label: o }))] },
        { name: 'result', label: 'Result', kind: 'select', initial: filters.result, options: (['all', 'failure', 'success'] as const).map((r) => ({ value: r, label: RESULT_WORDS[r] })) },
      ],
      submit: async () => {},
    });
    if (!values) return;
    const caller = String(values.caller);
    setFilters({
      vaultName: values.vault === ANY ? undefined : String(values.vault),
      callerObjectId: caller === ANY ? undefined : caller,
      callerName: caller === ANY ? undefined : callers.get(caller),
      operation: values.operation === ANY ? undefined : String(values.operation),
      result: String(values.result) as ResultFilter,
    });
  };

  const bindings: Binding[] = [
    ...(detail ? [] : list.bindings),
    { command: 'back', label: 'back', when: () => detail, run: () => setDetail(false) },
    { command: 'open', label: 'details', when: () => !detail && !!cur, run: () => setDetail(true) },
    // Labels are what the key does, its first word enough on a narrow footer ("f refused only" → "f refused").
    { command: 'audit.result', label: RESULT_WORDS[NEXT_RESULT[filters.result]], when: () => !detail, run: () => setFilters((f) => ({ ...f, result: NEXT_RESULT[f.result] })) },
    { command: 'audit.filters', label: 'vault/caller/operation filters', when: () => !detail, run: pickFilters },
    { command: 'audit.clearFilters', label: 'clear filters', when: () => !detail && active.length > 0, run: () => setFilters({ result: 'all' }) },
    { command: 'refresh', label: 'refresh', run: () => setGeneration((g) => g + 1) },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && rows.length === 0) return <Spinner label="Loading the audit log…" theme={app.theme} />;
  if (loaded.error) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again.`} theme={app.theme} />;
  if (detail && cur) return <AuditDetail row={cur} theme={app.theme} height={height} />;
  const refusedCount = entries.filter((e) => e.resultCode >= 400).length;
  const bursts = entries.length - rows.length;
  return (
    <Box flexDirection="column">
      {about.map((line) => <Text key="about" color={app.theme.muted} wrap="truncate-end">{line}</Text>)}
      <ListView list={list} columns={AUDIT_COLUMNS} width={width} theme={app.theme}
        summary={`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first${refusedCount ? `, ${refusedCount} refused` : ''}${bursts ? ` (bursts of one operation on one row)` : ''} · ${active.length ? `filtered: ${active.join(', ')} (${app.key('audit.clearFilters')} clears)` : `${app.key('audit.result')} refused only · ${app.key('audit.filters')} vault/caller`} · ${app.key('refresh')} reload`}
        empty={{ title: active.length ? `No entries for ${active.join(', ')}.` : 'The audit log is empty.', hint: active.length ? `Press ${app.key('audit.clearFilters')} to clear the filters.` : `Every operation on a vault, allowed or refused, is recorded here. Press ${app.key('refresh')} to reload.` }} />
    </Box>
  );
}

export const auditPane: PaneDefinition = { id: 'audit', vaultScoped: false, Component: AuditPane };
