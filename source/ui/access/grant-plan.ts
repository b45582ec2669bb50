/**
 * What the console may offer after a refusal: the grant that would have let the call through, made by
 * the signed-in identity for itself — only when it may make it. The refusal names what was missing
 * (domain/refusal.ts); the smallest built-in role that allows it is what an RBAC grant assigns, the
 * one missing permission is what an access-policy grant adds. Whether the identity may grant is asked
 * of the service (its own permissions at that scope), never guessed.
 */
import type { Backend, CallOptions } from '../../backend/backend.js';
import { smallestRoleFor } from '../../domain/access-advice.js';
import { emptyPermissions } from '../../domain/access-policy.js';
import { accessScopeId, parseAccessScope } from '../../domain/access-scope.js';
import { MANAGEMENT_ACTIONS, permissionAllows } from '../../domain/actions.js';
import { scopeWords } from '../../domain/error-text.js';
import { isKeyVaultError } from '../../domain/errors.js';
import { refusalOf } from '../../domain/refusal.js';
import type { RoleDefinition, RolePermission } from '../../domain/role-definitions.js';
import type { Vault } from '../../domain/vault.js';

export interface GrantPlan {
  /** Same plan, same key: an offer declined once is not pressed on the user again. */
  key: string;
  /** "Key Vault Secrets Officer", or "secrets/set". */
  what: string;
  /** "vault contoso-shared-kv" */
  where: string;
  /** The one sentence of the confirmation. */
  body: string;
  /** Makes the grant; answers the success sentence. */
  apply(backend: Backend, o?: CallOptions): Promise<string>;
}

/**
 * Where a role is best granted for a refused scope: a secret, key or certificate's refusal is granted
 * at its vault (the next call is usually about another object of it), anything else at the deepest
 * scope RBAC assigns at (a lock's id becomes its vault, a new vault's becomes its resource group).
 */
function grantScope(scope: string, vaultExists: boolean): string | undefined {
  const parts = scope.split('/').filter(Boolean);
  for (let n = parts.length; n >= 2; n--) {
    const s = parseAccessScope(`/${parts.slice(0, n).join('/')}`);
    if (!s) continue;
    if (s.kind === 'object') return accessScopeId({ ...s, kind: 'vault' });
    if (s.kind === 'vault' && !vaultExists) return accessScopeId({ ...s, kind: 'resourceGroup' });
    return accessScopeId(s);
  }
  return undefined;
}

/**
 * Whether these permissions allow writing an assignment of `role`: a block allowing
 * roleAssignments/write whose condition (Key Vault Data Access Administrator's) names the role.
 */
export function mayAssign(permissions: readonly RolePermission[], roleId: string): boolean {
  return permissions.some((p) => permissionAllows(p, MANAGEMENT_ACTIONS.roleAssignmentsWrite, 'action')
    && (!p.condition || p.condition.toLowerCase().includes(roleId.toLowerCase())));
}

export const mayWritePolicies = (permissions: readonly RolePermission[]) =>
  permissions.some((p) => permissionAllows(p, MANAGEMENT_ACTIONS.accessPoliciesWrite, 'action'));

function rolePlan(role: RoleDefinition, scope: string, missing: string): GrantPlan {
  const where = scopeWords(scope);
  return {
    key: `role:${role.id}:${scope.toLowerCase()}`,
    what: role.roleName,
    where,
    body: `You lack ${missing} there. ${role.roleName} allows it (${roleLine(role)}), and you may assign roles on ${where}. It stays until removed in the Access pane.`,
    async apply(backend, o) {
      await backend.access.createRoleAssignment({ scope, roleDefinitionId: role.id, principalId: backend.info.identity.objectId }, o);
      return `You now have ${role.roleName} on ${where}.`;
    },
  };
}

/** A role's description without Azure's "only works for RBAC vaults" tail: one line saying what it allows. */
export function roleLine(role: RoleDefinition): string {
  return role.description.replace(/\s*Only works for key vaults that use the 'Azure role-based access control' permission model\./, '').replace(/\.$/, '');
}

/**
 * The grant the signed-in identity could make for itself after this error, or undefined (not a
 * refusal, nothing grants it, or the identity may not grant it). `vaults` finds a policy refusal's vault.
 */
export async function grantPlanFor(backend: Backend, error: unknown, vaults: () => Promise<readonly Vault[]>, o?: CallOptions): Promise<GrantPlan | undefined> {
  if (!isKeyVaultError(error)) return undefined;
  const r = refusalOf(error);
  if (!r) return undefined;
  if (r.model === 'rbac') {
    if (r.kind === 'action' && r.conditionFailed) return undefined;
    const role = smallestRoleFor(r.action, r.kind);
    const vaultName = parseAccessScope(r.scope)?.vaultName?.toLowerCase();
    // The data plane answered, so the vault exists; a management refusal may be about a vault to be made.
    const exists = r.kind === 'dataAction' || !vaultName || (await vaults()).some((v) => v.name.toLowerCase() === vaultName);
    const scope = grantScope(r.scope, exists);
    if (!role || !scope) return undefined;
    if (!mayAssign(await backend.access.myPermissions(scope, o), role.id)) return undefined;
    return rolePlan(role, scope, r.action);
  }
  const vault = (await vaults()).find((v) => v.name.toLowerCase() === r.vaultName.toLowerCase());
  if (!vault || vault.enableRbacAuthorization) return undefined;
  if (!mayWritePolicies(await backend.access.myPermissions(vault.id, o))) return undefined;
  const what = `${r.area}/${r.permission}`;
  return {
    key: `policy:${vault.id.toLowerCase()}:${what}`,
    what,
    where: `vault ${vault.name}`,
    body: `You lack the ${what} permission on ${vault.name}, and you may change its access policies. Your access policy gets ${r.permission} added to its ${r.area} permissions.`,
    async apply(b, opts) {
      await b.policies.update(vault, 'add', [{ tenantId: vault.tenantId, objectId: b.info.identity.objectId, permissions: { ...emptyPermissions(), [r.area]: [r.permission] } }], opts);
      return `Your access policy on ${vault.name} now grants ${what}.`;
    },
  };
}
