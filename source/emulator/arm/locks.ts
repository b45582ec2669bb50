/**
 * Microsoft.Authorization/locks at any scope. arm-locks URL-encodes whole scopes, may double
 * slashes and spells `resourcegroups` in lower case: the router has already decoded and collapsed
 * the path; here the scope is rebuilt in ARM's canonical spelling.
 */
import { KeyVaultError } from '../../domain/errors.js';
import { parseScope, resourceGroupScope, subscriptionScope, vaultResourceId } from '../../domain/ids.js';
import type { LockLevel } from '../../domain/lock.js';
import { objectBody } from '../http.js';
import type { RequestContext, Router } from '../router.js';
import { lockBody } from './wire.js';

const LOCKS = '{*}/providers/microsoft.authorization/locks';

export function canonicalScope(raw: string): string {
  const s = parseScope(raw);
  const isKeyVault = /\/providers\/microsoft\.keyvault\/vaults\//i.test(raw);
  if (s.subscriptionId && s.resourceGroup && s.vaultName && isKeyVault) return vaultResourceId(s.subscriptionId, s.resourceGroup, s.vaultName);
  if (s.subscriptionId && s.resourceGroup && !/\/providers\//i.test(raw)) return resourceGroupScope(s.subscriptionId, s.resourceGroup);
  if (s.subscriptionId && /^\/subscriptions\/[^/]+$/i.test(raw)) return subscriptionScope(s.subscriptionId);
  if (!raw || raw === '/') throw new KeyVaultError(400, 'InvalidScope', 'A lock needs a scope: a subscription, resource group or resource.');
  return raw;
}

const LEVELS: LockLevel[] = ['CanNotDelete', 'ReadOnly'];

async function list(ctx: RequestContext, rawScope: string) {
  const scope = canonicalScope(rawScope);
  const s = parseScope(scope);
  const locks = s.vaultName
    ? await ctx.backend.locks.listForVault({ subscriptionId: s.subscriptionId!, resourceGroup: s.resourceGroup!, name: s.vaultName, vaultUri: '' })
    : await ctx.backend.locks.listAtScope(scope);
  return { status: 200, body: { value: locks.map(lockBody) } };
}

export function addLockRoutes(r: Router): void {
  r.add('GET', LOCKS, (ctx, [scope]) => list(ctx, scope), 'locks');

  r.add('GET', `${LOCKS}/{}`, async (ctx, [rawScope, name]) => {
    const scope = canonicalScope(rawScope);
    const found = (await ctx.backend.locks.listAtScope(scope)).find(
      (l) => l.scope.toLowerCase() === scope.toLowerCase() && l.name.toLowerCase() === name.toLowerCase(),
    );
    if (!found) throw new KeyVaultError(404, 'LockNotFound', `The lock '${name}' could not be found.`);
    return { status: 200, body: lockBody(found) };
  }, 'locks');

  r.add('PUT', `${LOCKS}/{}`, async (ctx, [rawScope, name]) => {
    const scope = canonicalScope(rawScope);
    const body = objectBody(ctx.body);
    const props = objectBody(body.properties, 'properties');
    const level = LEVELS.find((l) => l.toLowerCase() === String(props.level).toLowerCase());
    if (!level) throw new KeyVaultError(400, 'LockLevelInvalid', `The lock level '${String(props.level)}' is invalid. Use CanNotDelete or ReadOnly.`);
    if (props.notes !== undefined && typeof props.notes !== 'string') throw new KeyVaultError(400, 'BadRequest', "Property 'notes' must be a string.");
    const owners = Array.isArray(props.owners)
      ? props.owners.map((o) => ({ applicationId: String((o as Record<string, unknown>)?.applicationId ?? '') }))
      : undefined;
    const existed = (await ctx.backend.locks.listAtScope(scope)).some(
      (l) => l.scope.toLowerCase() === scope.toLowerCase() && l.name.toLowerCase() === name.toLowerCase(),
    );
    const lock = await ctx.backend.locks.create({ scope, name, level, notes: props.notes as string | undefined, owners });
    return { status: existed ? 200 : 201, body: lockBody(lock) };
  }, 'locks');

  r.add('DELETE', `${LOCKS}/{}`, async (ctx, [rawScope, name]) => {
    const scope = canonicalScope(rawScope);
    try {
      await ctx.backend.locks.delete(scope, name);
    } catch (e) {
      if (e instanceof KeyVaultError && e.status === 404) return { status: 204 };
      throw e;
    }
    return { status: 200 };
  }, 'locks');
}
