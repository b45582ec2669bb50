/**
 * Tenants, subscriptions and resource groups through ARM; principals are the signed-in identity and
 * the objectIds named in access policies this session read, named through Microsoft Graph where the
 * cloud has it (graph.ts). Without Graph (ADFS stamps, no permission) they stay bare objectIds.
 */
import type { CallOptions, DirectoryApi } from '../backend.js';
import type { Principal, ResourceGroup, Subscription, Tenant } from '../../domain/directory.js';
import type { AzureContext } from './context.js';
import { GraphNames } from './graph.js';

interface ArmTenant { tenantId: string; displayName?: string; defaultDomain?: string; domains?: string[] }
interface ArmSubscription { subscriptionId: string; displayName?: string; tenantId?: string; state?: string }
interface ArmResourceGroup { name: string; location: string }

export class AzureDirectory implements DirectoryApi {
  /** objectId (lower-case) → what is known about it. */
  readonly seen = new Map<string, Principal>();
  private subscriptions?: Promise<Subscription[]>;
  private readonly graph: GraphNames;
  /** The signed-in principal as Graph names it, once resolveSelf() has. */
  private me?: Principal;

  constructor(
    private readonly ctx: AzureContext,
    /** Subscription ids or display names to keep (a profile's filter); empty keeps all. */
    private readonly filter: string[] = [],
  ) {
    this.graph = new GraphNames(ctx.graph);
  }

  /** Names the signed-in identity through Graph (/me, or getByIds for a service principal). Never throws. */
  async resolveSelf(): Promise<Principal | undefined> {
    const id = this.ctx.identity.objectId;
    const me = await this.graph.me(id).catch(() => undefined);
    if (me && (!id || me.objectId.toLowerCase() === id.toLowerCase())) this.me = me;
    return this.me ? { ...this.me } : undefined;
  }

  listTenants(o?: CallOptions): Promise<Tenant[]> {
    return this.ctx.run({ operation: 'TenantList', target: '/tenants' }, o, async (signal) => {
      const rows = await this.ctx.arm.list<ArmTenant>(`/tenants?api-version=${this.ctx.cloud.apiVersions.subscriptions}`, signal);
      return rows.map((t) => ({
        id: t.tenantId,
        displayName: t.displayName ?? t.tenantId,
        defaultDomain: t.defaultDomain ?? t.domains?.[0] ?? '',
      }));
    });
  }

  listSubscriptions(o?: CallOptions): Promise<Subscription[]> {
    const load = () =>
      this.ctx.run({ operation: 'SubscriptionList', target: '/subscriptions' }, o, async (signal) => {
        const rows = await this.ctx.arm.list<ArmSubscription>(`/subscriptions?api-version=${this.ctx.cloud.apiVersions.subscriptions}`, signal);
        const wanted = this.filter.map((f) => f.toLowerCase());
        return rows
          .map((s) => ({
            id: s.subscriptionId,
            displayName: s.displayName ?? s.subscriptionId,
            tenantId: s.tenantId ?? this.ctx.identity.tenantId,
            state: (s.state ?? 'Enabled') as Subscription['state'],
          }))
          .filter((s) => wanted.length === 0 || wanted.includes(s.id.toLowerCase()) || wanted.includes(s.displayName.toLowerCase()));
      });
    // Cached for the session's fan-outs (vault lists ask for it on every refresh); a failure is not cached.
    const p = (this.subscriptions ??= load());
    p.catch(() => {
      if (this.subscriptions === p) this.subscriptions = undefined;
    });
    return p.then((list) => list.map((s) => ({ ...s })));
  }

  /** Forget the cached subscription list (the console's refresh). */
  refresh(): void {
    this.subscriptions = undefined;
  }

  listResourceGroups(subscriptionId: string, o?: CallOptions): Promise<ResourceGroup[]> {
    const target = `/subscriptions/${subscriptionId}/resourcegroups`;
    return this.ctx.run({ operation: 'ResourceGroupList', target }, o, async (signal) => {
      const rows = await this.ctx.arm.list<ArmResourceGroup>(`${target}?api-version=${this.ctx.cloud.apiVersions.resources}`, signal);
      return rows.map((g) => ({ subscriptionId, name: g.name, location: g.location }));
    });
  }

  async listPrincipals(): Promise<Principal[]> {
    const out = new Map(this.seen);
    const me = this.self();
    if (me) out.set(me.objectId.toLowerCase(), me);
    const named = await this.graph.lookup([...out.keys()].filter((k) => k !== me?.objectId.toLowerCase()));
    for (const [id, p] of named) out.set(id, p);
    return [...out.values()].map((p) => ({ ...p }));
  }

  async getPrincipal(objectId: string): Promise<Principal | undefined> {
    const me = this.self();
    if (me && me.objectId.toLowerCase() === objectId.toLowerCase()) return me;
    const named = await this.graph.get(objectId);
    if (named) return named;
    const p = this.seen.get(objectId.toLowerCase());
    return p && p.displayName !== p.objectId ? { ...p } : undefined;
  }

  /** Called by the parts that read access policies. */
  remember(objectId: string, applicationId?: string): void {
    const key = objectId.toLowerCase();
    if (!this.seen.has(key)) this.seen.set(key, { objectId, displayName: objectId, kind: applicationId ? 'application' : 'unknown', appId: applicationId });
  }

  private self(): Principal | undefined {
    const id = this.ctx.identity;
    if (!id.objectId) return undefined;
    if (this.me && this.me.objectId.toLowerCase() === id.objectId.toLowerCase()) return { ...this.me };
    return { objectId: id.objectId, displayName: id.displayName, kind: id.upn ? 'user' : id.appId ? 'application' : 'unknown', upn: id.upn, appId: id.appId };
  }
}
