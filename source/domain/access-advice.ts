/**
 * Answers about access that the console (and `kvdeck access`) shows, as pure functions of role
 * definitions, role assignments and access policies: the smallest built-in role that allows an action,
 * the assignments that apply at a scope and where they are inherited from, who may perform an action on
 * a resource, and the role assignments that would replace a vault's access policies.
 */
import { emptyPermissions, grants, PERMISSIONS, type AccessPolicy, type PermissionArea, type Permissions } from './access-policy.js';
import { scopeContains, sameScope } from './access-scope.js';
import { ALL_DATA_ACTIONS, ALL_MANAGEMENT_ACTIONS, dataActionsForPermission, isReadAction, roleAllows, type ActionKind } from './actions.js';
import { BUILT_IN_ROLES, roleById, type RoleDefinition } from './role-definitions.js';
import type { RoleAssignment } from './role-assignment.js';

const lower = new Set(ALL_DATA_ACTIONS.map((a) => a.toLowerCase()));

/** Data actions are the vault-content operations; everything else is a management action. */
export function actionKindOf(action: string): ActionKind {
  return lower.has(action.toLowerCase()) ? 'dataAction' : 'action';
}

/** The actions kvdeck knows that a role allows (what its explanations and comparisons measure). */
export function actionsAllowedBy(role: RoleDefinition): { actions: string[]; dataActions: string[] } {
  return {
    actions: ALL_MANAGEMENT_ACTIONS.filter((a) => roleAllows(role, a, 'action')),
    dataActions: ALL_DATA_ACTIONS.filter((a) => roleAllows(role, a, 'dataAction')),
  };
}

/**
 * How much a role allows, on the actions kvdeck knows: first how many change or reveal something
 * (writes, deletes, getSecret, crypto), then how many only read. Smaller is less privilege.
 */
export function roleWeight(role: RoleDefinition): [number, number] {
  const { actions, dataActions } = actionsAllowedBy(role);
  const all = [...actions, ...dataActions];
  const reads = all.filter(isReadAction).length;
  return [all.length - reads, reads];
}

const byWeight = (a: RoleDefinition, b: RoleDefinition) => {
  const [wa, ra] = roleWeight(a);
  const [wb, rb] = roleWeight(b);
  return wa - wb || ra - rb || a.roleName.localeCompare(b.roleName);
};

export interface RoleChoiceOptions {
  /**
   * The role definition GUID about to be assigned or removed, when the action is a role-assignment
   * write or delete: roles whose condition allows it (Key Vault Data Access Administrator for the Key
   * Vault data roles) then count. Without it, conditional roles are left out.
   */
  assigning?: string;
  /** Default: the built-in roles. */
  roles?: readonly RoleDefinition[];
}

const CONDITIONED = /^Microsoft\.Authorization\/roleAssignments\/(write|delete)$/i;

/**
 * Whether a role's condition (if any) holds for an action: Key Vault Data Access Administrator's
 * condition constrains only role-assignment writes and deletes, to the roles it lists.
 */
export function conditionAllows(role: RoleDefinition, action: string, assigning: string | undefined): boolean {
  if (!role.assignableRoleIds || !CONDITIONED.test(action)) return true;
  return assigning !== undefined && role.assignableRoleIds.includes(assigning.toLowerCase());
}

/** The roles that allow an action, least privileged first. */
export function rolesAllowing(action: string, kind: ActionKind = actionKindOf(action), options: RoleChoiceOptions = {}): RoleDefinition[] {
  return (options.roles ?? BUILT_IN_ROLES)
    .filter((r) => roleAllows(r, action, kind) && conditionAllows(r, action, options.assigning))
    .sort(byWeight);
}

/** The smallest built-in role that allows an action ("needs Key Vault Secrets Officer"). */
export function smallestRoleFor(action: string, kind: ActionKind = actionKindOf(action), options: RoleChoiceOptions = {}): RoleDefinition | undefined {
  return rolesAllowing(action, kind, options)[0];
}

/** A role assignment as it applies to one resource: directly at it, or inherited from a scope above. */
export interface ApplyingAssignment {
  assignment: RoleAssignment;
  /** Undefined for a role kvdeck does not know (a custom role). */
  role?: RoleDefinition;
  inherited: boolean;
}

/** The assignments that apply to a resource (at its scope or above), direct ones first. */
export function assignmentsApplying(assignments: readonly RoleAssignment[], resourceScope: string): ApplyingAssignment[] {
  return assignments
    .filter((a) => scopeContains(a.scope, resourceScope))
    .map((a) => ({ assignment: a, role: roleById(a.roleDefinitionId), inherited: !sameScope(a.scope, resourceScope) }))
    .sort((a, b) => Number(a.inherited) - Number(b.inherited) || b.assignment.scope.length - a.assignment.scope.length);
}

export interface AllowedPrincipal {
  principalId: string;
  /** The assignments that allow it (more than one when several roles or scopes do). */
  via: ApplyingAssignment[];
}

/** Who may perform an action on a resource through role assignments ("who can read this secret"). */
export function principalsAllowed(
  assignments: readonly RoleAssignment[], resourceScope: string, action: string, kind: ActionKind = actionKindOf(action),
): AllowedPrincipal[] {
  const out = new Map<string, AllowedPrincipal>();
  for (const a of assignmentsApplying(assignments, resourceScope)) {
    if (!a.role || !roleAllows(a.role, action, kind)) continue;
    const key = a.assignment.principalId.toLowerCase();
    const entry = out.get(key) ?? { principalId: a.assignment.principalId, via: [] };
    entry.via.push(a);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** Who may do `permission` in `area` of a vault that uses access policies. */
export function policiesAllowing(policies: readonly AccessPolicy[], area: PermissionArea, permission: string): AccessPolicy[] {
  return policies.filter((p) => grants(p.permissions[area], permission));
}

const AREAS: readonly PermissionArea[] = ['secrets', 'keys', 'certificates', 'storage'];

/** The data actions a set of access-policy permissions stands for. */
export function dataActionsForPermissions(p: Permissions): string[] {
  const out = new Set<string>();
  for (const area of AREAS) for (const perm of p[area]) for (const a of dataActionsForPermission(area, perm)) out.add(a);
  return [...out];
}

/** The access-policy permissions whose every data action is among `dataActions` (`all` is spelled out). */
export function permissionsGrantedBy(dataActions: readonly string[]): Permissions {
  const have = new Set(dataActions.map((a) => a.toLowerCase()));
  const out = emptyPermissions();
  for (const area of AREAS) {
    for (const perm of PERMISSIONS[area]) {
      if (perm === 'all') continue;
      const needs = dataActionsForPermission(area, perm);
      if (needs.length > 0 && needs.every((a) => have.has(a.toLowerCase()))) out[area].push(perm);
    }
  }
  return out;
}

/** The built-in roles with data actions: what a vault's access can be expressed in. */
export const DATA_ROLES: readonly RoleDefinition[] = BUILT_IN_ROLES.filter((r) => r.permissions.some((p) => p.dataActions.length > 0));

export interface MigrationEntry {
  principalId: string;
  applicationId?: string;
  /** The smallest set of built-in roles that allows everything the policy did (empty for an empty policy). */
  roles: RoleDefinition[];
  /** What those roles allow beyond the policy, as access-policy permissions and as data actions. */
  extraPermissions: Permissions;
  extraDataActions: string[];
}

const lexicallyLess = (a: readonly number[], b: readonly number[]) => {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i] < b[i];
};

/**
 * For each access policy, the built-in data roles to assign at the vault so the principal keeps at
 * least what it had: of every combination of data roles that allows all the policy's data actions, the
 * one that adds the fewest actions that change or reveal something (a secret's value, a write), then
 * the fewest reads, then the fewest roles. (9 roles: 512 combinations.)
 */
export function proposeRbacMigration(policies: readonly AccessPolicy[]): MigrationEntry[] {
  const allowed = DATA_ROLES.map((r) => new Set(ALL_DATA_ACTIONS.filter((a) => roleAllows(r, a, 'dataAction'))));
  return policies.map((policy) => {
    const needed = dataActionsForPermissions(policy.permissions);
    const neededSet = new Set(needed);
    let best: { mask: number; cost: [number, number, number] } | undefined;
    for (let mask = 0; mask < 1 << DATA_ROLES.length && needed.length > 0; mask++) {
      const union = new Set<string>();
      let count = 0;
      for (let i = 0; i < DATA_ROLES.length; i++) if (mask & (1 << i)) { count++; for (const a of allowed[i]) union.add(a); }
      if (!needed.every((a) => union.has(a))) continue;
      const extra = [...union].filter((a) => !neededSet.has(a));
      const reads = extra.filter(isReadAction).length;
      const cost: [number, number, number] = [extra.length - reads, reads, count];
      if (!best || lexicallyLess(cost, best.cost)) best = { mask, cost };
    }
    const roles = best ? DATA_ROLES.filter((_, i) => best!.mask & (1 << i)) : [];
    const granted = new Set(roles.flatMap((r) => [...allowed[DATA_ROLES.indexOf(r)]]));
    const extraDataActions = [...granted].filter((a) => !neededSet.has(a));
    const extraPermissions = permissionsGrantedBy([...granted]);
    for (const area of AREAS) extraPermissions[area] = extraPermissions[area].filter((p) => !grants(policy.permissions[area], p));
    return {
      principalId: policy.objectId,
      ...(policy.applicationId ? { applicationId: policy.applicationId } : {}),
      roles,
      extraPermissions,
      extraDataActions,
    };
  });
}
