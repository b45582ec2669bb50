/**
 * Microsoft.Authorization on ARM: role assignments (PUT, GET, DELETE by scope and name or by id; list
 * at any scope with `$filter=atScope()` or `$filter=principalId eq '…'`), role definitions (list with
 * `$filter=roleName eq '…'`, get) and the caller's permissions at a scope. Routes call the engine
 * directly: a PUT answers 201 or 200 and a DELETE 200 with the assignment or 204, which the engine
 * knows and the Backend interface does not need to.
 */
import { KeyVaultError } from '../../domain/errors.js';
import { roleAssignmentId, type RoleAssignmentFilter } from '../../domain/role-assignment.js';
import type { Engine } from '../../engine/index.js';
import { callerOf, type RequestContext, type Router } from '../router.js';
import { permissionBody, roleAssignmentBody, roleAssignmentFromBody, roleDefinitionBody } from './authorization-wire.js';

const ASSIGNMENTS = '{*}/providers/microsoft.authorization/roleassignments';
const DEFINITIONS = '{*}/providers/microsoft.authorization/roledefinitions';

const apiVersion = (ctx: RequestContext) => ctx.query.get('api-version') ?? '';
const badFilter = (filter: string) => new KeyVaultError(400, 'InvalidFilterInRequest', `The filter '${filter}' is not supported. Use atScope(), principalId eq '{id}' or assignedTo('{id}').`);

/** ARM's role-assignment filters (assignedTo: the principal's own, this directory has no group membership). */
function assignmentFilter(raw: string | null): RoleAssignmentFilter {
  if (!raw) return {};
  const f = raw.trim();
  if (/^atScope\(\)$/i.test(f)) return { atScope: true };
  const m = /^(?:principalId\s+eq\s+'([^']+)'|assignedTo\('([^']+)'\))$/i.exec(f);
  if (m) return { principalId: m[1] ?? m[2] };
  throw badFilter(f);
}

function definitionFilter(raw: string | null): { roleName?: string; type?: string } {
  if (!raw) return {};
  const m = /^\s*(roleName|type)\s+eq\s+'([^']*)'\s*$/i.exec(raw);
  if (!m) throw new KeyVaultError(400, 'InvalidFilterInRequest', `The filter '${raw}' is not supported. Use roleName eq '{name}' or type eq 'BuiltInRole'.`);
  return m[1].toLowerCase() === 'rolename' ? { roleName: m[2] } : { type: m[2] };
}

export function addRoleAssignmentRoutes(r: Router, engine: Engine): void {
  const access = engine.access;

  r.add('GET', ASSIGNMENTS, (ctx, [scope]) => ({
    status: 200,
    body: { value: access.list(callerOf(ctx), scope || '/', assignmentFilter(ctx.query.get('$filter'))).map((a) => roleAssignmentBody(a, apiVersion(ctx))) },
  }), 'authorization');

  r.add('GET', `${ASSIGNMENTS}/{}`, (ctx, [scope, name]) => ({
    status: 200,
    body: roleAssignmentBody(access.get(callerOf(ctx), roleAssignmentId(scope, name)), apiVersion(ctx)),
  }), 'authorization');

  r.add('PUT', `${ASSIGNMENTS}/{}`, (ctx, [scope, name]) => {
    const { assignment, created } = access.create(callerOf(ctx), roleAssignmentFromBody(ctx.body, scope, name));
    return { status: created ? 201 : 200, body: roleAssignmentBody(assignment, apiVersion(ctx)) };
  }, 'authorization');

  r.add('DELETE', `${ASSIGNMENTS}/{}`, (ctx, [scope, name]) => {
    const gone = access.delete(callerOf(ctx), roleAssignmentId(scope, name));
    return gone ? { status: 200, body: roleAssignmentBody(gone, apiVersion(ctx)) } : { status: 204 };
  }, 'authorization');

  r.add('GET', DEFINITIONS, (ctx, [scope]) => {
    const f = definitionFilter(ctx.query.get('$filter'));
    const defs = access.listDefinitions(callerOf(ctx), scope || undefined, { roleName: f.roleName })
      .filter((d) => !f.type || d.roleType.toLowerCase() === f.type.toLowerCase());
    return { status: 200, body: { value: defs.map((d) => roleDefinitionBody(d, scope, apiVersion(ctx))) } };
  }, 'authorization');

  r.add('GET', `${DEFINITIONS}/{}`, (ctx, [scope, id]) => ({
    status: 200,
    body: roleDefinitionBody(access.getDefinition(callerOf(ctx), id, scope || undefined), scope, apiVersion(ctx)),
  }), 'authorization');

  r.add('GET', '{*}/providers/microsoft.authorization/permissions', (ctx, [scope]) => ({
    status: 200,
    body: { value: access.permissions(callerOf(ctx), scope).map((p) => permissionBody(p, apiVersion(ctx))) },
  }), 'authorization');
}
