/**
 * The Vaults pane: every vault the identity can see, across subscriptions, with locks and network
 * exposure; detail (network rules included); new; delete; and removing an IP rule kvdeck added.
 */
import { useEffect, useRef, useState } from 'react';
import type { Backend } from '../../../backend/backend.js';
import type { Subscription } from '../../../domain/directory.js';
import type { ManagementLock } from '../../../domain/lock.js';
import type { Vault } from '../../../domain/vault.js';
import { useApp } from '../../app-context.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { EmptyState } from '../../components/empty-state.js';
import { explainError } from '../../explain-error.js';
import { countText, loadNote } from '../../hooks/list-summary.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import { useSubscriptionFilter } from '../../sub-filter.js';
import { deleteAccessNote, recoveredWith, warnIfRolesGone } from '../policies/vault-notes.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { paneCommand } from '../../keymap/commands.js';
import { paneRef, type PaneId } from '../ids.js';
import { vaultColumns, type VaultRow } from './columns.js';
import { VaultDetail } from './detail.js';
import { removeAddedRule, rulesAdded } from './firewall.js';
import { newVaultForm } from './new-vault.js';

/**
 * Pane 1's rows. Each subscription's vaults show as it answers (`onRows` hears the rows so far, sorted),
 * without waiting for the slowest subscription; locks (one listing per subscription on Azure) are asked
 * for as the vaults arrive and filled in when they answer. Resolves with every row and its locks.
 */
export async function loadVaultRows(backend: Backend, sub: string | undefined, signal: AbortSignal, onRows?: (rows: VaultRow[]) => void): Promise<VaultRow[]> {
  let subs: Subscription[] | undefined;
  const found = new Map<string, { vault: Vault; locks: ManagementLock[] }>();
  const rows = () => [...found.values()]
    .map(({ vault, locks }) => ({ vault, locks, subscriptionName: subs?.find((s) => s.id === vault.subscriptionId)?.displayName ?? vault.subscriptionId }))
    .sort((a, b) => a.vault.name.localeCompare(b.vault.name));
  const locked: Promise<void>[] = [];
  const add = (vaults: readonly Vault[]) => {
    for (const vault of vaults) {
      if (found.has(vault.id)) continue;
      const entry = { vault, locks: [] as ManagementLock[] };
      found.set(vault.id, entry);
      locked.push(backend.locks.listForVault(vault, { signal }).catch(() => [] as ManagementLock[]).then((locks) => {
        entry.locks = locks;
        if (locks.length && !signal.aborted) onRows?.(rows());
      }));
    }
  };
  const [vaults] = await Promise.all([
    backend.vaults.list(sub, { signal, onPart: (part) => { add(part); if (subs) onRows?.(rows()); } }),
    backend.directory.listSubscriptions({ signal }).then((s) => { subs = s; if (found.size) onRows?.(rows()); }),
  ]);
  add(vaults);
  if (locked.length) onRows?.(rows());
  await Promise.all(locked);
  return rows();
}

function VaultsPane({ width, height }: PaneProps) {
  const app = useApp();
  const sub = useSubscriptionFilter();
  const [detail, setDetail] = useState(false);
  const loaded = useLoad<VaultRow[]>(cacheKeys.vaults(sub), (signal, partial) => loadVaultRows(app.backend, sub, signal, partial), { cache: true });
  const rows = loaded.data ?? [];
  const list = useList<VaultRow>({
    items: rows,
    text: (r) => r.vault.name,
    height: height - LIST_CHROME,
    partial: loaded.loading,
    onSelect: (r) => { if (positioned.current && r && r.vault.id !== app.vault?.id) app.selectVault(r.vault); },
  });
  // Open on the vault already selected (the last one used, or the one picked before leaving pane 1)
  // instead of selecting the first row over it; the cursor drives the selection from then on.
  const positioned = useRef(false);
  useEffect(() => {
    if (positioned.current || rows.length === 0 || app.vaultPending) return;
    const at = app.vault?.id;
    // Its subscription may not have answered yet.
    if (at && loaded.loading && !rows.some((r) => r.vault.id === at)) return;
    positioned.current = true;
    if (!(at && list.select((r) => r.vault.id === at)) && list.current) app.selectVault(list.current.vault);
  }, [rows, app.vaultPending]); // eslint-disable-line react-hooks/exhaustive-deps
  const cur = list.current;
  usePaneCrumbs(detail && cur ? [cur.vault.name] : []);

  const refresh = () => { app.invalidate(stale.vaultLists, stale.lookup); loaded.reload(); };
  /** A vault came or went (created, recovered, deleted): every list that shows it, and what the session held about it. */
  const vaultChanged = (v: { id: string }) => { app.invalidate(stale.bins, stale.vault(v)); refresh(); };

  const added = cur ? rulesAdded(app, cur.vault.id) : [];
  const bindings: Binding[] = [
    ...(detail ? [] : list.bindings),
    { command: 'back', label: 'back', when: () => detail, run: () => setDetail(false) },
    { command: 'open', label: 'details', when: () => !detail && !!cur, run: () => setDetail(true) },
    {
      command: 'new', label: 'new vault', mutating: true, busy: 'Loading resource groups…',
      run: async () => {
        const subs = await app.backend.directory.listSubscriptions();
        const groups = (await Promise.all(subs.map((s) => app.backend.directory.listResourceGroups(s.id)))).flat();
        void app.form(newVaultForm({
          backend: app.backend, subscriptions: subs, resourceGroups: groups, recoverKey: app.key('vaults.recoverDeleted'),
          onCreated: (v) => { app.flash('success', `Vault ${v.name} created.`); vaultChanged(v); app.selectVault(v); },
          onRecovered: (v) => { app.flash('success', `Vault ${v.name} recovered, ${recoveredWith(v)}`); vaultChanged(v); app.selectVault(v); warnIfRolesGone(app, v); },
        }));
      },
    },
    {
      command: 'delete', label: 'delete', mutating: true, busy: 'Deleting…',
      when: () => (cur ? true : false),
      confirm: () => cur && {
        title: `Delete vault ${cur.vault.name}?`,
        body: `The vault goes to the bin (${paneRef('deleted')}) for ${cur.vault.softDeleteRetentionDays} days with its secrets and keys; its name stays taken until it is purged.${deleteAccessNote(cur.vault)}${cur.locks.length ? ` Note: it is locked (${cur.locks.map((l) => l.name).join(', ')}), so Azure will refuse.` : ''}`,
        action: 'delete',
      },
      run: async () => {
        if (!cur) return;
        try {
          await app.backend.vaults.delete(cur.vault);
          app.flash('success', `Vault ${cur.vault.name} deleted. It is in the bin (${paneRef('deleted')}) and can be recovered with ${app.key('recover')}.`);
          if (app.vault?.id === cur.vault.id) app.selectVault(undefined);
          setDetail(false);
          vaultChanged(cur.vault);
        } catch (e) {
          app.fail(e, { locks: cur.locks });
        }
      },
    },
    {
      command: 'vaults.removeAddedRule', label: `remove ${added.map((r) => r.rule).join(', ')}`, mutating: true, busy: 'Removing the IP rule…',
      when: () => added.length > 0,
      confirm: () => cur && { title: `Remove ${added.map((r) => r.rule).join(', ')} from the firewall of ${cur.vault.name}?`, body: 'kvdeck added this IP rule this session; calls from that address are refused again once it is gone.', action: 'remove' },
      run: async () => {
        const v = cur!.vault;
        for (const r of added) if (!(await removeAddedRule(app, v, r.rule))) return;
        loaded.reload();
      },
    },
    { command: 'refresh', label: 'refresh', run: refresh },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && rows.length === 0) return <Spinner label="Loading vaults…" theme={app.theme} />;
  if (loaded.error && rows.length === 0) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again.`} theme={app.theme} />;
  if (detail && cur) {
    const k = (id: PaneId) => app.key(paneCommand(id));
    const hint = `${app.key('back')} back · ${k('secrets')} secrets · ${k('keys')} keys · ${k('certificates')} certificates · ${k('access')} access · ${k('locks')} locks`;
    return <VaultDetail row={cur} theme={app.theme} height={height} features={app.backend.info.features} added={{ rules: added.map((r) => r.rule), removeKey: app.key('vaults.removeAddedRule') }} hint={hint} />;
  }
  const allAdded = rulesAdded(app);
  const reminder = allAdded.length ? ` · kvdeck opened ${allAdded.map((r) => `${r.vaultName} to ${r.rule}`).join(', ')} (${app.key('vaults.removeAddedRule')} on it closes)` : '';
  return (
    <ListView
      list={list} columns={vaultColumns(app.backend.info.features)} width={width} theme={app.theme}
      summary={`${countText(rows.length, 'vault', loaded.loading)}${sub ? '' : ' across subscriptions'}${loadNote(loaded, (e) => explainError(e, {}, app.key))}${reminder} · ${app.key('open')} details · ${app.key(paneCommand('secrets'))} secrets of the selected vault`}
      empty={{ title: sub ? 'No vaults in this subscription.' : 'No vaults you can see.', hint: app.readonly ? 'Start without --readonly to create one.' : `Press ${app.key('new')} to create one, or ${app.key('palette')}sub to show every subscription.` }}
    />
  );
}

export const vaultsPane: PaneDefinition = { id: 'vaults', vaultScoped: false, Component: VaultsPane };
