/**
 * The small directory the demo needs: tenants, subscriptions, resource groups and principals, so the
 * console shows names instead of GUIDs. Reads are not audited: they are Entra/ARM lookups, not Key
 * Vault operations, and Key Vault's AuditEvent log would not contain them.
 */
import type { Identity, Principal, ResourceGroup, Subscription, Tenant } from '../domain/directory.js';
import { KeyVaultError } from '../domain/errors.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { resourceGroupScope, subscriptionScope } from '../domain/ids.js';
import { MANAGEMENT_ACTIONS as A } from '../domain/actions.js';
import { allowedAt, authorizeManagement, hasAnyRoleWithin } from './authorization.js';

export const subscriptionNotFound = (id: string) =>
  new KeyVaultError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
export const resourceGroupNotFound = (name: string) =>
  new KeyVaultError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);

export class DirectoryPart {
  constructor(private readonly core: EngineCore) {}

  listTenants(): Tenant[] {
    return this.core.state.tenants.map((t) => ({ ...t }));
  }

  /**
   * Subscriptions; for a caller, those of its tenant where it has a role at some scope (ARM lists a
   * subscription to whoever has access to anything in it).
   */
  listSubscriptions(ctx?: CallContext): Subscription[] {
    return this.core.state.subscriptions
      .filter((s) => !ctx || ((!ctx.tenantId || ctx.tenantId.toLowerCase() === s.tenantId.toLowerCase()) && hasAnyRoleWithin(this.core, ctx.objectId, subscriptionScope(s.id))))
      .map((s) => ({ ...s }));
  }

  /** A subscription's resource groups; for a caller, those it may read. */
  listResourceGroups(subscriptionId: string, ctx?: CallContext): ResourceGroup[] {
    this.subscription(subscriptionId);
    return this.core.state.resourceGroups
      .filter((g) => g.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())
      .filter((g) => !ctx || allowedAt(this.core, ctx.objectId, resourceGroupScope(g.subscriptionId, g.name), A.resourceGroupRead, 'action'))
      .map((g) => ({ ...g }));
  }

  listPrincipals(): Principal[] {
    return this.core.state.principals.map((p) => ({ ...p }));
  }

  getPrincipal(objectId: string): Principal | undefined {
    const p = this.core.state.principals.find((x) => x.objectId.toLowerCase() === objectId.toLowerCase());
    return p ? { ...p } : undefined;
  }

  /** The identity a caller acts as; an objectId the directory does not know becomes a bare identity. */
  identity(ctx: CallContext): Identity {
    const p = this.getPrincipal(ctx.objectId);
    const tenantId = ctx.tenantId ?? this.core.state.tenants[0]?.id ?? '';
    if (!p) return { objectId: ctx.objectId, tenantId, displayName: ctx.objectId, appId: ctx.appId };
    return { objectId: p.objectId, tenantId, displayName: p.displayName, upn: p.upn, appId: ctx.appId ?? p.appId };
  }

  subscription(subscriptionId: string): Subscription {
    const s = this.core.state.subscriptions.find((x) => x.id.toLowerCase() === subscriptionId.toLowerCase());
    if (!s) throw subscriptionNotFound(subscriptionId);
    return s;
  }

  resourceGroup(subscriptionId: string, name: string): ResourceGroup {
    this.subscription(subscriptionId);
    const g = this.core.state.resourceGroups.find(
      (x) => x.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && x.name.toLowerCase() === name.toLowerCase(),
    );
    if (!g) throw resourceGroupNotFound(name);
    return g;
  }

  /**
   * ARM's create-or-update of a resource group (PUT /subscriptions/{s}/resourcegroups/{rg}): an existing
   * group is left as it is. Audited like every management write.
   */
  putResourceGroup(ctx: CallContext, subscriptionId: string, name: string, location: string): { group: ResourceGroup; created: boolean } {
    const target = resourceGroupScope(subscriptionId, name);
    return this.core.audited(ctx, 'ResourceGroupPut', { target }, () => {
      const sub = this.subscription(subscriptionId);
      authorizeManagement(this.core, ctx, A.resourceGroupWrite, target, { tenantId: sub.tenantId });
      const found = this.core.state.resourceGroups.find((g) => g.subscriptionId.toLowerCase() === sub.id.toLowerCase() && g.name.toLowerCase() === name.toLowerCase());
      if (found) return { group: { ...found }, created: false };
      const group = { subscriptionId: sub.id, name, location };
      this.core.state.addResourceGroup(group);
      return { group: { ...group }, created: true };
    });
  }

  // Directory writes: for seeds and tests (Azure's directory is not managed through Key Vault).
  addTenant(t: Tenant): void {
    this.core.state.addTenant(t);
  }
  addSubscription(s: Subscription): void {
    this.core.state.addSubscription(s);
  }
  addResourceGroup(g: ResourceGroup): void {
    this.core.state.addResourceGroup(g);
  }
  addPrincipal(p: Principal): void {
    this.core.state.addPrincipal(p);
  }
}
