/**
 * The real memory backend with the timing of a remote one, made deterministic: listings come in pages
 * of at most 25 (Key Vault's), and a chosen vault's listing (or a subscription's vault list) is held
 * after its first page until the test releases it — "a listing still arriving", without sleeping.
 * Only timing and page size change: every answer is the engine's own.
 */
import type { Backend, LifecycleOf } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import type { Engine } from '../../source/engine/index.js';
import type { Vault } from '../../source/domain/vault.js';
import type { ObjectKind } from '../../source/domain/object-kind.js';

export interface HeldBackend {
  backend: Backend;
  /** Holds this vault's listings (of every kind) after their first page. */
  holdVault(name: string): void;
  /** Holds this subscription's vault list (the others answer as usual). */
  holdSubscription(id: string): void;
  /** Lets everything held go, and stops holding. */
  release(): void;
  /** Each listing page asked for, in order: "vault/kind". */
  calls: string[];
}

export function heldBackend(engine: Engine, options: { concurrency?: number; objectId?: string } = {}): HeldBackend {
  const real = createMemoryBackend(engine, options.objectId ? { objectId: options.objectId } : undefined);
  const heldVaults = new Set<string>();
  const heldSubs = new Set<string>();
  const open = () => { let resolve!: () => void; const promise = new Promise<void>((r) => { resolve = r; }); return { promise, resolve }; };
  let gate = open();
  const calls: string[] = [];
  const held = (yes: boolean) => (yes ? gate.promise : Promise.resolve());

  const paged = <K extends ObjectKind>(kind: K, api: LifecycleOf<K>): LifecycleOf<K> => ({
    ...api,
    listPage: async (vault, page = {}, o) => {
      calls.push(`${vault.name}/${kind}`);
      // Only the first page comes at once from a held vault.
      await held(!!page.continuationToken && heldVaults.has(vault.name));
      return api.listPage(vault, { ...page, maxPageSize: Math.min(25, page.maxPageSize ?? 25) }, o);
    },
  });

  const backend: Backend = {
    ...real,
    info: { ...real.info, concurrency: options.concurrency },
    secrets: { ...real.secrets, ...paged('secret', real.secrets) },
    keys: { ...real.keys, ...paged('key', real.keys) },
    certificates: { ...real.certificates, ...paged('certificate', real.certificates) },
    vaults: {
      ...real.vaults,
      // As Azure answers: subscription by subscription, each part heard as it comes.
      list: async (subscriptionId, o) => {
        if (subscriptionId) return real.vaults.list(subscriptionId, o);
        const subs = await real.directory.listSubscriptions(o);
        const parts = await Promise.all(subs.map(async (s) => {
          await held(heldSubs.has(s.id));
          const part = await real.vaults.list(s.id, o);
          o?.onPart?.(part);
          return part;
        }));
        return parts.flat().sort((a: Vault, b: Vault) => a.name.localeCompare(b.name));
      },
    },
  };
  return {
    backend,
    holdVault: (name) => void heldVaults.add(name),
    holdSubscription: (id) => void heldSubs.add(id),
    release() {
      heldVaults.clear();
      heldSubs.clear();
      gate.resolve();
      gate = open();
    },
    calls,
  };
}
