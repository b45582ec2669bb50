/**
 * Microsoft.KeyVault/vaults on ARM: create or update (PUT, incl. createMode "recover"), PATCH, get,
 * delete, the listings, updateAccessPolicy and checkNameAvailability.
 */
import type { Backend } from '../../backend/backend.js';
import type { AccessPolicy, AccessPolicyUpdateKind } from '../../domain/access-policy.js';
import { errors, KeyVaultError } from '../../domain/errors.js';
import { isValidVaultName } from '../../domain/names.js';
import { DEFAULT_VAULT_SETTINGS, vaultDefaultsFor, type Vault, type VaultRef } from '../../domain/vault.js';
import { objectBody } from '../http.js';
import type { RequestContext, RouteResult, Router } from '../router.js';
import { page } from './paging.js';
import { authorsFrom } from './system-data.js';
import {
  optionalBool, optionalInt, policiesFromBody, policyBody, resourceBody, settingsFromBody, skuFromBody, tagsFromBody, VAULT_TYPE, vaultBody,
} from './wire.js';

const VAULTS = '/subscriptions/{}/resourcegroups/{}/providers/microsoft.keyvault/vaults';
const ok = (body: unknown, status = 200): RouteResult => ({ status, body });
/** A vault as ARM answers it, systemData naming its authors from the directory. */
const bodyOf = (ctx: RequestContext) => {
  const authors = authorsFrom(ctx.principals());
  return (v: Vault) => vaultBody(v, authors);
};

function vaultName(name: string): string {
  if (!isValidVaultName(name)) throw errors.vaultNameNotValid(name);
  return name;
}

const refOf = (v: Vault): VaultRef => ({ subscriptionId: v.subscriptionId, resourceGroup: v.resourceGroup, name: v.name, vaultUri: v.vaultUri });

async function getOrUndefined(backend: Backend, sub: string, rg: string, name: string): Promise<Vault | undefined> {
  try {
    return await backend.vaults.get(sub, rg, name);
  } catch (e) {
    if (e instanceof KeyVaultError && e.status === 404) return undefined;
    throw e;
  }
}

const policyKey = (p: AccessPolicy) =>
  JSON.stringify([p.objectId.toLowerCase(), ...(['keys', 'secrets', 'certificates', 'storage'] as const).map((a) => [...p.permissions[a]].map((x) => x.toLowerCase()).sort())]);

/** Makes the vault's access policies exactly `wanted` (what a full PUT or a PATCH with accessPolicies means). */
async function setPolicies(backend: Backend, vault: Vault, wanted: AccessPolicy[]): Promise<void> {
  const current = vault.accessPolicies;
  const same = current.length === wanted.length && current.map(policyKey).sort().join() === wanted.map(policyKey).sort().join();
  if (same) return;
  const keep = new Set(wanted.map((p) => p.objectId.toLowerCase()));
  const stale = current.filter((p) => !keep.has(p.objectId.toLowerCase()));
  const empty = { keys: [], secrets: [], certificates: [], storage: [] };
  if (stale.length) await backend.policies.update(refOf(vault), 'remove', stale.map((p) => ({ ...p, permissions: empty })));
  if (wanted.length) await backend.policies.update(refOf(vault), 'replace', wanted);
}

async function createOrUpdate(ctx: RequestContext, sub: string, rg: string, rawName: string): Promise<RouteResult> {
  const name = vaultName(rawName);
  const body = objectBody(ctx.body);
  if (typeof body.location !== 'string' || !body.location) throw new KeyVaultError(400, 'LocationRequired', 'The location property is required for this definition.');
  const props = objectBody(body.properties ?? {}, 'properties');
  const tenant = typeof props.tenantId === 'string' && props.tenantId ? props.tenantId : ctx.claims.tid ?? '';
  const b = ctx.backend;

  if (typeof props.createMode === 'string' && props.createMode.toLowerCase() === 'recover') {
    const deleted = await b.deleted.getVault(sub, body.location, name);
    return ok(bodyOf(ctx)(await b.deleted.recoverVault(deleted)));
  }

  const existing = await getOrUndefined(b, sub, rg, name);
  const sku = skuFromBody(props.sku);
  const tags = tagsFromBody(body.tags);
  const purge = optionalBool(props.enablePurgeProtection, 'properties.enablePurgeProtection');
  const rbac = optionalBool(props.enableRbacAuthorization, 'properties.enableRbacAuthorization');
  const retention = optionalInt(props.softDeleteRetentionInDays, 'properties.softDeleteRetentionInDays');
  if (optionalBool(props.enableSoftDelete, 'properties.enableSoftDelete') === false) {
    throw new KeyVaultError(400, 'BadRequest', 'The property "enableSoftDelete" cannot be set to false. Soft delete is always on for Key Vault.');
  }
  const policies = props.accessPolicies === undefined ? undefined : policiesFromBody(props.accessPolicies, tenant);
  const settings = settingsFromBody(props);

  if (!existing) {
    if (!sku) throw new KeyVaultError(400, 'BadRequest', "The property 'sku' is required to create a vault.");
    if (!props.tenantId) throw new KeyVaultError(400, 'BadRequest', "The property 'tenantId' is required to create a vault.");
    // Without enableRbacAuthorization, the request's api-version decides the access model (RBAC since 2026-02-01).
    const created = await b.vaults.create({
      subscriptionId: sub, resourceGroup: rg, name, location: body.location, sku, tags,
      softDeleteRetentionDays: retention, enablePurgeProtection: purge, accessPolicies: policies,
      enableRbacAuthorization: rbac ?? vaultDefaultsFor(ctx.query.get('api-version') ?? undefined).enableRbacAuthorization,
      ...settings,
    });
    return ok(bodyOf(ctx)(created), 200);
  }
  // A full PUT of an existing vault changes its properties and policies, never its secrets or keys.
  let vault = await b.vaults.update(refOf(existing), {
    sku, tags: tags ?? {}, enablePurgeProtection: purge, enableRbacAuthorization: rbac, softDeleteRetentionDays: retention,
    // A full PUT states the whole vault: what it leaves out takes its default (no networkAcls: no firewall).
    ...DEFAULT_VAULT_SETTINGS, ...settings, networkAcls: settings.networkAcls ?? null,
  });
  if (policies) {
    await setPolicies(b, vault, policies);
    vault = await b.vaults.get(sub, rg, name);
  }
  return ok(bodyOf(ctx)(vault));
}

async function patch(ctx: RequestContext, sub: string, rg: string, name: string): Promise<RouteResult> {
  const body = objectBody(ctx.body ?? {});
  const props = objectBody(body.properties ?? {}, 'properties');
  const b = ctx.backend;
  const existing = await b.vaults.get(sub, rg, vaultName(name));
  let vault = await b.vaults.update(refOf(existing), {
    sku: skuFromBody(props.sku),
    tags: tagsFromBody(body.tags),
    enablePurgeProtection: optionalBool(props.enablePurgeProtection, 'properties.enablePurgeProtection'),
    enableRbacAuthorization: optionalBool(props.enableRbacAuthorization, 'properties.enableRbacAuthorization'),
    softDeleteRetentionDays: optionalInt(props.softDeleteRetentionInDays, 'properties.softDeleteRetentionInDays'),
    ...settingsFromBody(props),
  });
  if (props.accessPolicies !== undefined) {
    await setPolicies(b, vault, policiesFromBody(props.accessPolicies, vault.tenantId));
    vault = await b.vaults.get(sub, rg, name);
  }
  return ok(bodyOf(ctx)(vault));
}

async function updateAccessPolicy(ctx: RequestContext, sub: string, rg: string, name: string, kind: string): Promise<RouteResult> {
  const k = kind.toLowerCase();
  if (!['add', 'replace', 'remove'].includes(k)) {
    throw new KeyVaultError(400, 'BadRequest', `The access policy update kind '${kind}' is invalid. Use add, replace or remove.`);
  }
  const body = objectBody(ctx.body);
  const props = objectBody(body.properties ?? {}, 'properties');
  const vault = await ctx.backend.vaults.get(sub, rg, vaultName(name));
  const policies = policiesFromBody(props.accessPolicies, vault.tenantId);
  await ctx.backend.policies.update(refOf(vault), k as AccessPolicyUpdateKind, policies);
  return ok({
    id: `${vault.id}/accessPolicies/${k}`,
    name: k,
    type: 'Microsoft.KeyVault/vaults/accessPolicies',
    location: vault.location,
    properties: { accessPolicies: policies.map(policyBody) },
  });
}

/** `resourceType eq 'Microsoft.KeyVault/vaults'` (or no filter): the only resources the emulator has. */
function filterWantsVaults(filter: string | null): boolean {
  if (!filter) return true;
  const m = /resourceType\s+eq\s+'([^']+)'/i.exec(filter);
  return !m || m[1].toLowerCase() === VAULT_TYPE.toLowerCase();
}

export function addVaultRoutes(r: Router): void {
  r.add('GET', `${VAULTS}/{}`, async (ctx, [sub, rg, name]) => ok(bodyOf(ctx)(await ctx.backend.vaults.get(sub, rg, name))), 'keyvault');
  r.add('PUT', `${VAULTS}/{}`, (ctx, [sub, rg, name]) => createOrUpdate(ctx, sub, rg, name), 'keyvault');
  r.add('PATCH', `${VAULTS}/{}`, (ctx, [sub, rg, name]) => patch(ctx, sub, rg, name), 'keyvault');
  r.add('DELETE', `${VAULTS}/{}`, async (ctx, [sub, rg, name]) => {
    const v = await getOrUndefined(ctx.backend, sub, rg, name);
    if (!v) return { status: 204 };
    await ctx.backend.vaults.delete(refOf(v));
    return { status: 200 };
  }, 'keyvault');
  r.add('PUT', `${VAULTS}/{}/accesspolicies/{}`, (ctx, [sub, rg, name, kind]) => updateAccessPolicy(ctx, sub, rg, name, kind), 'keyvault');

  // Listings page as ARM does: `$top` items per page and an absolute nextLink with a $skiptoken.
  const inGroup = (rg: string) => (v: Vault) => v.resourceGroup.toLowerCase() === rg.toLowerCase();
  r.add('GET', VAULTS, async (ctx, [sub, rg]) => ok(page(ctx, (await ctx.backend.vaults.list(sub)).filter(inGroup(rg)), bodyOf(ctx))), 'keyvault');
  r.add('GET', '/subscriptions/{}/providers/microsoft.keyvault/vaults', async (ctx, [sub]) => ok(page(ctx, await ctx.backend.vaults.list(sub), bodyOf(ctx))), 'keyvault');
  r.add('GET', '/subscriptions/{}/resources', async (ctx, [sub]) => {
    const vaults = filterWantsVaults(ctx.query.get('$filter')) ? await ctx.backend.vaults.list(sub) : [];
    return ok(page(ctx, vaults, resourceBody));
  }, 'resources');
  r.add('GET', '/subscriptions/{}/resourcegroups/{}/resources', async (ctx, [sub, rg]) => {
    const vaults = filterWantsVaults(ctx.query.get('$filter')) ? await ctx.backend.vaults.list(sub) : [];
    return ok(page(ctx, vaults.filter(inGroup(rg)), resourceBody));
  }, 'resources');

  r.add('POST', '/subscriptions/{}/providers/microsoft.keyvault/checknameavailability', async (ctx, [sub]) => {
    const body = objectBody(ctx.body);
    if (typeof body.name !== 'string') throw new KeyVaultError(400, 'BadRequest', "The property 'name' is required.");
    const result = await ctx.backend.vaults.checkNameAvailability(sub, body.name);
    return ok({ nameAvailable: result.nameAvailable, ...(result.reason ? { reason: result.reason } : {}), ...(result.message ? { message: result.message } : {}) });
  }, 'keyvault');

  // Tools list managed HSMs beside vaults; the emulator has none.
  const none = () => ok({ value: [] });
  r.add('GET', '/subscriptions/{}/providers/microsoft.keyvault/managedhsms', none, 'keyvault');
  r.add('GET', '/subscriptions/{}/resourcegroups/{}/providers/microsoft.keyvault/managedhsms', none, 'keyvault');
  r.add('GET', '/subscriptions/{}/providers/microsoft.keyvault/deletedmanagedhsms', none, 'keyvault');
}
