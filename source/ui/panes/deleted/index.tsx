/**
 * Pane 6 — the bin: soft-deleted vaults (every subscription) and the deleted secrets and keys of the
 * selected vault, with their purge dates and days left. `r` recovers (the item goes back to its pane),
 * `P` purges after the name is typed — refused up front, without a call, when purge protection
 * forbids it.
 */
import type { Backend } from '../../../backend/backend.js';
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
import type { PaneDefinition, PaneProps } from '../contract.js';
import { binColumns, keyRow, purgeRefusal, secretRow, vaultRow, type BinRow } from './columns.js';

const KIND_ORDER = { vault: 0, secret: 1, key: 2 };

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
      const [secrets, keys] = await Promise.all([backend.deleted.listSecrets(vault, { signal }), backend.deleted.listKeys(vault, { signal })]);
      rows.push(...secrets.map((s) => secretRow(s, vault)), ...keys.map((k) => keyRow(k, vault)));
    } catch (e) {
      vaultProblem = explainError(e);
    }
  }
  rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.deletedOn.getTime() - a.deletedOn.getTime());
  return { rows, vaultProblem };
}

/** Where a recovered item shows up again, and which caches to drop so it does. */
function afterRecover(app: AppServices, r: BinRow, vault: Vault | undefined): string {
  if (r.kind === 'vault') {
    app.invalidate(stale.vaultLists, stale.lookup, stale.vault({ id: r.item.vaultId }));
    return `Vault ${r.name} is back in pane 1 (Vaults), with its secrets, keys and access policies.`;
  }
  if (r.kind === 'secret') {
    if (vault) app.invalidate(stale.secretsOf(vault));
    app.invalidate(stale.lookup);
    return `Secret ${r.name} is back in pane 2 (Secrets of ${r.where}), with all its versions.`;
  }
  if (vault) app.invalidate(stale.keysOf(vault));
  return `Key ${r.name} is back in pane 3 (Keys of ${r.where}), with all its versions.`;
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
          if (r.kind === 'vault') await app.backend.deleted.recoverVault(r.item);
          else if (r.kind === 'secret') await app.backend.deleted.recoverSecret(vault!, r.name);
          else await app.backend.deleted.recoverKey(vault!, r.name);
          app.flash('success', afterRecover(app, r, vault));
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
          else if (r.kind === 'secret') await app.backend.deleted.purgeSecret(vault!, r.name);
          else await app.backend.deleted.purgeKey(vault!, r.name);
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
  const scope = vault ? `deleted vaults (all subscriptions) and the deleted secrets and keys of ${vault.name}` : 'deleted vaults (all subscriptions) · pick a vault in pane 1 to see its deleted secrets and keys';
  const problem = loaded.data?.vaultProblem;
  return (
    <ListView list={list} columns={binColumns(now)} width={width} theme={app.theme}
      summary={`${rows.length} in the bin: ${scope}${problem ? ` · ${vault?.name}: ${problem}` : ''}`}
      empty={{ title: 'The bin is empty.', hint: 'Deleted vaults, secrets and keys land here and can be recovered until their purge date.' }} />
  );
}

export const deletedPane: PaneDefinition = { id: 'deleted', title: 'Deleted', vaultScoped: 'optional', Component: DeletedPane };
