/**
 * Who may do what, on both planes, decided in one place.
 *  - Tenants first: a token issued by another tenant is refused (data plane 401 AKV10032, ARM 401
 *    InvalidAuthenticationTokenTenant) whatever the caller's roles. Then, on the data plane, the vault's
 *    network rules (core.admitNetwork).
 *  - Data plane: a vault that uses access policies asks its policies (403 ForbiddenByPolicy); a vault in
 *    Azure RBAC mode asks the caller's role assignments at the object, the vault or above for the
 *    operation's data action (403 ForbiddenByRbac).
 *  - Management plane: every ARM operation needs its action from a role assigned at the scope or above
 *    (403 AuthorizationFailed); a role with a condition (Key Vault Data Access Administrator) allows
 *    only what its condition does.
 */
import { conditionAllows } from '../domain/access-advice.js';
import { grants } from '../domain/access-policy.js';
import { keyContains, objectScopeId, scopeKey, type ScopeObjectArea } from '../domain/access-scope.js';
import { DATA_OPERATIONS, roleAllows, type ActionKind, type DataOperation } from '../domain/actions.js';
import { errors } from '../domain/errors.js';
import { vaultResourceId } from '../domain/ids.js';
import { roleById, type RoleDefinition, type RolePermission } from '../domain/role-definitions.js';
import type { RoleAssignment } from '../domain/role-assignment.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import type { VaultRecord } from './state.js';

/** Ids compare case-insensitively; the equal spelling (the usual case, on every data-plane call) costs nothing more. */
const same = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();
const OBJECT_AREAS = new Set<string>(['secrets', 'keys', 'certificates']);

export interface ApplyingRole {
  assignment: RoleAssignment;
  role: RoleDefinition;
}

/** The roles assigned to a principal at a scope or above it (unknown role definitions are ignored). */
export function rolesAt(core: EngineCore, principalId: string, scope: string): ApplyingRole[] {
  const out: ApplyingRole[] = [];
  const key = scopeKey(scope);
  for (const { assignment, scopeKey: at } of core.state.roleAssignments.ofPrincipal(principalId)) {
    if (!keyContains(at, key)) continue;
    const role = roleById(assignment.roleDefinitionId);
    if (role) out.push({ assignment, role });
  }
  return out;
}

/** What a principal's roles allow at a scope, one permission block per applying role (ARM's permissions listing). */
export function permissionsAt(core: EngineCore, principalId: string, scope: string): RolePermission[] {
  return rolesAt(core, principalId, scope).flatMap((r) => r.role.permissions.map((p) => ({ ...p, actions: [...p.actions], notActions: [...p.notActions], dataActions: [...p.dataActions], notDataActions: [...p.notDataActions] })));
}

export function allowedAt(core: EngineCore, principalId: string, scope: string, action: string, kind: ActionKind): boolean {
  return rolesAt(core, principalId, scope).some((r) => roleAllows(r.role, action, kind) && conditionAllows(r.role, action, undefined));
}

/** The scope a data-plane operation is decided at: the object for an object's operations, else the vault. */
export function dataScope(vault: VaultRecord, area: string, objectName: string | undefined): string {
  const vaultId = vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name);
  return objectName !== undefined && OBJECT_AREAS.has(area) ? objectScopeId(vaultId, area as ScopeObjectArea, objectName) : vaultId;
}

/**
 * Data-plane authorization of one operation on a vault (and, for an object's operations, the object by
 * name: role assignments at a single secret or key apply to it).
 */
export function authorizeData(core: EngineCore, ctx: CallContext, vault: VaultRecord, operation: DataOperation, objectName?: string): void {
  if (ctx.tenantId && !same(ctx.tenantId, vault.tenantId)) throw errors.invalidIssuer(vault.tenantId, ctx.tenantId);
  // The vault's firewall answers before any permission (it names the caller, so after the token).
  core.admitNetwork(ctx, vault);
  const op = DATA_OPERATIONS[operation];
  const caller = { objectId: ctx.objectId, appId: ctx.appId, tenantId: ctx.tenantId ?? vault.tenantId };
  if (!vault.enableRbacAuthorization) {
    const policy = vault.accessPolicies.find((p) => same(p.objectId, ctx.objectId));
    if (policy && grants(policy.permissions[op.area], op.permission)) return;
    throw errors.accessDenied(caller, op.permission.toLowerCase(), op.area, vault.name, vault.location);
  }
  const resource = dataScope(vault, op.area, objectName);
  if (allowedAt(core, ctx.objectId, resource, op.dataAction, 'dataAction')) return;
  throw errors.forbiddenByRbac(caller, op.dataAction, resource, vault.name, vault.location);
}

/** How ARM names a caller in its refusals: a user's UPN, an application's client id, else the object id. */
export function clientName(core: EngineCore, ctx: CallContext): string {
  const p = core.state.principals.find((x) => same(x.objectId, ctx.objectId));
  if (p?.kind === 'user' && p.upn) return p.upn;
  return ctx.appId ?? p?.appId ?? ctx.objectId;
}

export interface ManagementCheck {
  /** The subscription's tenant: a token of another tenant is refused. */
  tenantId: string;
  /** What the refusal names as the scope, when it differs from the one decided at (a role assignment's own id). */
  reportedScope?: string;
  /** For role-assignment writes and deletes: the role definition GUID being assigned or removed (ABAC conditions read it). */
  assigning?: string;
}

/** Management-plane authorization: the caller needs `action` at `scope` from a role assigned there or above. */
export function authorizeManagement(core: EngineCore, ctx: CallContext, action: string, scope: string, check: ManagementCheck): void {
  checkManagementTenant(ctx, check.tenantId);
  const allowing = rolesAt(core, ctx.objectId, scope).filter((r) => roleAllows(r.role, action, 'action'));
  if (allowing.some((r) => conditionAllows(r.role, action, check.assigning))) return;
  const reported = check.reportedScope ?? scope;
  if (allowing.length > 0) throw errors.conditionNotFulfilled(clientName(core, ctx), ctx.objectId, action, reported);
  throw errors.authorizationFailed(clientName(core, ctx), ctx.objectId, action, reported);
}

export function checkManagementTenant(ctx: CallContext, tenantId: string): void {
  if (ctx.tenantId && !same(ctx.tenantId, tenantId)) throw errors.wrongTenantToken(ctx.tenantId, tenantId);
}

/** Whether the caller has any role at or below a scope (ARM lists a subscription to whoever has). */
export function hasAnyRoleWithin(core: EngineCore, principalId: string, scope: string): boolean {
  const key = scopeKey(scope);
  for (const { scopeKey: at } of core.state.roleAssignments.ofPrincipal(principalId)) if (keyContains(key, at) || keyContains(at, key)) return true;
  return false;
}
