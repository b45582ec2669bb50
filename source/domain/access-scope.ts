/**
 * The scopes Azure RBAC assigns roles at, for Key Vault: a subscription, a resource group, a vault, and
 * a single secret, key or certificate of a vault. Scopes are ARM ids; they compare case-insensitively
 * and an assignment at a scope applies to everything below it (whole path segments only).
 */
import { resourceGroupScope, subscriptionScope, vaultResourceId } from './ids.js';

export type AccessScopeKind = 'subscription' | 'resourceGroup' | 'vault' | 'object';
/** The data-plane collections a single-object scope can name. */
export type ScopeObjectArea = 'secrets' | 'keys' | 'certificates';

export interface AccessScope {
  kind: AccessScopeKind;
  subscriptionId: string;
  resourceGroup?: string;
  vaultName?: string;
  objectArea?: ScopeObjectArea;
  objectName?: string;
}

const AREAS: readonly ScopeObjectArea[] = ['secrets', 'keys', 'certificates'];

/**
 * Reads a scope: /subscriptions/{s}[/resourceGroups/{g}[/providers/Microsoft.KeyVault/vaults/{v}[/{secrets|keys|certificates}/{name}]]].
 * Segment names in any case, slashes collapsed; anything else (other resource types, a trailing
 * fragment) is not a scope kvdeck assigns at: undefined.
 */
export function parseAccessScope(raw: string): AccessScope | undefined {
  const p = raw.split('/').filter(Boolean);
  const is = (i: number, word: string) => p[i]?.toLowerCase() === word.toLowerCase();
  if (p.length < 2 || !is(0, 'subscriptions')) return undefined;
  const scope: AccessScope = { kind: 'subscription', subscriptionId: p[1] };
  if (p.length === 2) return scope;
  if (p.length < 4 || !is(2, 'resourceGroups')) return undefined;
  scope.kind = 'resourceGroup';
  scope.resourceGroup = p[3];
  if (p.length === 4) return scope;
  if (p.length < 8 || !is(4, 'providers') || !is(5, 'Microsoft.KeyVault') || !is(6, 'vaults')) return undefined;
  scope.kind = 'vault';
  scope.vaultName = p[7];
  if (p.length === 8) return scope;
  const area = AREAS.find((a) => is(8, a));
  if (p.length !== 10 || !area) return undefined;
  return { ...scope, kind: 'object', objectArea: area, objectName: p[9] };
}

/** The canonical ARM spelling of a scope. */
export function accessScopeId(s: AccessScope): string {
  if (s.kind === 'subscription') return subscriptionScope(s.subscriptionId);
  if (s.kind === 'resourceGroup') return resourceGroupScope(s.subscriptionId, s.resourceGroup!);
  const vault = vaultResourceId(s.subscriptionId, s.resourceGroup!, s.vaultName!);
  return s.kind === 'vault' ? vault : objectScopeId(vault, s.objectArea!, s.objectName!);
}

/** `{vaultId}/secrets/{name}`: the scope of one object of a vault. */
export const objectScopeId = (vaultId: string, area: ScopeObjectArea, name: string) => `${vaultId}/${area}/${name}`;

/** A scope's comparable form: lower case, single slashes, no trailing slash (the root scope is ''). */
export const scopeKey = (s: string) => s.toLowerCase().replace(/\/+/g, '/').replace(/\/$/, '');

/** scopeContains on keys already made (callers comparing one scope with many make its key once). */
export const keyContains = (outer: string, inner: string) => outer === '' || outer === inner || inner.startsWith(`${outer}/`);

/** Whether `outer` is `inner` or one of its ancestors (the root scope '/' contains everything). */
export function scopeContains(outer: string, inner: string): boolean {
  return keyContains(scopeKey(outer), scopeKey(inner));
}

export const sameScope = (a: string, b: string) => scopeKey(a) === scopeKey(b);

/** The scope and every scope above it that RBAC knows (subscription first). */
export function scopeChain(scope: AccessScope): string[] {
  const out = [subscriptionScope(scope.subscriptionId)];
  if (scope.resourceGroup) out.push(resourceGroupScope(scope.subscriptionId, scope.resourceGroup));
  if (scope.vaultName) out.push(vaultResourceId(scope.subscriptionId, scope.resourceGroup!, scope.vaultName));
  if (scope.kind === 'object') out.push(accessScopeId(scope));
  return out;
}
