/**
 * Access policies of a vault (vaults not in RBAC mode use them for every data-plane call).
 * Update kinds as Azure's updateAccessPolicy: add merges permissions per objectId, replace overwrites
 * the entry, remove subtracts permissions and drops the entry when nothing is left.
 */
import {
  MAX_ACCESS_POLICIES, PERMISSIONS, emptyPermissions, type AccessPolicy, type AccessPolicyUpdateKind,
  type PermissionArea, type Permissions,
  copyAccessPolicy,
} from '../domain/access-policy.js';
import { KeyVaultError } from '../domain/errors.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { assertNotLocked } from './locks.js';
import type { VaultRecord } from './state.js';
import { MANAGEMENT_ACTIONS as A } from '../domain/actions.js';
import { authorizedVault, touched, type VaultAddress } from './vault-records.js';
import { vaultResourceId } from '../domain/ids.js';

const AREAS: readonly PermissionArea[] = ['keys', 'secrets', 'certificates', 'storage'];

const badRequest = (message: string) => new KeyVaultError(400, 'BadRequest', message);

/** Checks one policy against the vault and returns it with canonical permission spellings. */
export function normalizePolicy(p: AccessPolicy, vaultTenantId: string): AccessPolicy {
  if (!p.objectId) throw badRequest('An access policy entry must have an objectId.');
  if (!p.tenantId || p.tenantId.toLowerCase() !== vaultTenantId.toLowerCase()) {
    throw badRequest(
      `The tenant id '${p.tenantId}' of the access policy for object id '${p.objectId}' does not match the vault's tenant id '${vaultTenantId}'.`,
    );
  }
  const permissions = emptyPermissions();
  for (const area of AREAS) {
    for (const name of p.permissions?.[area] ?? []) {
      const canonical = PERMISSIONS[area].find((x) => x.toLowerCase() === String(name).toLowerCase());
      if (!canonical) {
        throw badRequest(
          `Invalid permission '${name}' in ${area} permissions of the access policy for object id '${p.objectId}'. Valid values: ${PERMISSIONS[area].join(', ')}.`,
        );
      }
      if (!permissions[area].includes(canonical)) permissions[area].push(canonical);
    }
  }
  return { tenantId: vaultTenantId, objectId: p.objectId, ...(p.applicationId ? { applicationId: p.applicationId } : {}), permissions };
}

export function checkPolicyLimit(count: number): void {
  if (count > MAX_ACCESS_POLICIES) {
    throw badRequest(`The number of access policies for a vault cannot exceed ${MAX_ACCESS_POLICIES}.`);
  }
}

const samePrincipal = (a: AccessPolicy, b: AccessPolicy) =>
  a.objectId.toLowerCase() === b.objectId.toLowerCase() && (a.applicationId ?? '') === (b.applicationId ?? '');

function union(a: Permissions, b: Permissions): Permissions {
  const out = emptyPermissions();
  for (const area of AREAS) out[area] = [...new Set([...a[area], ...b[area]])];
  return out;
}

function subtract(a: Permissions, b: Permissions): Permissions {
  const out = emptyPermissions();
  for (const area of AREAS) {
    const drop = new Set(b[area].map((x) => x.toLowerCase()));
    out[area] = a[area].filter((x) => !drop.has(x.toLowerCase()));
  }
  return out;
}

const isEmpty = (p: Permissions) => AREAS.every((a) => p[a].length === 0);

export class PoliciesPart {
  constructor(private readonly core: EngineCore) {}

  list(ctx: CallContext, addr: VaultAddress): AccessPolicy[] {
    return this.core.audited(ctx, 'VaultGet', { vaultName: addr.name, target: vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name) }, () => {
      return authorizedVault(this.core, ctx, addr, A.vaultRead).accessPolicies.map(copyAccessPolicy);
    });
  }

  update(ctx: CallContext, addr: VaultAddress, kind: AccessPolicyUpdateKind, policies: AccessPolicy[]): AccessPolicy[] {
    const vaultId = vaultResourceId(addr.subscriptionId, addr.resourceGroup, addr.name);
    return this.core.audited(ctx, 'VaultAccessPolicyChange', { vaultName: addr.name, target: `${vaultId}/accessPolicies/${kind}` }, () => {
      const v = authorizedVault(this.core, ctx, addr, A.accessPoliciesWrite);
      assertNotLocked(this.core, v, 'write');
      if (!['add', 'replace', 'remove'].includes(kind)) throw badRequest(`The access policy update kind '${kind}' is invalid.`);
      const next = applyUpdate(v, kind, policies.map((p) => normalizePolicy(p, v.tenantId)));
      checkPolicyLimit(next.length);
      this.core.state.vaults.update(v, { accessPolicies: next, ...touched(this.core, ctx) });
      return next.map(copyAccessPolicy);
    });
  }
}

function applyUpdate(v: VaultRecord, kind: AccessPolicyUpdateKind, changes: AccessPolicy[]): AccessPolicy[] {
  const next = v.accessPolicies.map(copyAccessPolicy);
  for (const change of changes) {
    const i = next.findIndex((p) => samePrincipal(p, change));
    if (kind === 'add') {
      if (i >= 0) next[i] = { ...next[i], permissions: union(next[i].permissions, change.permissions) };
      else next.push(change);
    } else if (kind === 'replace') {
      if (i >= 0) next[i] = change;
      else next.push(change);
    } else if (i >= 0) {
      // remove: subtract the named permissions; an entry without permissions left disappears.
      const left = isEmpty(change.permissions) ? emptyPermissions() : subtract(next[i].permissions, change.permissions);
      if (isEmpty(left)) next.splice(i, 1);
      else next[i] = { ...next[i], permissions: left };
    }
  }
  return next;
}
