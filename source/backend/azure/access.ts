/**
 * Azure RBAC through @azure/arm-authorization: role definitions, role assignments (listed at a scope
 * with ARM's filters, created under a GUID, deleted by id) and the signed-in identity's permissions.
 * The SDK's scope and id parameters are written into the URL as they are, so they go without their
 * leading slash (the form its own samples use). Principals named in assignments are remembered, so
 * the directory names them through Graph.
 */
import { randomUUID } from 'node:crypto';
import type { Permission, RoleAssignment as ArmRoleAssignment, RoleDefinition as ArmRoleDefinition } from '@azure/arm-authorization';
import type { AccessApi, CallOptions } from '../backend.js';
import { parseAccessScope } from '../../domain/access-scope.js';
import { errors } from '../../domain/errors.js';
import { subscriptionScope } from '../../domain/ids.js';
import { parseRoleAssignmentId, roleAssignmentId, type PrincipalType, type RoleAssignment, type RoleAssignmentCreateInput, type RoleAssignmentFilter } from '../../domain/role-assignment.js';
import { roleDefinitionGuid, roleDefinitionResourceId, type RoleDefinition, type RolePermission } from '../../domain/role-definitions.js';
import type { AzureContext } from './context.js';
import type { AzureDirectory } from './directory.js';

const rel = (idOrScope: string) => idOrScope.replace(/^\/+/, '');

export function permissionFromArm(p: Permission): RolePermission {
  return { actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] };
}

export function roleDefinitionFromArm(d: ArmRoleDefinition): RoleDefinition {
  return {
    id: (d.name ?? roleDefinitionGuid(d.id ?? '') ?? '').toLowerCase(),
    roleName: d.roleName ?? '',
    description: d.description ?? '',
    roleType: d.roleType === 'CustomRole' ? 'CustomRole' : 'BuiltInRole',
    permissions: (d.permissions ?? []).map(permissionFromArm),
    assignableScopes: d.assignableScopes ?? [],
  };
}

export function roleAssignmentFromArm(a: ArmRoleAssignment): RoleAssignment {
  const id = a.id ?? '';
  return {
    id,
    name: a.name ?? parseRoleAssignmentId(id)?.name ?? '',
    scope: a.scope ?? parseRoleAssignmentId(id)?.scope ?? '',
    roleDefinitionId: a.roleDefinitionId ?? '',
    principalId: a.principalId ?? '',
    ...(a.principalType ? { principalType: a.principalType as PrincipalType } : {}),
    ...(a.description ? { description: a.description } : {}),
    ...(a.createdOn ? { createdOn: a.createdOn } : {}),
  };
}

/** ARM's `$filter` for a listing (at most one of the two, as ARM accepts). */
function filterText(f: RoleAssignmentFilter | undefined): string | undefined {
  if (f?.principalId) return `principalId eq '${f.principalId}'`;
  return f?.atScope ? 'atScope()' : undefined;
}

export class AzureAccess implements AccessApi {
  constructor(
    private readonly ctx: AzureContext,
    private readonly directory: AzureDirectory,
  ) {}

  listRoleDefinitions(scope: string, filter: { roleName?: string } = {}, o?: CallOptions): Promise<RoleDefinition[]> {
    return this.ctx.run({ operation: 'RoleDefinitionList', target: scope }, o, async (abortSignal) => {
      const client = await this.ctx.authorization(this.subscriptionOf(scope));
      const out: RoleDefinition[] = [];
      const options = { abortSignal, ...(filter.roleName ? { filter: `roleName eq '${filter.roleName}'` } : {}) };
      for await (const d of client.roleDefinitions.list(rel(scope), options)) out.push(roleDefinitionFromArm(d));
      return out;
    });
  }

  getRoleDefinition(idOrGuid: string, o?: CallOptions): Promise<RoleDefinition> {
    return this.ctx.run({ operation: 'RoleDefinitionGet', target: idOrGuid }, o, async (abortSignal) => {
      const guid = roleDefinitionGuid(idOrGuid);
      if (!guid) throw errors.roleDefinitionNotFound(idOrGuid);
      const id = idOrGuid.includes('/') ? idOrGuid : roleDefinitionResourceId('', guid);
      const client = await this.ctx.authorization(parseAccessScope(id)?.subscriptionId ?? this.anySubscription());
      return roleDefinitionFromArm(await client.roleDefinitions.getById(rel(id), { abortSignal }));
    });
  }

  listRoleAssignments(scope: string, filter?: RoleAssignmentFilter, o?: CallOptions): Promise<RoleAssignment[]> {
    return this.ctx.run({ operation: 'RoleAssignmentList', vaultName: parseAccessScope(scope)?.vaultName, target: scope }, o, async (abortSignal) => {
      const client = await this.ctx.authorization(this.subscriptionOf(scope));
      const out: RoleAssignment[] = [];
      const f = filterText(filter);
      for await (const a of client.roleAssignments.listForScope(rel(scope), { abortSignal, ...(f ? { filter: f } : {}) })) out.push(this.seen(roleAssignmentFromArm(a)));
      return out;
    });
  }

  getRoleAssignment(id: string, o?: CallOptions): Promise<RoleAssignment> {
    return this.ctx.run({ operation: 'RoleAssignmentGet', target: id }, o, async (abortSignal) => {
      const client = await this.ctx.authorization(this.subscriptionOf(id));
      return this.seen(roleAssignmentFromArm(await client.roleAssignments.getById(rel(id), { abortSignal })));
    });
  }

  createRoleAssignment(input: RoleAssignmentCreateInput, o?: CallOptions): Promise<RoleAssignment> {
    const name = input.name ?? randomUUID();
    const scope = parseAccessScope(input.scope);
    return this.ctx.run({ operation: 'RoleAssignmentCreate', vaultName: scope?.vaultName, target: roleAssignmentId(input.scope, name) }, o, async (abortSignal) => {
      const subscriptionId = this.subscriptionOf(input.scope);
      const client = await this.ctx.authorization(subscriptionId);
      const guid = roleDefinitionGuid(input.roleDefinitionId);
      // ARM wants the definition's full id; a bare GUID is a built-in role's, under the subscription.
      const roleDefinitionId = input.roleDefinitionId.includes('/') || !guid ? input.roleDefinitionId : roleDefinitionResourceId(subscriptionScope(subscriptionId), guid);
      // The 2015-07-01 API (Azure Stack Hub) has neither principalType nor description.
      const modern = !this.ctx.cloud.apiVersions.authorization;
      const a = await client.roleAssignments.create(rel(input.scope), name, {
        roleDefinitionId,
        principalId: input.principalId,
        ...(modern && input.principalType ? { principalType: input.principalType } : {}),
        ...(modern && input.description ? { description: input.description } : {}),
      }, { abortSignal });
      return this.seen(roleAssignmentFromArm(a));
    }, 201);
  }

  deleteRoleAssignment(id: string, o?: CallOptions): Promise<void> {
    return this.ctx.run({ operation: 'RoleAssignmentDelete', vaultName: parseAccessScope(parseRoleAssignmentId(id)?.scope ?? '')?.vaultName, target: id }, o, async (abortSignal) => {
      const client = await this.ctx.authorization(this.subscriptionOf(id));
      await client.roleAssignments.deleteById(rel(id), { abortSignal });
    });
  }

  myPermissions(scope: string, o?: CallOptions): Promise<RolePermission[]> {
    return this.ctx.run({ operation: 'PermissionList', target: scope }, o, async (abortSignal) => {
      const s = parseAccessScope(scope);
      if (!s || s.kind === 'subscription') throw errors.invalidAccessScope(scope);
      const client = await this.ctx.authorization(s.subscriptionId);
      const pages = s.kind === 'resourceGroup'
        ? client.permissions.listForResourceGroup(s.resourceGroup!, { abortSignal })
        : s.kind === 'vault'
          ? client.permissions.listForResource(s.resourceGroup!, 'Microsoft.KeyVault', '', 'vaults', s.vaultName!, { abortSignal })
          : client.permissions.listForResource(s.resourceGroup!, 'Microsoft.KeyVault', `vaults/${s.vaultName}`, s.objectArea!, s.objectName!, { abortSignal });
      const out: RolePermission[] = [];
      for await (const p of pages) out.push(permissionFromArm(p));
      return out;
    });
  }

  private seen(a: RoleAssignment): RoleAssignment {
    if (a.principalId) this.directory.remember(a.principalId);
    return a;
  }

  private subscriptionOf(scopeOrId: string): string {
    const sub = /^\/?subscriptions\/([^/]+)/i.exec(scopeOrId)?.[1];
    if (!sub) throw errors.invalidAccessScope(scopeOrId);
    return sub;
  }

  /** A client needs a subscription even for tenant-level reads; the signed-in identity's tenant answers the same. */
  private anySubscription(): string {
    return '00000000-0000-0000-0000-000000000000';
  }
}
