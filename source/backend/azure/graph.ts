/**
 * Names for objectIds through Microsoft Graph: POST /v1.0/directoryObjects/getByIds (lookups made in
 * the same turn of the event loop go out as one request of up to 1000 ids) and GET /v1.0/me. Answers
 * are cached for the session. And the other way round, for `--as NAME`: the principals a display
 * name or a user principal name names (GET /v1.0/users/{upn}, $filter=displayName eq '…'). Graph is a nicety: a cloud without it (ADFS stamps), a missing
 * Directory.Read.All permission or a network failure give `undefined`, never an error the UI sees.
 * Not recorded in the session audit: these are directory reads, not Key Vault operations.
 */
import type { Principal } from '../../domain/directory.js';
import type { ArmRest } from './arm-rest.js';

const MAX_IDS = 1000;
const TIMEOUT_MS = 10_000;

interface GraphObject {
  '@odata.type'?: string;
  id?: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  appId?: string | null;
  servicePrincipalType?: string | null;
}

/** A Graph directoryObject (user, servicePrincipal, group) as a Principal. */
export function principalFromGraph(o: GraphObject, type = o['@odata.type']): Principal | undefined {
  if (!o.id) return undefined;
  const displayName = o.displayName || o.userPrincipalName || o.id;
  switch ((type ?? '').replace(/^#microsoft\.graph\./, '')) {
    case 'user':
      return { objectId: o.id, displayName, kind: 'user', upn: o.userPrincipalName ?? undefined };
    case 'servicePrincipal':
      return {
        objectId: o.id,
        displayName,
        kind: o.servicePrincipalType === 'ManagedIdentity' ? 'managedIdentity' : 'application',
        appId: o.appId ?? undefined,
      };
    case 'group':
      return { objectId: o.id, displayName, kind: 'group' };
    default:
      return { objectId: o.id, displayName, kind: 'unknown' };
  }
}

const statusOf = (e: unknown) => (e as { statusCode?: number }).statusCode;

export class GraphNames {
  /** objectId (lower-case) → principal, or null when Graph does not know it. */
  private readonly cache = new Map<string, Principal | null>();
  private batch?: { ids: Set<string>; done: Promise<void> };
  /** Set after an answer that will not change this session (no permission, no Graph here). */
  private unavailable = false;

  constructor(private readonly graph: ArmRest | undefined) {}

  get enabled(): boolean {
    return !!this.graph && !this.unavailable;
  }

  /** Named principals for the ids Graph knows (others are left out). */
  async lookup(ids: string[]): Promise<Map<string, Principal>> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    const missing = wanted.filter((id) => !this.cache.has(id));
    if (missing.length > 0 && this.enabled) await this.enqueue(missing);
    const out = new Map<string, Principal>();
    for (const id of wanted) {
      const p = this.cache.get(id);
      if (p) out.set(id, { ...p });
    }
    return out;
  }

  async get(objectId: string): Promise<Principal | undefined> {
    return (await this.lookup([objectId])).get(objectId.toLowerCase());
  }

  /**
   * The users and service principals a display name or UPN names (for `--as`). Unlike the lookups
   * above, failures are thrown: the caller asked for exactly this and must hear why it failed.
   */
  async find(text: string, signal?: AbortSignal): Promise<Principal[]> {
    if (!this.graph) return [];
    const graph = this.graph;
    const out: Principal[] = [];
    if (text.includes('@')) {
      try {
        const user = principalFromGraph(await graph.get<GraphObject>(`/v1.0/users/${encodeURIComponent(text)}`, signal), 'user');
        if (user) out.push(user);
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    }
    // OData string literals double their quotes.
    const filter = encodeURIComponent(`displayName eq '${text.replace(/'/g, "''")}'`);
    const [users, apps] = await Promise.all([
      graph.list<GraphObject>(`/v1.0/users?$filter=${filter}`, signal),
      graph.list<GraphObject>(`/v1.0/servicePrincipals?$filter=${filter}`, signal),
    ]);
    for (const o of users) out.push(principalFromGraph(o, 'user')!);
    for (const o of apps) out.push(principalFromGraph(o, 'servicePrincipal')!);
    const seen = new Set<string>();
    return out.filter((p) => p && !seen.has(p.objectId.toLowerCase()) && seen.add(p.objectId.toLowerCase()));
  }

  /** The signed-in user (GET /me); a service principal has no /me, so it is looked up by its objectId. */
  async me(objectId: string): Promise<Principal | undefined> {
    if (!this.graph || this.unavailable) return undefined;
    try {
      const me = principalFromGraph(await this.graph.get<GraphObject>('/v1.0/me', AbortSignal.timeout(TIMEOUT_MS)), 'user');
      if (me) this.cache.set(me.objectId.toLowerCase(), me);
      if (me) return { ...me };
    } catch (e) {
      if (statusOf(e) === 401 || statusOf(e) === 403) {
        this.unavailable = true;
        return undefined;
      }
    }
    return objectId ? this.get(objectId) : undefined;
  }

  private enqueue(ids: string[]): Promise<void> {
    if (!this.batch) {
      const batch = { ids: new Set<string>(), done: Promise.resolve() };
      batch.done = new Promise<void>((r) => setImmediate(r)).then(() => {
        if (this.batch === batch) this.batch = undefined;
        return this.fetch([...batch.ids]);
      });
      this.batch = batch;
    }
    for (const id of ids) this.batch.ids.add(id);
    return this.batch.done;
  }

  private async fetch(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length && this.enabled; i += MAX_IDS) {
      const chunk = ids.slice(i, i + MAX_IDS);
      try {
        const body = await this.graph!.post<{ value?: GraphObject[] }>(
          '/v1.0/directoryObjects/getByIds',
          { ids: chunk, types: ['user', 'group', 'servicePrincipal'] },
          AbortSignal.timeout(TIMEOUT_MS),
        );
        for (const id of chunk) this.cache.set(id, null);
        for (const o of body.value ?? []) {
          const p = principalFromGraph(o);
          if (p) this.cache.set(p.objectId.toLowerCase(), p);
        }
      } catch (e) {
        // 400/401/403/404: no permission or no Graph here — ask no more. Others (timeouts, 5xx): ask again later.
        const s = statusOf(e);
        if (s === 400 || s === 401 || s === 403 || s === 404) this.unavailable = true;
      }
    }
  }
}
