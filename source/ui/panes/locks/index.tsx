/**
 * Pane 5 — Locks on the selected vault and those it inherits from its resource group and
 * subscription: name, level, scope, notes. Add (CanNotDelete or ReadOnly, at any of the three
 * scopes) and remove (confirm).
 */
import { useState } from 'react';
import { resourceGroupScope, subscriptionScope } from '../../../domain/ids.js';
import type { LockLevel, ManagementLock } from '../../../domain/lock.js';
import { useApp } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import type { FormSpec } from '../../components/form.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { usePaneBindings } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { levelText, lockColumns, scopeText } from './columns.js';

const LOCK_NAME = /^[^<>%&:\\?/]{1,90}$/;

function LocksPane({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault!;
  const [subNames, setSubNames] = useState<Record<string, string>>({});
  const loaded = useLoad(cacheKeys.locks(vault), async (signal) => {
    const [locks, subs] = await Promise.all([app.backend.locks.listForVault(vault, { signal }), app.backend.directory.listSubscriptions({ signal }).catch(() => [])]);
    setSubNames(Object.fromEntries(subs.map((s) => [s.id, s.displayName])));
    return locks;
  });
  const rows = loaded.data ?? [];
  const list = useList<ManagementLock>({ items: rows, text: (l) => `${l.name} ${l.notes ?? ''}`, height: height - LIST_CHROME });
  const cur = list.current;
  const where = (scope: string) => scopeText(scope, vault.name, subNames);
  // Pane 1 shows a lock icon per vault.
  const changed = () => { app.invalidate(stale.vaultLists); loaded.reload(); };

  const scopes = [
    { value: vault.id, label: `this vault (${vault.name})` },
    { value: resourceGroupScope(vault.subscriptionId, vault.resourceGroup), label: `resource group ${vault.resourceGroup}` },
    { value: subscriptionScope(vault.subscriptionId), label: `subscription ${subNames[vault.subscriptionId] ?? vault.subscriptionId}` },
  ];
  const addForm: FormSpec = {
    title: `Add a lock (${vault.name})`,
    submitLabel: 'add',
    fields: [
      { name: 'name', label: 'Name', initial: `${vault.name}-lock`, validate: (v) => (LOCK_NAME.test(String(v)) ? undefined : 'Lock names are 1–90 characters without < > % & : \\ ? /.') },
      { name: 'level', label: 'Level', kind: 'select', options: [{ value: 'CanNotDelete', label: 'Delete (CanNotDelete): can change, cannot delete' }, { value: 'ReadOnly', label: 'Read-only (ReadOnly): cannot change or delete' }] },
      { name: 'scope', label: 'Scope', kind: 'select', options: scopes },
      { name: 'notes', label: 'Notes', placeholder: 'why the lock is there (optional)', validate: (v) => (String(v).length > 512 ? 'At most 512 characters.' : undefined) },
    ],
    submit: async (values) => {
      const l = await app.backend.locks.create({ scope: String(values.scope), name: String(values.name), level: String(values.level) as LockLevel, notes: String(values.notes) || undefined });
      app.flash('success', `Lock ${l.name} (${levelText(l.level)}) added on ${where(l.scope)}.`);
      changed();
    },
  };

  const bindings: Binding[] = [
    ...list.bindings,
    { command: 'new', label: 'add lock', mutating: true, run: () => void app.form(addForm) },
    {
      command: 'delete', label: 'remove', mutating: true, busy: 'Removing the lock…', when: () => !!cur,
      confirm: () => cur && {
        title: `Remove the lock ${cur.name}?`,
        body: `${levelText(cur.level)} on ${where(cur.scope)}. Without it, ${cur.scope === vault.id ? vault.name : `everything in ${where(cur.scope)}`} can be ${cur.level === 'ReadOnly' ? 'changed and deleted' : 'deleted'} again.`,
        action: 'remove',
      },
      run: async () => {
        const l = cur!;
        try {
          await app.backend.locks.delete(l.scope, l.name);
          app.flash('success', `Lock ${l.name} removed from ${where(l.scope)}.`);
          changed();
        } catch (e) { app.fail(e); }
      },
    },
    { command: 'refresh', label: 'refresh', run: changed },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && rows.length === 0) return <Spinner label={`Loading the locks of ${vault.name}…`} theme={app.theme} />;
  if (loaded.error) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again.`} theme={app.theme} />;
  return (
    <ListView list={list} columns={lockColumns(vault.name, subNames)} width={width} theme={app.theme}
      summary={`${rows.length} lock${rows.length === 1 ? '' : 's'} on ${vault.name}, its resource group and its subscription`}
      empty={{ title: `No locks on ${vault.name}, its resource group ${vault.resourceGroup} or its subscription.`, hint: app.readonly ? 'Start without --readonly to add one.' : `Press ${app.key('new')} to add one (Delete stops deletion; Read-only stops every change).` }} />
  );
}

export const locksPane: PaneDefinition = { id: 'locks', vaultScoped: true, Component: LocksPane };
