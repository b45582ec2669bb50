/**
 * What a refusal says was missing, read back from Azure's own words (so it works the same on the demo
 * engine, the emulator and Azure): the data action an RBAC vault wanted (ForbiddenByRbac), the
 * management action ARM wanted (AuthorizationFailed, also when an ABAC condition failed), or the
 * access-policy permission a vault wanted (ForbiddenByPolicy). With smallestRoleFor() the console can
 * then say "needs Key Vault Secrets Officer" and offer the grant.
 */
import type { PermissionArea } from './access-policy.js';
import type { KeyVaultError } from './errors.js';

export type Refusal =
  | { model: 'rbac'; kind: 'dataAction'; action: string; scope: string }
  | { model: 'rbac'; kind: 'action'; action: string; scope: string; conditionFailed: boolean }
  | { model: 'policy'; area: PermissionArea; permission: string; vaultName: string };

const AREAS = new Set<string>(['secrets', 'keys', 'certificates', 'storage']);

/** The missing action or permission of a refusal; undefined for any other error. */
export function refusalOf(e: Pick<KeyVaultError, 'status' | 'code' | 'innerCode' | 'message'>): Refusal | undefined {
  if (e.status !== 403) return undefined;
  if (e.innerCode === 'ForbiddenByRbac' || /^Caller is not authorized to perform action on resource\./.test(e.message)) {
    const action = /\r?\nAction: '([^']+)'/.exec(e.message)?.[1];
    const scope = /\r?\nResource: '([^']+)'/.exec(e.message)?.[1];
    return action && scope ? { model: 'rbac', kind: 'dataAction', action, scope } : undefined;
  }
  if (e.code === 'AuthorizationFailed') {
    const m = /to perform action '([^']+)' over scope '([^']+)'/.exec(e.message);
    return m ? { model: 'rbac', kind: 'action', action: m[1], scope: m[2], conditionFailed: /ABAC condition that is not fulfilled/.test(e.message) } : undefined;
  }
  const p = /does not have (\w+) (\w+) permission on key vault '([^;']+)/.exec(e.message);
  if (p && AREAS.has(p[1])) return { model: 'policy', area: p[1] as PermissionArea, permission: p[2], vaultName: p[3] };
  return undefined;
}
