/**
 * The few Microsoft Graph reads the console needs to name principals, served on the ARM host from the
 * engine's directory: POST /v1.0/directoryObjects/getByIds, GET /v1.0/me, GET /v1.0/users/{id or UPN},
 * GET /v1.0/users?$filter=displayName eq '…' (or userPrincipalName) and
 * GET /v1.0/servicePrincipals?$filter=appId eq '…' (or displayName). Same bearer tokens as ARM. A caller the directory
 * does not know is refused with Graph's 403, as a principal without Directory.Read.All would be, so
 * clients can test that they fall back to objectIds.
 */
import type { Principal } from '../domain/directory.js';
import { KeyVaultError } from '../domain/errors.js';
import { objectBody } from './http.js';
import type { RequestContext, Router } from './router.js';

/** Graph's own limit for getByIds. */
const MAX_IDS = 1000;

const graphErrors = {
  denied: () => new KeyVaultError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  badRequest: (message: string) => new KeyVaultError(400, 'Request_BadRequest', message),
  meNotDelegated: () => new KeyVaultError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  notFound: (id: string) =>
    new KeyVaultError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
};

const TYPE_OF: Record<Principal['kind'], string> = {
  user: 'user',
  group: 'group',
  application: 'servicePrincipal',
  managedIdentity: 'servicePrincipal',
  unknown: 'directoryObject',
};

/** A principal as Graph returns a directoryObject: its @odata.type decides which fields it has. */
export function graphObject(p: Principal): Record<string, unknown> {
  const type = TYPE_OF[p.kind];
  const base = { '@odata.type': `#microsoft.graph.${type}`, id: p.objectId, displayName: p.displayName };
  if (type === 'user') return { ...base, userPrincipalName: p.upn ?? null };
  if (type === 'servicePrincipal') {
    return { ...base, appId: p.appId ?? null, servicePrincipalType: p.kind === 'managedIdentity' ? 'ManagedIdentity' : 'Application' };
  }
  return base;
}

const context = (ctx: RequestContext, what: string) => `${ctx.origin}/v1.0/$metadata#${what}`;

/** The caller must be someone the directory knows (the emulator's stand-in for Directory.Read.All). */
async function reader(ctx: RequestContext): Promise<Principal> {
  const me = await ctx.backend.directory.getPrincipal(ctx.claims.oid);
  if (!me) throw graphErrors.denied();
  return me;
}

function idsFrom(body: unknown): { ids: string[]; types?: Set<string> } {
  const b = objectBody(body);
  if (!Array.isArray(b.ids) || b.ids.some((x) => typeof x !== 'string')) throw graphErrors.badRequest("The 'ids' parameter must be a collection of strings.");
  if (b.ids.length > MAX_IDS) throw graphErrors.badRequest(`Too many ids: at most ${MAX_IDS} per request.`);
  if (b.types !== undefined && (!Array.isArray(b.types) || b.types.some((x) => typeof x !== 'string'))) {
    throw graphErrors.badRequest("The 'types' parameter must be a collection of strings.");
  }
  const types = Array.isArray(b.types) && b.types.length > 0 ? new Set((b.types as string[]).map((t) => t.toLowerCase())) : undefined;
  return { ids: b.ids as string[], types };
}

type Field = 'appId' | 'displayName' | 'userPrincipalName';

/** `field eq 'x'` for one of `fields` (OData doubles a quote inside a literal). */
function eqFilter(filter: string | null, fields: Field[]): { field: Field; value: string } {
  const m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter ?? '');
  const field = m && fields.find((f) => f.toLowerCase() === m[1].toLowerCase());
  if (!m || !field) throw graphErrors.badRequest(`This emulator supports only $filter=${fields.join(' | ')} eq '…' here.`);
  return { field, value: m[2].replace(/''/g, "'").toLowerCase() };
}

const fieldOf = (p: Principal, field: Field) => (field === 'appId' ? p.appId : field === 'userPrincipalName' ? p.upn : p.displayName)?.toLowerCase();

export function addGraphRoutes(r: Router): void {
  r.add('POST', '/v1.0/directoryobjects/getbyids', async (ctx) => {
    await reader(ctx);
    const { ids, types } = idsFrom(ctx.body);
    const all = await ctx.backend.directory.listPrincipals();
    const byId = new Map(all.map((p) => [p.objectId.toLowerCase(), p]));
    const value = ids
      .map((id) => byId.get(id.toLowerCase()))
      .filter((p): p is Principal => !!p && (!types || types.has(TYPE_OF[p.kind].toLowerCase())))
      .map(graphObject);
    return { status: 200, body: { '@odata.context': context(ctx, 'directoryObjects'), value } };
  });
  r.add('GET', '/v1.0/me', async (ctx) => {
    const me = await reader(ctx);
    if (me.kind !== 'user') throw graphErrors.meNotDelegated();
    const { '@odata.type': _type, ...user } = graphObject(me);
    return { status: 200, body: { '@odata.context': context(ctx, 'users/$entity'), ...user } };
  });
  const collection = (type: 'user' | 'servicePrincipal', fields: Field[]) => async (ctx: RequestContext) => {
    await reader(ctx);
    const { field, value: wanted } = eqFilter(ctx.query.get('$filter'), fields);
    const value = (await ctx.backend.directory.listPrincipals())
      .filter((p) => TYPE_OF[p.kind] === type && fieldOf(p, field) === wanted)
      .map(graphObject);
    return { status: 200, body: { '@odata.context': context(ctx, `${type}s`), value } };
  };
  r.add('GET', '/v1.0/serviceprincipals', collection('servicePrincipal', ['appId', 'displayName']));
  r.add('GET', '/v1.0/users', collection('user', ['displayName', 'userPrincipalName']));
  r.add('GET', '/v1.0/users/{}', async (ctx, [idOrUpn]) => {
    await reader(ctx);
    const key = idOrUpn.toLowerCase();
    const user = (await ctx.backend.directory.listPrincipals()).find((p) => p.kind === 'user' && (p.objectId.toLowerCase() === key || p.upn?.toLowerCase() === key));
    if (!user) throw graphErrors.notFound(idOrUpn);
    const { '@odata.type': _type, ...body } = graphObject(user);
    return { status: 200, body: { '@odata.context': context(ctx, 'users/$entity'), ...body } };
  });
}
