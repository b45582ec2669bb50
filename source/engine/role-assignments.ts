/**
 * Azure RBAC on the management plane (Microsoft.Authorization): role definitions (the built-in roles),
 * role assignments at a subscription, resource group, vault or single secret/key/certificate scope,
 * and the caller's own permissions at a scope. The rules ARM enforces: an assignment's name is a GUID;
 * one assignment per principal, role and scope (409 RoleAssignmentExists); assignments are never
 * updated; the principal must exist in the directory, with the type given; creating needs
 * roleAssignments/write at the scope and deleting roleAssignments/delete (and Key Vault Data Access
 * Administrator's condition: only the Key Vault data roles). Every grant, revoke and refusal is audited.
 */
import { randomUUID } from 'node:crypto';
import { scopeContains, sameScope } from '../domain/access-scope.js';
import { MANAGEMENT_ACTIONS as A } from '../domain/actions.js';
import { errors } from '../domain/errors.js';
import { subscriptionScope } from '../domain/ids.js';
import {
  parseRoleAssignmentId, principalTypeOf, roleAssignmentId,
  type RoleAssignment, type RoleAssignmentCreateInput, type RoleAssignmentFilter,
} from '../domain/role-assignment.js';
import {
  BUILT_IN_ROLES, isGuid, roleById, roleByName, roleDefinitionGuid, roleDefinitionResourceId,
  type RoleDefinition, type RolePermission,
} from '../domain/role-definitions.js';
import { authorizeManagement, checkManagementTenant, permissionsAt } from './authorization.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { resolveScope, type ResolvedScope } from './scopes.js';

const copy = (a: RoleAssignment): RoleAssignment => ({ ...a, ...(a.createdOn ? { createdOn: new Date(a.createdOn) } : {}) });
const byScopeThenName = (a: RoleAssignment, b: RoleAssignment) => a.scope.length - b.scope.length || a.scope.localeCompare(b.scope) || a.name.localeCompare(b.name);
const copyDefinition = (r: RoleDefinition): RoleDefinition => structuredClone(r);

export class RoleAssignmentsPart {
  constructor(private readonly core: EngineCore) {}

  /**
   * The role definitions usable at a scope (every built-in role is assignable everywhere), optionally
   * the one named `roleName` (case-insensitive, as ARM's filter). At the tenant root (no scope) anyone
   * signed in may read them; at a subscription or below, roleDefinitions/read is needed there.
   */
  listDefinitions(ctx: CallContext, scope?: string, filter: { roleName?: string } = {}): RoleDefinition[] {
    if (scope && scope !== '/') this.authorizedScope(ctx, scope, A.roleDefinitionsRead);
    const roles = filter.roleName === undefined ? BUILT_IN_ROLES : [roleByName(filter.roleName)].filter((r): r is RoleDefinition => !!r);
    return roles.map(copyDefinition);
  }

  /** One role definition by GUID or id; 404 RoleDefinitionDoesNotExist. */
  getDefinition(ctx: CallContext, idOrGuid: string, scope?: string): RoleDefinition {
    if (scope && scope !== '/') this.authorizedScope(ctx, scope, A.roleDefinitionsRead);
    const role = roleById(idOrGuid);
    if (!role) throw errors.roleDefinitionNotFound(roleDefinitionGuid(idOrGuid) ?? idOrGuid);
    return copyDefinition(role);
  }

  /** Role assignments that apply at a scope, per ARM's filters (see RoleAssignmentFilter). */
  list(ctx: CallContext, scope: string, filter: RoleAssignmentFilter = {}): RoleAssignment[] {
    return this.core.audited(ctx, 'RoleAssignmentList', { vaultName: vaultNameOf(scope), target: scope }, () => {
      const { id } = this.authorizedScope(ctx, scope, A.roleAssignmentsRead);
      const principal = filter.principalId?.toLowerCase();
      return [...this.core.state.roleAssignments.all()]
        .filter((a) => scopeContains(a.scope, id) || (!filter.atScope && scopeContains(id, a.scope)))
        .filter((a) => !principal || a.principalId.toLowerCase() === principal)
        .sort(byScopeThenName)
        .map(copy);
    });
  }

  get(ctx: CallContext, id: string): RoleAssignment {
    return this.core.audited(ctx, 'RoleAssignmentGet', { vaultName: vaultNameOf(id), target: id }, () => {
      const parsed = this.parseId(id);
      const scope = this.authorizedScope(ctx, parsed.scope, A.roleAssignmentsRead);
      const found = this.core.state.roleAssignments.get(roleAssignmentId(scope.id, parsed.name));
      if (!found) throw errors.roleAssignmentNotFound(parsed.name);
      return copy(found);
    });
  }

  /**
   * Creates an assignment (PUT semantics: the same name with the same principal, role and scope is
   * answered with the existing one, `created: false`).
   */
  create(ctx: CallContext, input: RoleAssignmentCreateInput): { assignment: RoleAssignment; created: boolean } {
    const name = input.name ?? randomUUID();
    const target = roleAssignmentId(input.scope, name);
    return this.core.audited(ctx, 'RoleAssignmentCreate', { vaultName: vaultNameOf(input.scope), target }, () => {
      if (!isGuid(name)) throw errors.invalidRoleAssignmentId(name);
      const resolved = resolveScope(this.core, input.scope, { objects: true });
      const { id: scope, tenantId } = resolved;
      const role = roleById(input.roleDefinitionId);
      if (!role) throw errors.roleDefinitionNotFound(roleDefinitionGuid(input.roleDefinitionId) ?? input.roleDefinitionId, 400);
      const id = roleAssignmentId(scope, name.toLowerCase());
      authorizeManagement(this.core, ctx, A.roleAssignmentsWrite, scope, { tenantId, reportedScope: id, assigning: role.id });
      const principal = this.core.state.principals.find((p) => p.objectId.toLowerCase() === input.principalId.toLowerCase());
      if (!principal) throw errors.principalNotFound(input.principalId, tenantId);
      const principalType = principalTypeOf(principal.kind);
      if (input.principalType && input.principalType !== principalType) throw errors.unmatchedPrincipalType(input.principalId, principalType, input.principalType);
      const sameGrant = (a: RoleAssignment) =>
        a.principalId.toLowerCase() === principal.objectId.toLowerCase() && roleDefinitionGuid(a.roleDefinitionId) === role.id && sameScope(a.scope, scope);
      const existing = this.core.state.roleAssignments.get(id);
      if (existing) {
        if (!sameGrant(existing)) throw errors.roleAssignmentUpdateNotPermitted();
        return { assignment: copy(existing), created: false };
      }
      if ([...this.core.state.roleAssignments.all()].some(sameGrant)) throw errors.roleAssignmentExists();
      const assignment: RoleAssignment = {
        id,
        name: name.toLowerCase(),
        scope,
        roleDefinitionId: roleDefinitionResourceId(subscriptionScope(resolved.scope.subscriptionId), role.id),
        principalId: principal.objectId,
        principalType,
        ...(input.description ? { description: input.description } : {}),
        createdOn: new Date(this.core.now()),
        createdBy: ctx.objectId,
      };
      this.core.state.roleAssignments.put(assignment);
      return { assignment: copy(assignment), created: true };
    }, 201);
  }

  /** Removes an assignment; undefined when there was none (ARM answers 204). */
  delete(ctx: CallContext, id: string): RoleAssignment | undefined {
    return this.core.audited(ctx, 'RoleAssignmentDelete', { vaultName: vaultNameOf(id), target: id }, () => {
      const parsed = this.parseId(id);
      const { id: scope, tenantId } = resolveScope(this.core, parsed.scope, { objects: true });
      const canonical = roleAssignmentId(scope, parsed.name);
      const existing = this.core.state.roleAssignments.get(canonical);
      authorizeManagement(this.core, ctx, A.roleAssignmentsDelete, scope, {
        tenantId, reportedScope: canonical, assigning: existing ? roleDefinitionGuid(existing.roleDefinitionId) : undefined,
      });
      if (!existing) return undefined;
      this.core.state.roleAssignments.remove(existing.id);
      return copy(existing);
    });
  }

  /** The caller's own permissions at a scope: one block per role assigned to it there or above (ARM's permissions listing). */
  permissions(ctx: CallContext, scope: string): RolePermission[] {
    const resolved = resolveScope(this.core, scope, { objects: true });
    checkManagementTenant(ctx, resolved.tenantId);
    return permissionsAt(this.core, ctx.objectId, resolved.id);
  }

  private parseId(id: string): { scope: string; name: string } {
    const parsed = parseRoleAssignmentId(id);
    if (!parsed) throw errors.invalidAccessScope(id);
    if (!isGuid(parsed.name)) throw errors.invalidRoleAssignmentId(parsed.name);
    return parsed;
  }

  private authorizedScope(ctx: CallContext, raw: string, action: string): ResolvedScope {
    const resolved = resolveScope(this.core, raw, { objects: true });
    authorizeManagement(this.core, ctx, action, resolved.id, { tenantId: resolved.tenantId });
    return resolved;
  }
}

/** The vault a scope or id is about, for the audit log. */
function vaultNameOf(scopeOrId: string): string | undefined {
  return /\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)/i.exec(scopeOrId)?.[1];
}
