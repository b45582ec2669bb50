/**
 * ARM scopes the engine acts on (locks, role assignments): read strictly, checked to exist, and
 * spelled the canonical ARM way whatever casing or slashes the client sent (arm-locks sends
 * `resourcegroups`, doubled slashes). A scope's subscription decides which tenant's tokens count.
 */
import { accessScopeId, parseAccessScope, type AccessScope } from '../domain/access-scope.js';
import { errors } from '../domain/errors.js';
import type { EngineCore } from './core.js';
import { DirectoryPart } from './directory.js';
import { findVault } from './vault-records.js';

export interface ResolvedScope {
  /** The canonical id. */
  id: string;
  scope: AccessScope;
  tenantId: string;
}

/**
 * An existing subscription, resource group or vault scope (and, with `objects`, one secret, key or
 * certificate of an existing vault, which need not exist itself: RBAC applies by name); 400 InvalidScope
 * for anything else, 404 for what does not exist.
 */
export function resolveScope(core: EngineCore, raw: string, options: { objects: boolean }): ResolvedScope {
  const parsed = parseAccessScope(raw);
  if (!parsed || (parsed.kind === 'object' && !options.objects)) throw errors.invalidAccessScope(raw);
  const directory = new DirectoryPart(core);
  const sub = directory.subscription(parsed.subscriptionId);
  let scope: AccessScope = { ...parsed, subscriptionId: sub.id };
  if (scope.vaultName) {
    const v = findVault(core, { subscriptionId: sub.id, resourceGroup: scope.resourceGroup!, name: scope.vaultName });
    scope = { ...scope, resourceGroup: v.resourceGroup, vaultName: v.name };
  } else if (scope.resourceGroup) {
    scope = { ...scope, resourceGroup: directory.resourceGroup(sub.id, scope.resourceGroup).name };
  }
  return { id: accessScopeId(scope), scope, tenantId: sub.tenantId };
}
