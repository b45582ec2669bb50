/**
 * The Keys pane — keys of the selected vault: type, size/curve, permitted operations, enabled, expiry;
 * detail with versions and the rotation policy; new, rotate, configure key usage, rotation policy,
 * delete (soft), and "try it", which signs or encrypts a short text inside the vault to prove the key
 * works. A certificate's own key is marked, and what would change it is shown disabled with why.
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
import { cacheKeys } from '../../session-cache.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { paneCommand } from '../../keymap/commands.js';
import { deleteBinding, managedReason } from '../objects.js';
import { useFirewallOffer } from '../vaults/firewall.js';
import { keyColumns } from './columns.js';
import { keyDetailLines, KeyDetail } from './detail.js';
import { rotationPolicyForm, rotationPolicyText } from './rotation.js';
import { keyUsageForm, newKeyForm, tryItForm } from './forms.js';
import { tryKey, tryOperations, type TryResult } from './try-it.js';
import { TryItResult } from './try-it-view.js';
import { whoCanReadBinding } from '../policies/who-can-read.js';

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
  // Rotation policies: read in the detail, on clouds that have them (Stack Hub's data plane does not).
  const rotationFeature = app.backend.info.features.keyRotationPolicy;
  const rotationLoad = useLoad(detail && rotationFeature ? cacheKeys.keyRotationPolicy(vault, detail) : undefined, (signal) => app.backend.keys.getRotationPolicy(vault, detail!, { signal }));
  const versions = useList<KeyProperties>({ items: versionsLoad.data ?? [], text: (k) => k.version, height: Math.max(2, height - keyDetailLines(rotationFeature) - LIST_CHROME - 1) });
  usePaneCrumbs(open ? [open.name] : []);
  const firewall = useFirewallOffer(loaded.error, loaded.reload);

  const cur = detail ? open : list.current;
  /** A certificate's key changes only with its certificate: the change is shown disabled, with why. */
  const changeable = (k: KeyProperties | undefined): boolean | string => (!k ? false : k.managed ? managedReason('key', k.name) : true);
  const upsert = (k: KeyVaultKey) => loaded.setData((old) => [...(old ?? []).filter((x) => x.name.toLowerCase() !== k.properties.name.toLowerCase()), k.properties].sort(byName));
  const refresh = () => { loaded.reload(); if (detail) { versionsLoad.reload(); jwkLoad.reload(); rotationLoad.reload(); } };

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
      command: 'edit', label: 'key usage', mutating: true, when: () => changeable(cur),
      run: () => {
        const k = cur!;
        void app.form(keyUsageForm(app.backend, vault, app.now, k, (u) => { upsert(u); if (detail) { versionsLoad.reload(); jwkLoad.reload(); } app.flash('success', `${k.name} now permits: ${u.properties.keyOps.join(', ')}.`); }));
      },
    },
    {
      command: 'keys.rotate', label: 'rotate', mutating: true, busy: 'Rotating…', when: () => changeable(cur),
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
      command: 'keys.rotationPolicy', label: 'rotation policy', mutating: true,
      when: () => (!rotationFeature ? false : changeable(cur)),
      run: () => {
        const k = cur!;
        // The form starts from the policy shown in the detail, when it is loaded (the default one otherwise).
        const current = detail === k.name ? rotationLoad.data : undefined;
        void app.form(rotationPolicyForm(app.backend, vault, k.name, current, (p) => {
          if (detail === k.name) rotationLoad.setData(() => p);
          app.flash('success', `${k.name} ${rotationPolicyText(p)}.`);
        }));
      },
    },
    whoCanReadBinding(app, vault, 'key', () => detail),
    deleteBinding(app, vault, 'key', {
      target: () => cur, when: () => changeable(cur), extra: 'Anything encrypted with it cannot be decrypted meanwhile.',
      onDeleted: (name) => { setDetail(undefined); loaded.setData((old) => (old ?? []).filter((x) => x.name !== name)); },
    }),
    ...firewall.bindings,
    { command: 'refresh', label: 'refresh', run: refresh },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && items.length === 0) return <Spinner label={`Loading keys of ${vault.name}…`} theme={app.theme} />;
  if (loaded.error && items.length === 0) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={firewall.hint ?? `Press ${app.key('refresh')} to try again, or pick another vault (${app.key(paneCommand('vaults'))}).`} theme={app.theme} />;
  if (detail && open) {
    const rotation = !rotationFeature ? undefined
      : rotationLoad.data ? rotationPolicyText(rotationLoad.data)
      : rotationLoad.error ? explainError(rotationLoad.error, {}, app.key) : 'loading…';
    const managedBy = open.managed ? managedReason('key', open.name) : undefined;
    return <KeyDetail latest={open} selected={versions.current} jwk={jwkLoad.data?.key} versions={versions} loadingVersions={versionsLoad.loading} rotation={rotation} managedBy={managedBy} width={width} theme={app.theme} now={now} />;
  }
  return (
    <ListView list={list} columns={keyColumns(now)} width={width} theme={app.theme}
      summary={`${countText(items.length, 'key', loaded.loading)} in ${vault.name}${loadNote(loaded, (e) => explainError(e, {}, app.key))} · ${app.key('open')} details · ${app.key('keys.try')} try it`}
      empty={{ title: `No keys in ${vault.name}.`, hint: app.readonly ? 'Start without --readonly to create one.' : `Press ${app.key('new')} to create one.` }} />
  );
}

export const keysPane: PaneDefinition = { id: 'keys', vaultScoped: true, Component: KeysPane };
