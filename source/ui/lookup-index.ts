/**
 * Quick lookup's index: every secret and certificate name in every vault the identity can list. It is
 * a session job (kept in the session cache under `cacheKeys.lookup()`): the overlay watches it and
 * shows matches as vaults arrive; closing the overlay leaves it reading, so opening it again goes on
 * where it was; anything that makes it stale (`stale.lookup`) drops and stops it.
 *
 * Order: the vaults opened recently first (recent-vaults.ts), then the others as the vault list gives
 * them; a vault's names are read page by page and added as each page arrives.
 * Fan-out: as many listings at once as the backend keeps requests in flight, each vault's pages one
 * after the other (each page's continuation token comes from the one before). A big vault occupies
 * one listing for as long as it takes and never holds back the others; and none of our requests waits
 * in the backend's queue behind another of ours.
 */
import { eachPage, type Backend } from '../backend/backend.js';
import { isKeyVaultError } from '../domain/errors.js';
import type { Vault } from '../domain/vault.js';
import { IndexBuilder, type FilterIndex, type FilterResult } from './fuzzy.js';
import { recencyRank, RECENT_VAULTS } from './recent-vaults.js';
import type { LastVault } from './settings.js';
import { streamPacer } from './stream-pacer.js';

export type LookupKind = 'secret' | 'certificate';
const KINDS: readonly LookupKind[] = ['secret', 'certificate'];

export interface LookupEntry {
  vault: Vault;
  name: string;
  kind: LookupKind;
}

/** A listing that was refused or failed: those names are not searched. */
export interface Unreadable {
  vault: string;
  kind: LookupKind;
  /** Refused for want of the list permission (else it failed otherwise). */
  forbidden: boolean;
}

/** What the index holds at one moment. */
export interface LookupView {
  /** Grows as names arrive; entries [0, index size) are the ones to search. */
  entries: readonly LookupEntry[];
  index: FilterIndex;
  /** Per entry: its vault's recency rank (0 = opened most recently, RECENT_VAULTS = not recently). */
  ranks: Uint8Array;
  vaultsDone: number;
  vaultsKnown: number;
  /** Every subscription has answered: vaultsKnown is the whole estate. */
  vaultsListed: boolean;
  unreadable: readonly Unreadable[];
  done: boolean;
  /** The vault list itself failed. */
  error?: unknown;
}

export interface LookupOptions {
  /** Read first, ranked first. */
  recent?: readonly LastVault[];
  /** The vaults when the session has them already (pane 1's list of every subscription). */
  vaults?: readonly Vault[];
  /** A vault's names the session has already (the Secrets pane's list): that vault is not listed again. */
  known?: (vault: Vault, kind: LookupKind) => readonly { name: string }[] | undefined;
  /** Listings at once: the backend's bound (default 16). */
  concurrency?: number;
  /** Asked-for page size (the in-process engine honours large pages; Azure gives 25). */
  pageSize?: number;
}

interface Task {
  vault: Vault;
  kind: LookupKind;
  rank: number;
  seq: number;
}

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

export class LookupLoader {
  private readonly ac = new AbortController();
  private readonly entries: LookupEntry[] = [];
  private ranks = new Uint8Array(1024);
  private readonly builder = new IndexBuilder();
  private readonly unreadable: Unreadable[] = [];
  private vaultsDone = 0;
  private vaultsKnown = 0;
  private vaultsListed = false;
  private done = false;
  private error: unknown;
  private view: LookupView | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly pacer = streamPacer(() => this.notify());
  /** Resolves when every vault has been read (rejects if the job was dropped first). */
  readonly finished: Promise<LookupView>;

  constructor(private readonly backend: Backend, private readonly options: LookupOptions = {}) {
    this.finished = this.run();
    this.finished.catch(() => {}); // watched through the view; a dropped job is not an error
  }

  /** Hears every change (paced: the first at once, then a few a second). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  current(): LookupView {
    return (this.view ??= {
      entries: this.entries,
      index: this.builder.index(),
      ranks: this.ranks.subarray(0, this.entries.length),
      vaultsDone: this.vaultsDone,
      vaultsKnown: this.vaultsKnown,
      vaultsListed: this.vaultsListed,
      unreadable: this.unreadable.slice(),
      done: this.done,
      error: this.error,
    });
  }

  /** Stops reading (the session cache calls it when the index is dropped). */
  dispose(): void {
    this.pacer.cancel();
    this.ac.abort();
  }

  private changed(): void {
    this.view = undefined;
    this.pacer.push();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private add(vault: Vault, names: readonly { name: string }[], kind: LookupKind, rank: number): void {
    const n = this.entries.length;
    if (n + names.length > this.ranks.length) {
      const more = new Uint8Array(Math.max(this.ranks.length * 2, n + names.length));
      more.set(this.ranks);
      this.ranks = more;
    }
    names.forEach((item, i) => {
      this.entries.push({ vault, name: item.name, kind });
      this.builder.add(item.name);
      this.ranks[n + i] = rank;
    });
  }

  private async run(): Promise<LookupView> {
    const { signal } = this.ac;
    const recent = this.options.recent ?? [];
    const queue: Task[] = [];
    let seq = 0;
    /** Kinds still to read, per vault id. */
    const pending = new Map<string, number>();
    let waiting: (() => void)[] = [];
    const wake = () => { const w = waiting; waiting = []; for (const f of w) f(); };
    signal.addEventListener('abort', wake, { once: true }); // waiting workers see the abort and stop
    const vaultRead = (vault: Vault) => {
      const left = (pending.get(vault.id) ?? 1) - 1;
      pending.set(vault.id, left);
      if (left === 0) this.vaultsDone++;
    };
    const addVaults = (vaults: readonly Vault[]) => {
      for (const vault of vaults) {
        if (pending.has(vault.id)) continue;
        this.vaultsKnown++;
        pending.set(vault.id, KINDS.length);
        const rank = recencyRank(recent, vault);
        for (const kind of KINDS) {
          const known = this.options.known?.(vault, kind);
          if (known) { this.add(vault, known, kind, rank); vaultRead(vault); } else queue.push({ vault, kind, rank, seq: seq++ });
        }
      }
      this.changed();
      wake();
    };
    const workers = Math.max(1, this.options.concurrency ?? 16);
    /** The next listing: the most recent vault's, else the first to arrive. */
    const next = (): Task | undefined => {
      let best = -1;
      for (let i = 0; i < queue.length; i++) {
        if (best < 0 || queue[i].rank < queue[best].rank || (queue[i].rank === queue[best].rank && queue[i].seq < queue[best].seq)) best = i;
      }
      return best < 0 ? undefined : queue.splice(best, 1)[0];
    };
    const listing = (this.options.vaults ? Promise.resolve(this.options.vaults) : this.backend.vaults.list(undefined, { signal, onPart: addVaults }))
      .then(addVaults, (e) => { if (!signal.aborted) this.error = e; })
      .finally(() => { this.vaultsListed = true; this.changed(); wake(); });

    const read = async (task: Task) => {
      const { vault, kind, rank } = task;
      const api = kind === 'secret' ? this.backend.secrets : this.backend.certificates;
      try {
        await eachPage((p) => api.listPage(vault, p, { signal }) as Promise<{ items: { name: string }[]; continuationToken?: string }>, (items) => {
          this.add(vault, items, kind, rank);
          this.changed();
        }, this.options.pageSize ?? 1000, { bare: true });
      } catch (e) {
        if (signal.aborted || isAbort(e)) throw e;
        this.unreadable.push({ vault: vault.name, kind, forbidden: isKeyVaultError(e) && e.status === 403 });
      }
      vaultRead(vault);
      this.changed();
    };
    const worker = async () => {
      for (;;) {
        if (signal.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
        const task = next();
        if (task) await read(task);
        else if (this.vaultsListed) return;
        else await new Promise<void>((resolve) => waiting.push(resolve));
      }
    };
    await Promise.all([listing, ...Array.from({ length: workers }, worker)]);
    this.done = true;
    this.view = undefined;
    this.pacer.cancel();
    this.notify();
    return this.current();
  }
}

/**
 * The filter's matches with the recent vaults' first within each tier (prefix, word start, …), the
 * rest in the order they came: a counting sort by rank per tier, O(matches) a keystroke.
 */
export function byRecency(result: FilterResult, ranks: Uint8Array): Int32Array {
  const { indices, tiers } = result;
  const m = indices.length;
  let anyRecent = false;
  for (let k = 0; k < m && !anyRecent; k++) anyRecent = ranks[indices[k]] < RECENT_VAULTS;
  if (!anyRecent) return indices;
  const out = new Int32Array(m);
  const counts = new Int32Array(RECENT_VAULTS + 2);
  for (let from = 0; from < m;) {
    const tier = tiers ? tiers[from] : 0;
    let to = from;
    while (to < m && (tiers ? tiers[to] : 0) === tier) to++;
    counts.fill(0);
    for (let k = from; k < to; k++) counts[ranks[indices[k]] + 1]++;
    for (let r = 1; r < counts.length; r++) counts[r] += counts[r - 1];
    for (let k = from; k < to; k++) out[from + counts[ranks[indices[k]]]++] = indices[k];
    from = to;
  }
  return out;
}

/** Reads the whole index at once (tests and the fan-out check): resolves when every vault is read. */
export async function loadLookupIndex(backend: Backend, signal?: AbortSignal, options: LookupOptions = {}): Promise<LookupView> {
  const loader = new LookupLoader(backend, { concurrency: backend.info.concurrency, ...options });
  signal?.addEventListener('abort', () => loader.dispose(), { once: true });
  return loader.finished;
}
