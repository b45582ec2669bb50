/**
 * Pane 3 — Keys of the selected vault: type, size/curve, permitted operations, enabled, expiry;
 * detail with versions; new, rotate, configure key usage, delete (soft), and "try it", which signs
 * or encrypts a short text inside the vault to prove the key works.
 */
import { useState } from 'react';
import { listAll } from '../../../backend/backend.js';
import type { KeyProperties, KeyVaultKey } from '../../../domain/key.js';
import { useApp } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { countText, loadNote } from '../../hooks/list-summary.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { keyColumns } from './columns.js';
import { KEY_DETAIL_LINES, KeyDetail } from './detail.js';
import { keyUsageForm, newKeyForm, tryItForm } from './forms.js';
import { tryKey, tryOperations, type TryResult } from './try-it.js';
import { TryItResult } from './try-it-view.js';

const byName = (a: KeyProperties, b: KeyProperties) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());

function KeysPane({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault!;
  const now = app.now();
  const [detail, setDetail] = useState<string | undefined>();
  // Rows show as pages arrive (in the service's order; sorted by name once all are in).
  const loaded = useLoad<KeyProperties[]>(cacheKeys.keys(vault), (signal, partial) => listAll((p) => app.backend.keys.listPage(vault, p, { signal }), partial).then((ks) => ks.sort(byName)), { cache: true });
  const items = loaded.data ?? [];
  const list = useList<KeyProperties>({ items, text: (k) => k.name, height: height - LIST_CHROME, partial: loaded.loading });
  const open = detail ? items.find((k) => k.name === detail) : undefined;

  const versionsLoad = useLoad(detail ? cacheKeys.keyVersions(vault, detail, open?.version ?? '') : undefined, (signal) =>
    app.backend.keys.listVersions(vault, detail!, { signal }).then((v) => [...v].sort((a, b) => b.createdOn.getTime() - a.createdOn.getTime())));
  const jwkLoad = useLoad(detail ? cacheKeys.keyMaterial(vault, detail, open?.version ?? '') : undefined, (signal) => app.backend.keys.get(vault, detail!, undefined, { signal }));
  const versions = useList<KeyProperties>({ items: versionsLoad.data ?? [], text: (k) => k.version, height: Math.max(2, height - KEY_DETAIL_LINES - LIST_CHROME - 1) });
  usePaneCrumbs(open ? [open.name] : []);

  const cur = detail ? open : list.current;
  const upsert = (k: KeyVaultKey) => loaded.setData((old) => [...(old ?? []).filter((x) => x.name.toLowerCase() !== k.properties.name.toLowerCase()), k.properties].sort(byName));
  const refresh = () => { loaded.reload(); if (detail) { versionsLoad.reload(); jwkLoad.reload(); } };

  const bindings: Binding[] = [
    ...(detail ? versions.bindings.filter((b) => b.hidden) : list.bindings),
    { command: 'back', label: 'back', when: () => !!detail, run: () => setDetail(undefined) },
    { command: 'open', label: 'details', when: () => !detail && !!list.current, run: () => setDetail(list.current!.name) },
    {
      command: 'keys.try', label: 'try it', busy: 'Working inside the vault…',
      when: () => (!cur ? false : tryOperations(cur).length === 0 ? `${cur.name} permits no operation to try (e configures key usage)` : cur.enabled ? true : `${cur.name} is disabled (e to enable it)`),
      run: () => {
        const k = cur!;
        let result: TryResult | undefined;
        void app.form(tryItForm(k, async (op, text) => { result = await tryKey(app.backend, vault, k, op, text); })).then((v) => {
          if (!v || !result) return;
          const r = result;
          app.overlay((close) => <TryItResult result={r} width={Math.min(96, width - 2)} theme={app.theme} onClose={close} />);
        });
      },
    },
    {
      command: 'new', label: 'new key', mutating: true,
      run: () => void app.form(newKeyForm(app.backend, vault, app.now, (k) => {
        upsert(k);
        list.select((x) => x.name === k.properties.name);
        app.flash('success', `Key ${k.properties.name} created (${k.properties.keyType} ${k.properties.keySize ?? k.properties.curve}).`);
      })),
    },
    {
      command: 'edit', label: 'key usage', mutating: true, when: () => !!cur,
      run: () => {
        const k = cur!;
        void app.form(keyUsageForm(app.backend, vault, app.now, k, (u) => { upsert(u); if (detail) { versionsLoad.reload(); jwkLoad.reload(); } app.flash('success', `${k.name} now permits: ${u.properties.keyOps.join(', ')}.`); }));
      },
    },
    {
      command: 'keys.rotate', label: 'rotate', mutating: true, busy: 'Rotating…', when: () => !!cur,
      confirm: () => cur && { title: `Rotate key ${cur.name}?`, body: `A new version of ${cur.name} is created with the same type and operations and becomes the current one. Older versions stay, so what they encrypted or signed still works.`, action: 'rotate' },
      run: async () => {
        const k = cur!;
        try {
          const r = await app.backend.keys.rotate(vault, k.name);
          upsert(r);
          app.flash('success', `Key ${k.name} rotated: new version ${r.properties.version.slice(0, 8)}….`);
        } catch (e) { app.fail(e); }
      },
    },
    {
      command: 'delete', label: 'delete', mutating: true, busy: 'Deleting…', when: () => !!cur,
      confirm: () => cur && { title: `Delete key ${cur.name}?`, body: `${cur.name} and all its versions go to the bin (pane 6), where it can be recovered for ${cur.recoverableDays || 'the retention'} days. Anything encrypted with it cannot be decrypted meanwhile.`, action: 'delete' },
      run: async () => {
        const k = cur!;
        try {
          await app.backend.keys.delete(vault, k.name);
          setDetail(undefined);
          loaded.setData((old) => (old ?? []).filter((x) => x.name !== k.name));
          app.invalidate(stale.binOf(vault));
          app.flash('success', `Key ${k.name} deleted. Recover it from pane 6 (Deleted) with r.`);
        } catch (e) { app.fail(e); }
      },
    },
    { command: 'refresh', label: 'refresh', run: refresh },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && items.length === 0) return <Spinner label={`Loading keys of ${vault.name}…`} theme={app.theme} />;
  if (loaded.error && items.length === 0) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again, or pick another vault (${app.key('pane.1')}).`} theme={app.theme} />;
  if (detail && open) {
    return <KeyDetail latest={open} selected={versions.current} jwk={jwkLoad.data?.key} versions={versions} loadingVersions={versionsLoad.loading} width={width} theme={app.theme} now={now} />;
  }
  return (
    <ListView list={list} columns={keyColumns(now)} width={width} theme={app.theme}
      summary={`${countText(items.length, 'key', loaded.loading)} in ${vault.name}${loadNote(loaded, (e) => explainError(e, {}, app.key))} · ${app.key('open')} details · ${app.key('keys.try')} try it`}
      empty={{ title: `No keys in ${vault.name}.`, hint: app.readonly ? 'Start without --readonly to create one.' : `Press ${app.key('new')} to create one.` }} />
  );
}

export const keysPane: PaneDefinition = { id: 'keys', title: 'Keys', vaultScoped: true, Component: KeysPane };
