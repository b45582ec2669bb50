/**
 * Pane 2 — Secrets of the selected vault. Names are loaded once (all pages) and filtered locally, so
 * the 100,000-secret vault stays fast. Detail with versions; value masked until `v`; `c` copies.
 */
import { useEffect, useState } from 'react';
import { listAll } from '../../../backend/backend.js';
import type { SecretProperties } from '../../../domain/secret.js';
import { useApp } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { countText, loadNote } from '../../hooks/list-summary.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { useOpenRequest } from '../../hooks/use-open-request.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { paneCommand } from '../../keymap/commands.js';
import { deleteBinding, managedReason } from '../objects.js';
import { useFirewallOffer } from '../vaults/firewall.js';
import { secretColumns } from './columns.js';
import { DETAIL_LINES, SecretDetail } from './detail.js';
import { backupForm, editSecretForm, newSecretForm, restoreForm } from './forms.js';
import { copySecretValue } from './copy.js';
import { useReveal } from './use-reveal.js';
import { whoCanReadBinding } from '../policies/who-can-read.js';
import { openValueViewer } from './view-value.js';

/** Asked-for page size: the in-process engine honours large pages; Azure caps them at 25. */
const IN_PROCESS_PAGE = 1000;

const byName = (a: SecretProperties, b: SecretProperties) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0);

function SecretsPane({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault!;
  const now = app.now();
  const [detail, setDetail] = useState<string | undefined>();
  const reveal = useReveal(app.revealMs);
  // Rows show as pages arrive: the first of a 10,000-secret vault's 400 pages is usable at once.
  const loaded = useLoad<SecretProperties[]>(cacheKeys.secrets(vault), (signal, partial) => listAll((p) => app.backend.secrets.listPage(vault, p, { signal }), partial, IN_PROCESS_PAGE), { cache: true });
  const items = loaded.data ?? [];
  const list = useList<SecretProperties>({ items, text: (s) => s.name, height: height - LIST_CHROME, partial: loaded.loading });
  const open = detail ? items.find((s) => s.name === detail) : undefined;

  const versionsLoad = useLoad(detail ? cacheKeys.secretVersions(vault, detail) : undefined, (signal) =>
    app.backend.secrets.listVersions(vault, detail!, { signal }).then((v) => [...v].sort((a, b) => b.createdOn.getTime() - a.createdOn.getTime())));
  const versions = useList<SecretProperties>({ items: versionsLoad.data ?? [], text: (s) => s.version, height: Math.max(2, height - DETAIL_LINES - LIST_CHROME - 1) });
  const version = detail ? (versions.current ?? open) : list.current;
  usePaneCrumbs(open ? [open.name] : []);
  const firewall = useFirewallOffer(loaded.error, loaded.reload);

  useOpenRequest('secret', vault, loaded, list, (found) => setDetail(found.name));

  const closeDetail = () => { reveal.hide(); setDetail(undefined); };
  const upsert = (p: SecretProperties) => {
    loaded.setData((old) => {
      const rest = (old ?? []).filter((s) => s.name.toLowerCase() !== p.name.toLowerCase());
      const at = rest.findIndex((s) => byName(s, p) > 0);
      rest.splice(at < 0 ? rest.length : at, 0, p);
      return rest;
    });
    app.invalidate(stale.lookup);
  };
  const target = () => (detail ? version : list.current);
  /** A certificate's secret is changed only with its certificate: the change is shown disabled, with why. */
  const changeable = (t: SecretProperties | undefined): boolean | string => (!t ? false : t.managed ? managedReason('secret', t.name) : true);
  const confirmOverwrite = (path: string) => app.confirm({ title: `Overwrite ${path}?`, body: 'The file there is replaced by this backup (readable by you only); what it held is lost.', action: 'overwrite' });

  const bindings: Binding[] = [
    ...(detail ? versions.bindings.filter((b) => b.hidden) : list.bindings),
    { command: 'back', label: 'back', when: () => !!detail, run: closeDetail },
    { command: 'open', label: 'open', when: () => !detail && !!list.current, run: () => setDetail(list.current!.name) },
    {
      command: 'reveal', label: reveal.revealed ? 'hide value' : 'reveal value', when: () => !!target(), busy: 'Reading the value…',
      run: async () => {
        const t = target()!;
        if (reveal.revealed?.id === t.id) return reveal.hide();
        if (!detail) setDetail(t.name);
        try {
          const s = await app.backend.secrets.get(vault, t.name, detail ? t.version : undefined);
          reveal.show({ id: detail ? t.id : s.properties.id, value: s.value });
        } catch (e) { app.fail(e); }
      },
    },
    {
      command: 'secrets.view', label: 'view whole value', when: () => !!target(), busy: 'Reading the value…',
      run: async () => {
        const t = target()!;
        try {
          openValueViewer(app, t.name, (await app.backend.secrets.get(vault, t.name, detail ? t.version : undefined)).value);
        } catch (e) { app.fail(e); }
      },
    },
    { command: 'copy', label: 'copy value', when: () => !!target(), busy: 'Copying…', run: async () => { const t = target()!; await copySecretValue(app, vault, t.name, detail ? t.version : undefined); } },
    {
      command: 'new', label: detail ? 'new version' : 'new secret', mutating: true, when: () => (detail ? changeable(open) : true),
      run: async () => {
        const v = await app.form(newSecretForm(app.backend, vault, app.now, (p) => { upsert(p); app.flash('success', detail ? `New version of ${p.name} saved.` : `Secret ${p.name} created.`); }, detail ? open : undefined));
        if (v && detail) versionsLoad.reload();
      },
    },
    {
      command: 'edit', label: 'edit attributes', mutating: true, when: () => changeable(target()),
      run: async () => {
        const t = target()!;
        const full = detail ? t : t;
        const v = await app.form(editSecretForm(app.backend, vault, app.now, full, (p) => { if (p.version === open?.version || !detail) upsert(p); app.flash('success', `${p.name} updated.`); }));
        if (v && detail) versionsLoad.reload();
      },
    },
    deleteBinding(app, vault, 'secret', {
      target: () => (detail ? open : list.current),
      when: () => changeable(detail ? open : list.current),
      onDeleted: (name) => { closeDetail(); loaded.setData((old) => (old ?? []).filter((s) => s.name !== name)); },
    }),
    { command: 'secrets.backup', label: 'backup', when: () => !!(detail ? open : list.current), run: () => { const t = detail ? open! : list.current!; void app.form(backupForm(app.backend, vault, t.name, confirmOverwrite, (path) => app.flash('success', `Backed up ${t.name} to ${path} (readable by you only).`))); } },
    { command: 'secrets.restore', label: 'restore', mutating: true, run: () => void app.form(restoreForm(app.backend, vault, (p) => { upsert(p); app.flash('success', `Restored ${p.name}.`); })) },
    whoCanReadBinding(app, vault, 'secret', () => detail),
    ...firewall.bindings,
    { command: 'refresh', label: 'refresh', run: () => { app.invalidate(stale.lookup); loaded.reload(); if (detail) versionsLoad.reload(); } },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && items.length === 0) return <Spinner label={`Loading secrets of ${vault.name}…${loaded.progress ? ` ${loaded.progress.toLocaleString('en-US')}` : ''}`} theme={app.theme} />;
  if (loaded.error && items.length === 0) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={firewall.hint ?? `Press ${app.key('refresh')} to try again, or pick another vault (${app.key(paneCommand('vaults'))}).`} theme={app.theme} />;
  if (detail && open) {
    return (
      <SecretDetail latest={open} selected={versions.current} versions={versions} loadingVersions={versionsLoad.loading}
        value={reveal.revealed && reveal.revealed.id === (versions.current ?? open).id ? reveal.revealed.value : undefined}
        width={width} theme={app.theme} now={now} viewKey={app.key('secrets.view')} revealKey={app.key('reveal')} copyKey={app.key('copy')} revealSeconds={Math.round(app.revealMs / 1000)} />
    );
  }
  return (
    <ListView list={list} columns={secretColumns(now)} width={width} theme={app.theme}
      summary={`${countText(items.length, 'secret', loaded.loading)} in ${vault.name}${loadNote(loaded, (e) => explainError(e, {}, app.key))}`}
      empty={{ title: `No secrets in ${vault.name}.`, hint: app.readonly ? 'Start without --readonly to add one.' : `Press ${app.key('new')} to add one, or ${app.key('secrets.restore')} to restore one from a backup file.` }} />
  );
}

export const secretsPane: PaneDefinition = { id: 'secrets', vaultScoped: true, Component: SecretsPane };
