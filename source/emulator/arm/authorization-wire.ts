/**
 * Microsoft.Authorization role assignments, role definitions and permissions on the wire, per API
 * version as azure-rest-api-specs describes them: 2015-07-01 knows neither principalType nor data
 * actions; data actions arrive with 2018-01-01-preview, principalType with 2018-09-01-preview, and
 * description/condition with 2020-04-01-preview.
 */
import { KeyVaultError } from '../../domain/errors.js';
import { PRINCIPAL_TYPES, type PrincipalType, type RoleAssignment, type RoleAssignmentCreateInput } from '../../domain/role-assignment.js';
import { roleDefinitionResourceId, type RoleDefinition, type RolePermission } from '../../domain/role-definitions.js';

const since = (apiVersion: string, date: string) => apiVersion.slice(0, 10) >= date;

export function roleAssignmentBody(a: RoleAssignment, apiVersion: string) {
  return {
    id: a.id,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
    properties: {
      roleDefinitionId: a.roleDefinitionId,
      principalId: a.principalId,
      ...(since(apiVersion, '2018-09-01') && a.principalType ? { principalType: a.principalType } : {}),
      scope: a.scope,
      ...(since(apiVersion, '2020-04-01') ? { description: a.description ?? null, condition: null, conditionVersion: null } : {}),
      createdOn: a.createdOn?.toISOString() ?? null,
      updatedOn: a.createdOn?.toISOString() ?? null,
      createdBy: a.createdBy ?? null,
      updatedBy: a.createdBy ?? null,
    },
  };
}

export function permissionBody(p: RolePermission, apiVersion: string) {
  return {
    actions: p.actions,
    notActions: p.notActions,
    ...(since(apiVersion, '2018-01-01') ? { dataActions: p.dataActions, notDataActions: p.notDataActions } : {}),
    ...(since(apiVersion, '2020-04-01') && p.condition ? { condition: p.condition, conditionVersion: p.conditionVersion } : {}),
  };
}

/** A definition as listed at `scope` ('' at the tenant root): ARM qualifies its id with the scope's subscription. */
export function roleDefinitionBody(d: RoleDefinition, scope: string, apiVersion: string) {
  const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
  return {
    id: roleDefinitionResourceId(sub, d.id),
    type: 'Microsoft.Authorization/roleDefinitions',
    name: d.id,
    properties: {
      roleName: d.roleName,
      type: d.roleType,
      description: d.description,
      assignableScopes: d.assignableScopes,
      permissions: d.permissions.map((p) => permissionBody(p, apiVersion)),
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-12-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}

const bad = (message: string) => new KeyVaultError(400, 'InvalidRequestContent', message);

/** A PUT body: {properties: {roleDefinitionId, principalId, principalType?, description?}}. */
export function roleAssignmentFromBody(body: unknown, scope: string, name: string): RoleAssignmentCreateInput {
  const props = (body as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!props || typeof props !== 'object') throw bad("The request content was invalid and could not be deserialized: 'properties' is required.");
  const { roleDefinitionId, principalId, principalType, description } = props;
  if (typeof roleDefinitionId !== 'string' || !roleDefinitionId) throw bad("The request content was invalid and could not be deserialized: 'properties.roleDefinitionId' is required.");
  if (typeof principalId !== 'string' || !principalId) throw bad("The request content was invalid and could not be deserialized: 'properties.principalId' is required.");
  if (principalType !== undefined && principalType !== null && !PRINCIPAL_TYPES.includes(principalType as PrincipalType)) {
    throw bad(`The principal type '${String(principalType)}' is not valid. Valid types: ${PRINCIPAL_TYPES.join(', ')}.`);
  }
  return {
    scope,
    name,
    roleDefinitionId,
    principalId,
    ...(principalType ? { principalType: principalType as PrincipalType } : {}),
    ...(typeof description === 'string' && description ? { description } : {}),
  };
}
