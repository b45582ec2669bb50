/**
 * Adding a role assignment on a vault: pick the principal by typing part of its name (or its objectId,
 * for one the directory does not list), then the role, each role with one line saying what it allows;
 * the Key Vault data roles come first, least privileged first.
 */
import { DATA_ROLES, roleWeight } from '../../../domain/access-advice.js';
import type { Principal } from '../../../domain/directory.js';
import { principalTypeOf, type RoleAssignment } from '../../../domain/role-assignment.js';
import { BUILT_IN_ROLES, isGuid, type RoleDefinition } from '../../../domain/role-definitions.js';
import type { Vault } from '../../../domain/vault.js';
import type { AppServices } from '../../app-context.js';
import type { Column } from '../../components/columns.js';
import { roleLine } from '../../access/grant-plan.js';
import { choose } from './chooser.js';
import { KIND_LABEL } from './format.js';
import { dataAccessOf } from './rbac-rows.js';

const PRINCIPAL_COLUMNS: Column<Principal>[] = [
  { key: 'name', header: 'NAME', flex: 2, min: 14, match: true, value: (p) => p.displayName },
  { key: 'kind', header: 'KIND', width: 16, value: (p) => KIND_LABEL[p.kind] ?? p.kind },
  { key: 'id', header: 'UPN / APP ID / OBJECT ID', flex: 3, min: 12, drop: 1, value: (p) => p.upn ?? p.appId ?? p.objectId },
];

const ROLE_COLUMNS: Column<RoleDefinition>[] = [
  { key: 'name', header: 'ROLE', width: 40, match: true, value: (r) => r.roleName },
  { key: 'allows', header: 'ALLOWS', flex: 1, min: 20, value: roleLine },
];

const weighed = (a: RoleDefinition, b: RoleDefinition) => {
  const [wa, ra] = roleWeight(a);
  const [wb, rb] = roleWeight(b);
  return wa - wb || ra - rb;
};

/** The roles offered, in the order offered: the Key Vault data roles, then those that manage. */
export const ASSIGNABLE_ROLES: readonly RoleDefinition[] = [
  ...[...DATA_ROLES].sort(weighed),
  ...BUILT_IN_ROLES.filter((r) => !DATA_ROLES.includes(r)).sort(weighed),
];

export interface Assigned {
  assignment: RoleAssignment;
  principal: Principal;
  role: RoleDefinition;
}

/** Runs the two pickers and makes the assignment at the vault; undefined when the user cancelled. */
export async function addRoleAssignment(app: AppServices, vault: Vault): Promise<Assigned | undefined> {
  const principals = await app.backend.directory.listPrincipals().catch(() => [] as Principal[]);
  const principal = await choose<Principal>(app, {
    title: `Assign a role on ${vault.name}: to whom?`,
    items: principals,
    text: (p) => `${p.displayName} ${p.upn ?? ''}`,
    columns: PRINCIPAL_COLUMNS,
    fromQuery: (q) => (isGuid(q) ? { objectId: q.toLowerCase(), displayName: q.toLowerCase(), kind: 'unknown' } : undefined),
    empty: 'No principal of the directory matches. Type an objectId (a GUID) to name one it does not list.',
  });
  if (!principal) return undefined;
  const role = await choose<RoleDefinition>(app, {
    title: `Which role for ${principal.displayName} on ${vault.name}?`,
    items: ASSIGNABLE_ROLES,
    text: (r) => r.roleName,
    columns: ROLE_COLUMNS,
    note: (r) => `In the vault: ${dataAccessOf(r)}.`,
    empty: 'No built-in role matches.',
  });
  if (!role) return undefined;
  const assignment = await app.backend.access.createRoleAssignment({
    scope: vault.id, roleDefinitionId: role.id, principalId: principal.objectId,
    ...(principal.kind !== 'unknown' ? { principalType: principalTypeOf(principal.kind) } : {}),
  });
  return { assignment, principal, role };
}
