/**
 * The Deleted pane — the bin: soft-deleted vaults (every subscription) and the deleted secrets, keys and certificates of the
 * selected vault, with their purge dates and days left. `r` recovers (the item goes back to its pane),
 * `P` purges after the name is typed — refused up front, without a call, when purge protection
 * forbids it.
 */
import { lifecycleOf, type Backend } from '../../../backend/backend.js';
import { OBJECT_KIND_LIST, type ObjectKind } from '../../../domain/object-kind.js';
import type { Vault } from '../../../domain/vault.js';
import { useApp, type AppServices } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { usePaneBindings } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import { recoveredWith, warnIfRolesGone } from '../policies/vault-notes.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { paneNumber, paneRef, type PaneId } from '../ids.js';
import { binColumns, objectRow, purgeRefusal, vaultRow, type BinRow } from './columns.js';

const KIND_ORDER: Record<BinRow['kind'], number> = { vault: 0, secret: 1, key: 2, certificate: 3 };

/** Where each kind lives in the console, for "it is back in pane N" (the number from the pane table). */
const KIND_HOME: Record<ObjectKind, { label: string; pane: PaneId }> = {
  secret: { label: 'Secret', pane: 'secrets' },
  key: { label: 'Key', pane: 'keys' },
  certificate: { label: 'Certificate', pane: 'certificates' },
};

interface Bin {
  rows: BinRow[];
  /** Why the vault's own bin could not be listed (a missing permission), if so. */
  vaultProblem?: string;
}

async function loadBin(backend: Backend, vault: Vault | undefined, signal: AbortSignal): Promise<Bin> {
  const [vaults, subs] = await Promise.all([backend.deleted.listVaults(undefined, { signal }), backend.directory.listSubscriptions({ signal }).catch(() => [])]);
  const subName = (id: string) => subs.find((s) => s.id === id)?.displayName ?? id;
  const rows = vaults.map((d) => vaultRow(d, subName(d.subscriptionId)));
  let vaultProblem: string | undefined;
  if (vault) {
    try {
      const perKind = await Promise.all(OBJECT_KIND_LIST.map(async (kind) =>
        (await lifecycleOf(backend, kind).listDeleted(vault, { signal })).map((d) => objectRow(kind, d, vault))));
      rows.push(...perKind.flat());
    } catch (e) {
      vaultProblem = explainError(e);
    }
  }
  rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.deletedOn.getTime() - a.deletedOn.getTime());
  return { rows, vaultProblem };
}

/** Where a recovered item shows up again, and which caches to drop so it does. */
function afterRecover(app: AppServices, r: BinRow, vault: Vault | undefined, recovered?: Vault): string {
  if (r.kind === 'vault') {
    app.invalidate(stale.vaultLists, stale.lookup, stale.vault({ id: r.item.vaultId }));
    if (recovered) warnIfRolesGone(app, recovered);
    return `Vault ${r.name} is back in ${paneRef('vaults')}, ${recoveredWith(recovered ?? { enableRbacAuthorization: false })}`;
  }
  const home = KIND_HOME[r.kind];
  if (vault) app.invalidate(stale.objectsOf(r.kind, vault));
  app.invalidate(stale.lookup);
  return `${home.label} ${r.name} is back in ${paneRef(home.pane, ` of ${r.where}`)}, with all its versions.`;
}

function DeletedPane({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault;
  const now = app.now();
  // Cached: every delete anywhere drops it (stale.bins, stale.binOf); R lists again.
  const loaded = useLoad(cacheKeys.bin(vault), (signal) => loadBin(app.backend, vault, signal), { cache: true });
  const rows = loaded.data?.rows ?? [];
  const list = useList<BinRow>({ items: rows, text: (r) => `${r.kind} ${r.name}`, height: height - LIST_CHROME });
  const cur = list.current;

  const bindings: Binding[] = [
    ...list.bindings,
    {
      command: 'recover', label: 'recover', mutating: true, when: () => !!cur,
      busy: cur ? `Recovering ${cur.kind} ${cur.name}…` : 'Recovering…',
      run: async () => {
        const r = cur!;
        try {
          const recovered = r.kind === 'vault' ? await app.backend.deleted.recoverVault(r.item) : void await lifecycleOf(app.backend, r.kind).recover(vault!, r.name);
          app.flash('success', afterRecover(app, r, vault, recovered));
          loaded.setData((old) => old && { ...old, rows: old.rows.filter((x) => x !== r) });
        } catch (e) { app.fail(e); }
      },
    },
    {
      command: 'purge', label: 'purge', mutating: true, busy: 'Purging…',
      when: () => (!cur ? false : purgeRefusal(cur, now) ?? true),
      confirm: () => cur && {
        title: `Purge ${cur.kind} ${cur.name} for good?`,
        body: `This cannot be undone: ${cur.name} is destroyed now instead of on ${cur.scheduledPurgeDate.toISOString().slice(0, 10)}${cur.kind === 'vault' ? ', with every secret and key in it, and its name becomes free' : ', with all its versions'}.`,
        typeName: cur.name, action: 'Purge',
      },
      run: async () => {
        const r = cur!;
        try {
          if (r.kind === 'vault') await app.backend.deleted.purgeVault(r.item);
          else await lifecycleOf(app.backend, r.kind).purge(vault!, r.name);
          app.flash('success', `${r.kind.charAt(0).toUpperCase()}${r.kind.slice(1)} ${r.name} purged.`);
          loaded.setData((old) => old && { ...old, rows: old.rows.filter((x) => x !== r) });
        } catch (e) { app.fail(e, { scheduledPurgeDate: r.scheduledPurgeDate }); }
      },
    },
    { command: 'refresh', label: 'refresh', run: loaded.reload },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && rows.length === 0) return <Spinner label="Loading the bin…" theme={app.theme} />;
  if (loaded.error) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again.`} theme={app.theme} />;
  const scope = vault ? `deleted vaults (all subscriptions) and the deleted secrets, keys and certificates of ${vault.name}` : `deleted vaults (all subscriptions) · pick a vault in pane ${paneNumber('vaults')} to see its deleted secrets, keys and certificates`;
  const problem = loaded.data?.vaultProblem;
  return (
    <ListView list={list} columns={binColumns(now)} width={width} theme={app.theme}
      summary={`${rows.length} in the bin: ${scope}${problem ? ` · ${vault?.name}: ${problem}` : ''}`}
      empty={{ title: 'The bin is empty.', hint: 'Deleted vaults, secrets, keys and certificates land here and can be recovered until their purge date.' }} />
  );
}

export const deletedPane: PaneDefinition = { id: 'deleted', vaultScoped: 'optional', Component: DeletedPane };
