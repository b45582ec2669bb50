/**
 * The demo's Azure RBAC role assignments (fixed GUIDs; tests and the README rely on them): Operator is
 * Owner of both subscriptions and Key Vault Administrator on contoso-shared-kv; contoso-web-app is
 * Reader of Production and Key Vault Secrets User on contoso-shared-kv; Security Admin is Reader of
 * Production and Key Vault Reader on contoso-shared-kv; ase-edge01 has no management role. Like every
 * seed, written straight into the store: no checks, no audit.
 */
import { parseAccessScope } from '../../domain/access-scope.js';
import { subscriptionScope, vaultResourceId } from '../../domain/ids.js';
import { roleAssignmentId, type PrincipalType, type RoleAssignment } from '../../domain/role-assignment.js';
import { roleDefinitionResourceId, ROLE_IDS } from '../../domain/role-definitions.js';
import type { EngineCore } from '../core.js';
import { DEMO } from './demo-ids.js';

function assignment(scope: string, name: string, roleId: string, principalId: string, principalType: PrincipalType, createdOn: Date): RoleAssignment {
  const { subscriptionId } = parseAccessScope(scope)!;
  return {
    id: roleAssignmentId(scope, name),
    name,
    scope,
    roleDefinitionId: roleDefinitionResourceId(subscriptionScope(subscriptionId), roleId),
    principalId,
    principalType,
    createdOn,
  };
}

/** The demo's seven assignments, dated `now`. */
export function demoRoleAssignments(now: number): RoleAssignment[] {
  const { production, edge } = DEMO.subscriptions;
  const p = DEMO.principals;
  const ra = DEMO.roleAssignments;
  const shared = vaultResourceId(production, DEMO.resourceGroups.shared, DEMO.vaults.shared);
  const at = new Date(now);
  return [
    assignment(subscriptionScope(production), ra.operatorOwnerProduction, ROLE_IDS.owner, p.operator, 'User', at),
    assignment(subscriptionScope(edge), ra.operatorOwnerEdge, ROLE_IDS.owner, p.operator, 'User', at),
    assignment(shared, ra.operatorKeyVaultAdministratorShared, ROLE_IDS.keyVaultAdministrator, p.operator, 'User', at),
    assignment(subscriptionScope(production), ra.webAppReaderProduction, ROLE_IDS.reader, p.webApp, 'ServicePrincipal', at),
    assignment(shared, ra.webAppSecretsUserShared, ROLE_IDS.keyVaultSecretsUser, p.webApp, 'ServicePrincipal', at),
    assignment(subscriptionScope(production), ra.securityAdminReaderProduction, ROLE_IDS.reader, p.securityAdmin, 'User', at),
    assignment(shared, ra.securityAdminKeyVaultReaderShared, ROLE_IDS.keyVaultReader, p.securityAdmin, 'User', at),
  ];
}

/**
 * Adds the demo's assignments whose principal exists and whose scope's vault (or subscription) is
 * active, skipping ids already present: the demo seed, and the upgrade of a state file written before
 * kvdeck knew role assignments (when every principal could manage everything).
 */
export function seedDemoRoles(core: EngineCore): void {
  const st = core.state;
  for (const a of demoRoleAssignments(Math.floor(core.now() / 1000) * 1000)) {
    if (st.roleAssignments.get(a.id)) continue;
    const scope = parseAccessScope(a.scope)!;
    if (!st.principals.some((x) => x.objectId === a.principalId)) continue;
    if (!st.subscriptions.some((s) => s.id === scope.subscriptionId)) continue;
    if (scope.vaultName && !st.vaults.get(scope.vaultName)) continue;
    st.roleAssignments.put(a);
  }
}

/**
 * A fresh directory (the emulator's empty seed, a perf-only engine) with no role assignment at all
 * would let nobody manage anything: the demo Operator becomes Owner of the subscription, as the
 * person who creates a subscription is.
 */
export function ensureOwner(core: EngineCore, subscriptionId: string): void {
  const st = core.state;
  if (st.roleAssignments.size > 0) return;
  if (!st.principals.some((x) => x.objectId === DEMO.principals.operator)) {
    st.addPrincipal({ objectId: DEMO.principals.operator, displayName: 'Operator', kind: 'user', upn: 'ops@contoso.com' });
  }
  const scope = subscriptionScope(subscriptionId);
  st.roleAssignments.put(assignment(scope, DEMO.roleAssignments.operatorOwnerProduction, ROLE_IDS.owner, DEMO.principals.operator, 'User', new Date(core.now())));
}
