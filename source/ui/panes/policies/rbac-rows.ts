/**
 * How the role assignments of an Azure RBAC vault look in the Access pane: one row per assignment that
 * applies to the vault (its own, those on single objects in it, those inherited from above), with
 * where it applies in words — the same words as `kvdeck access`. Pure.
 */
import { assignmentWhere, type AccessReport, type AccessReportAssignment } from '../../../commands/access.js';
import { actionsAllowedBy, permissionsGrantedBy } from '../../../domain/access-advice.js';
import type { Subscription } from '../../../domain/directory.js';
import { roleById, type RoleDefinition } from '../../../domain/role-definitions.js';
import type { Column } from '../../components/columns.js';
import { KIND_LABEL, summarizePermissions } from './format.js';

export interface AssignmentRow extends AccessReportAssignment {
  /** "this vault", "secrets/smtp-password", "inherited from subscription Contoso Production" */
  where: string;
}

export function assignmentRows(report: AccessReport, subscriptions: readonly Subscription[]): AssignmentRow[] {
  const names = new Map(subscriptions.map((s) => [s.id.toLowerCase(), s.displayName]));
  return (report.roleAssignments ?? []).map((a) => ({ ...a, where: assignmentWhere(a, report.id, names) }));
}

export const assigneeName = (r: AssignmentRow) => r.principalName ?? r.principalId;
export const assigneeKind = (r: AssignmentRow) => KIND_LABEL[r.principalKind ?? 'unknown'] ?? 'unknown';
export const roleName = (r: AssignmentRow) => r.role ?? r.roleDefinitionId;

/** At 120 columns every demo row is whole ("inherited from subscription Contoso Production"); narrower, WHERE is cut first. */
export const ASSIGNMENT_COLUMNS: Column<AssignmentRow>[] = [
  { key: 'name', header: 'PRINCIPAL', flex: 1, min: 12, match: true, value: assigneeName },
  { key: 'kind', header: 'KIND', width: 12, drop: 1, value: assigneeKind },
  { key: 'role', header: 'ROLE', width: 25, value: roleName },
  { key: 'where', header: 'WHERE', flex: 2, min: 16, value: (r) => r.where, color: (r, t) => (r.applies === 'inherited' ? t.muted : undefined) },
];

/** What a role allows inside a vault, in access-policy words: "secrets: all", or that it reaches no data. */
export function dataAccessOf(role: RoleDefinition): string {
  const granted = permissionsGrantedBy(actionsAllowedBy(role).dataActions);
  const words = summarizePermissions(granted);
  return words === 'nothing' ? 'no access to secrets, keys or certificates' : words;
}

export const roleOf = (r: AssignmentRow) => roleById(r.roleDefinitionId);
