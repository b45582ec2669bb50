/**
 * The session cache and its keys, made in one place. Lists fetched once per session (the vaults, a
 * vault's secrets, keys, policies, the bin, quick lookup's index) live here until an action makes them
 * stale. Keys are typed: `useLoad` and `invalidate` take only what these functions make, so a key
 * spelled one way when stored and another when dropped (once `'deleted:'` against `bin:…`) cannot
 * compile.
 *
 * `stale` names what an action makes stale — a whole kind (every vault list) or one vault's entries.
 */
import type { AuditQuery } from '../domain/audit.js';
import { OBJECT_KIND_LIST, OBJECT_KINDS, type ObjectKind } from '../domain/object-kind.js';

declare const brand: unique symbol;
/** One entry of the cache (or of a load that is not cached, so a key change reloads it). */
export type CacheKey = string & { readonly [brand]: 'key' };
/** What an action makes stale: one entry, or every entry of a kind. */
export type CacheScope = (string & { readonly [brand]: 'kind' }) | CacheKey;

type VaultId = { readonly id: string };

const key = (kind: string, ...parts: string[]) => [kind, ...parts].join(':') as CacheKey;
/** Every entry of a kind: the kind with its separator, so "vaults:" never matches "vaultsX…". */
const kind = (name: string) => `${name}:` as CacheScope;

export const cacheKeys = {
  /** The Vaults pane's rows, for one subscription or all (`*`). */
  vaults: (subscriptionId?: string) => key('vaults', subscriptionId ?? '*'),
  /** A vault's list of one object kind: the Secrets, Keys and Certificates panes (the secret names are also what quick lookup reuses). */
  objects: (objectKind: ObjectKind, vault: VaultId) => key(OBJECT_KINDS[objectKind].area, vault.id),
  secrets: (vault: VaultId) => cacheKeys.objects('secret', vault),
  secretVersions: (vault: VaultId, name: string) => key('secret-versions', vault.id, name),
  keys: (vault: VaultId) => cacheKeys.objects('key', vault),
  certificates: (vault: VaultId) => cacheKeys.objects('certificate', vault),
  keyVersions: (vault: VaultId, name: string, version: string) => key('key-versions', vault.id, name, version),
  keyMaterial: (vault: VaultId, name: string, version: string) => key('key-material', vault.id, name, version),
  keyRotationPolicy: (vault: VaultId, name: string) => key('key-rotation-policy', vault.id, name),
  certificateVersions: (vault: VaultId, name: string, version: string) => key('certificate-versions', vault.id, name, version),
  /** A certificate's latest version whole: its policy (and DER); loaded for the detail view. */
  certificate: (vault: VaultId, name: string, version: string) => key('certificate', vault.id, name, version),
  principals: () => key('principals', '*'),
  policies: (vault: VaultId) => key('policies', vault.id),
  /** Who has access to a vault: its role assignments (Azure RBAC) with names, for the Access pane. */
  access: (vault: VaultId) => key('access', vault.id),
  locks: (vault: VaultId) => key('locks', vault.id),
  /** The bin (Deleted pane): the deleted vaults, plus the deleted secrets, keys and certificates of the vault when there is one. */
  bin: (vault?: VaultId) => key('bin', vault?.id ?? '*'),
  audit: (query: AuditQuery, generation: number) => key('audit', JSON.stringify(query), String(generation)),
  auditHint: (vault?: VaultId) => key('audit-hint', vault?.id ?? '*'),
  /** Quick lookup's index of every secret and certificate name in every vault (a LookupLoader, lookup-index.ts). */
  lookup: () => key('lookup', '*'),
  /** What the signed-in identity may do at a vault (management plane): whether to offer a change of its rules. */
  myPermissions: (vault: VaultId) => key('my-permissions', vault.id),
  /**
   * The IP rules the console added to vault firewalls this session (ui/panes/vaults/firewall.ts), to
   * remind of them and remove them again. No action makes them stale.
   */
  addedIpRules: () => key('added-ip-rules', '*'),
};

export const stale = {
  /** Every vault list (each subscription filter): a vault came, went, or its locks changed. */
  vaultLists: kind('vaults'),
  /** Quick lookup's index: a secret came or went, or what the identity may read changed. */
  lookup: cacheKeys.lookup(),
  principals: cacheKeys.principals(),
  /** Every bin listing: a vault was deleted, recovered or purged. */
  bins: kind('bin'),
  /** The bin that lists this vault's deleted secrets and keys. */
  binOf: (vault: VaultId) => cacheKeys.bin(vault),
  secretsOf: (vault: VaultId) => cacheKeys.secrets(vault),
  keysOf: (vault: VaultId) => cacheKeys.keys(vault),
  objectsOf: (objectKind: ObjectKind, vault: VaultId) => cacheKeys.objects(objectKind, vault),
  /** Every vault's role assignments: a grant or a revoke anywhere may apply below (inherited). */
  access: kind('access'),
  /**
   * What the session holds about one vault: after it is deleted, recovered or purged (a vault created
   * again under a purged one's name has the same id, and must not show its predecessor's secrets).
   */
  vault: (vault: VaultId): CacheScope[] => [
    ...OBJECT_KIND_LIST.map((k) => cacheKeys.objects(k, vault)), cacheKeys.policies(vault), cacheKeys.access(vault), cacheKeys.locks(vault), cacheKeys.bin(vault),
  ],
};

export interface SessionCache {
  get<T>(key: CacheKey): T | undefined;
  set(key: CacheKey, value: unknown): void;
  delete(key: CacheKey): void;
  /** Drops what the scopes name (nothing given: everything). */
  invalidate(...scopes: (CacheScope | CacheScope[])[]): void;
  /** The keys held, for tests. */
  keys(): string[];
}

/** A value that works on after it is stored (quick lookup's index, still reading vaults): told when it is dropped. */
interface Disposable { dispose(): void }
const isDisposable = (v: unknown): v is Disposable => typeof (v as Partial<Disposable> | undefined)?.dispose === 'function';

export function createSessionCache(): SessionCache {
  const map = new Map<string, unknown>();
  const drop = (k: string) => {
    const v = map.get(k);
    map.delete(k);
    if (isDisposable(v)) v.dispose();
  };
  return {
    get: <T>(k: CacheKey) => map.get(k) as T | undefined,
    set: (k, v) => { if (map.get(k) !== v) drop(k); map.set(k, v); },
    delete: (k) => drop(k),
    invalidate(...scopes) {
      const all = scopes.flat();
      for (const k of [...map.keys()]) {
        if (all.length === 0 || all.some((s) => (s.endsWith(':') ? k.startsWith(s) : k === s))) drop(k);
      }
    },
    keys: () => [...map.keys()],
  };
}
