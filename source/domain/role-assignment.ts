/**
 * Azure RBAC role assignments: who (a principal) has which role (a role definition) where (a scope).
 * Ids are ARM's: {scope}/providers/Microsoft.Authorization/roleAssignments/{guid}.
 */
import type { PrincipalKind } from './directory.js';

/** How ARM names the kind of principal an assignment is for. */
export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup';

export const PRINCIPAL_TYPES: readonly PrincipalType[] = ['User', 'Group', 'ServicePrincipal', 'ForeignGroup'];

export interface RoleAssignment {
  /** {scope}/providers/Microsoft.Authorization/roleAssignments/{name} */
  id: string;
  /** A GUID. */
  name: string;
  scope: string;
  /** As ARM answers it: /subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}. */
  roleDefinitionId: string;
  principalId: string;
  /** Absent where the API version has none (Azure Stack Hub's 2015-07-01). */
  principalType?: PrincipalType;
  description?: string;
  createdOn?: Date;
  /** Object id of whoever created it. */
  createdBy?: string;
}

export interface RoleAssignmentCreateInput {
  scope: string;
  /** The assignment's GUID; a new one when omitted. */
  name?: string;
  /** The role definition's GUID or id. */
  roleDefinitionId: string;
  principalId: string;
  principalType?: PrincipalType;
  description?: string;
}

/**
 * ARM's `$filter` of a role assignment listing: none = assignments at, above and below the scope;
 * `atScope()` = at or above it; `principalId eq '…'` = that principal's, at, above or below.
 */
export interface RoleAssignmentFilter {
  atScope?: boolean;
  principalId?: string;
}

export const roleAssignmentId = (scope: string, name: string) =>
  `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleAssignments/${name}`;

const ASSIGNMENT_SEGMENT = /\/providers\/Microsoft\.Authorization\/roleAssignments\/([^/]+)\/?$/i;

/** The scope and name of a role assignment id; undefined when it is not one. */
export function parseRoleAssignmentId(id: string): { scope: string; name: string } | undefined {
  const m = ASSIGNMENT_SEGMENT.exec(id);
  if (!m) return undefined;
  return { scope: id.slice(0, m.index) || '/', name: m[1] };
}

/** The ARM principal type of a directory principal. */
export function principalTypeOf(kind: PrincipalKind): PrincipalType {
  if (kind === 'group') return 'Group';
  if (kind === 'application' || kind === 'managedIdentity') return 'ServicePrincipal';
  return 'User';
}
