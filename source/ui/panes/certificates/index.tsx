/**
 * The Certificates pane — certificates of the selected vault: subject, issuer, thumbprint, expiry with
 * the days left (expired and within 30 days marked), auto-renew. Detail with the policy, SANs and
 * versions; import a .pfx/.pem, create a self-signed one, edit the lifetime action, download the
 * public part or (through the linked secret) the full PFX/PEM to a 0600 file, delete to the bin.
 * A certificate owns a key and a secret of its name: every change here makes those lists stale too.
 */
import { useState } from 'react';
import { listAll } from '../../../backend/backend.js';
import { isAutoRenew, type CertificatePolicy, type CertificateProperties } from '../../../domain/certificate.js';
import { useApp } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useList } from '../../hooks/use-list.js';
import { countText, loadNote } from '../../hooks/list-summary.js';
import { useLoad } from '../../hooks/use-load.js';
import { useOpenRequest } from '../../hooks/use-open-request.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import { paneCommand } from '../../keymap/commands.js';
import { cacheKeys, stale } from '../../session-cache.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { paneNumber } from '../ids.js';
import { deleteBinding } from '../objects.js';
import { expiryState } from '../secrets/columns.js';
import { useFirewallOffer } from '../vaults/firewall.js';
import { certificateColumns, lifetimeActionText } from './columns.js';
import { CERT_DETAIL_LINES, CertificateDetail } from './detail.js';
import { downloadForm, importForm, lifetimeActionForm, saveDownload, selfSignedForm, type Download } from './forms.js';

/** Asked-for page size: the in-process engine honours large pages; Azure caps them at 25. */
const IN_PROCESS_PAGE = 1000;

const byName = (a: CertificateProperties, b: CertificateProperties) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());
const newestFirst = (a: CertificateProperties, b: CertificateProperties) => b.createdOn.getTime() - a.createdOn.getTime();

function CertificatesPane({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault!;
  const now = app.now();
  const [detail, setDetail] = useState<string | undefined>();
  const loaded = useLoad<CertificateProperties[]>(cacheKeys.certificates(vault), (signal, partial) =>
    listAll((p) => app.backend.certificates.listPage(vault, p, { signal }), partial, IN_PROCESS_PAGE).then((cs) => cs.sort(byName)), { cache: true });
  const items = loaded.data ?? [];
  const list = useList<CertificateProperties>({ items, text: (c) => c.name, height: height - LIST_CHROME, partial: loaded.loading });
  const open = detail ? items.find((c) => c.name === detail) : undefined;

  // The detail: the latest version whole (its policy) and every version, newest first.
  const full = useLoad(detail ? cacheKeys.certificate(vault, detail, open?.version ?? '') : undefined, (signal) => app.backend.certificates.get(vault, detail!, undefined, { signal }));
  const versionsLoad = useLoad(detail ? cacheKeys.certificateVersions(vault, detail, open?.version ?? '') : undefined, (signal) =>
    app.backend.certificates.listVersions(vault, detail!, { signal }).then((v) => [...v].sort(newestFirst)));
  const versions = useList<CertificateProperties>({ items: versionsLoad.data ?? [], text: (c) => c.version, height: Math.max(2, height - CERT_DETAIL_LINES - LIST_CHROME - 1) });
  usePaneCrumbs(open ? [open.name] : []);
  useOpenRequest('certificate', vault, loaded, list, (found) => setDetail(found.name));
  const firewall = useFirewallOffer(loaded.error, loaded.reload);

  const cur = detail ? open : list.current;
  /** The version a download takes: the one picked in the detail, else the latest. */
  const version = detail ? (versions.current ?? open) : list.current;

  const upsert = (c: CertificateProperties) => loaded.setData((old) => [...(old ?? []).filter((x) => x.name.toLowerCase() !== c.name.toLowerCase()), c].sort(byName));
  /** A certificate came, changed or went: so did its key and secret (same name), and quick lookup's names. */
  const ownedChanged = () => app.invalidate(stale.secretsOf(vault), stale.keysOf(vault), stale.lookup);
  const added = (c: CertificateProperties, verb: string) => {
    upsert(c);
    ownedChanged();
    list.select((x) => x.name === c.name);
    app.flash('success', `Certificate ${c.name} ${verb}: ${c.subject ?? 'no subject'}, ${c.thumbprint ? `thumbprint ${c.thumbprint}` : 'pending'}.`);
  };
  const policyChanged = (name: string, p: CertificatePolicy) => {
    loaded.setData((old) => old?.map((x) => (x.name === name ? { ...x, autoRenew: isAutoRenew(p) } : x)));
    full.setData((old) => old && { ...old, policy: p });
    app.flash('success', `${name} now ${lifetimeActionText(p.lifetimeActions)}.`);
  };
  const refresh = () => { loaded.reload(); if (detail) { full.reload(); versionsLoad.reload(); } };

  const bindings: Binding[] = [
    ...(detail ? versions.bindings.filter((b) => b.hidden) : list.bindings),
    { command: 'back', label: 'back', when: () => !!detail, run: () => setDetail(undefined) },
    { command: 'open', label: 'details', when: () => !detail && !!list.current, run: () => setDetail(list.current!.name) },
    {
      command: 'new', label: 'new self-signed', mutating: true, when: () => !detail,
      run: () => void app.form(selfSignedForm(app.backend, vault, (c) => added(c.properties, 'created'))),
    },
    { command: 'certs.import', label: 'import', mutating: true, when: () => !detail, run: () => void app.form(importForm(app.backend, vault, (c) => added(c.properties, 'imported'))) },
    {
      command: 'edit', label: 'lifetime action', mutating: true, busy: 'Reading the policy…', when: () => !!cur,
      run: async () => {
        const c = cur!;
        const policy = (detail === c.name ? full.data?.policy : undefined) ?? await app.backend.certificates.getPolicy(vault, c.name);
        void app.form(lifetimeActionForm(app.backend, vault, c.name, policy, (p) => policyChanged(c.name, p)));
      },
    },
    {
      command: 'certs.download', label: 'download', busy: 'Writing the file…',
      when: () => (!version ? false : version.pending ? `${version.name} has no certificate yet (its creation is pending)` : true),
      run: async () => {
        const c = version!;
        let file: Download | undefined;
        if (!(await app.form(downloadForm({ backend: app.backend, vault, certificate: c }, (f) => { file = f; }))) || !file) return;
        const { path, what } = file;
        const written = await saveDownload(file, (p) => app.confirm({ title: `Replace ${p}?`, body: 'A file of that name exists. Replacing it writes the new one readable only by you (mode 0600).', action: 'replace' }));
        app.flash(written ? 'success' : 'info', written ? `Wrote ${what} of ${c.name} to ${path} (readable only by you).` : `Nothing written: ${path} exists and was left as it is.`);
      },
    },
    // Its key and secret go with it (and the lists that show them are dropped with the bin's).
    deleteBinding(app, vault, 'certificate', {
      target: () => cur, extra: 'Its key and secret (same name) go with it, and come back with it.',
      onDeleted: (name) => { setDetail(undefined); loaded.setData((old) => (old ?? []).filter((x) => x.name !== name)); },
    }),
    ...firewall.bindings,
    { command: 'refresh', label: 'refresh', run: refresh },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && items.length === 0) return <Spinner label={`Loading certificates of ${vault.name}…`} theme={app.theme} />;
  if (loaded.error && items.length === 0) {
    return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={firewall.hint ?? `Press ${app.key('refresh')} to try again, or pick another vault (${app.key(paneCommand('vaults'))}).`} theme={app.theme} />;
  }
  if (detail && open) {
    const hint = `${app.key('edit')} lifetime action · ${app.key('certs.download')} download · its key and secret (same name) are in panes ${paneNumber('keys')} and ${paneNumber('secrets')}`;
    return (
      <CertificateDetail latest={open} selected={versions.current} policy={full.data?.policy} policyProblem={full.error ? explainError(full.error, {}, app.key) : undefined}
        versions={versions} loadingVersions={versionsLoad.loading} hint={hint} width={width} theme={app.theme} now={now} />
    );
  }
  const expired = items.filter((c) => expiryState(c.expiresOn, now) === 'expired').length;
  const soon = items.filter((c) => expiryState(c.expiresOn, now) === 'soon').length;
  const marks = `${expired ? ` · ${expired} expired` : ''}${soon ? ` · ${soon} within 30 days` : ''}`;
  return (
    <ListView list={list} columns={certificateColumns(now)} width={width} theme={app.theme}
      summary={`${countText(items.length, 'certificate', loaded.loading)} in ${vault.name}${loadNote(loaded, (e) => explainError(e, {}, app.key))}${marks} · ${app.key('open')} details · ${app.key('certs.import')} import`}
      empty={{ title: `No certificates in ${vault.name}.`, hint: app.readonly ? 'Start without --readonly to add one.' : `Press ${app.key('new')} for a self-signed one, or ${app.key('certs.import')} to import a .pfx or .pem file.` }} />
  );
}

export const certificatesPane: PaneDefinition = { id: 'certificates', vaultScoped: true, Component: CertificatesPane };
