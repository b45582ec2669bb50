/**
 * The lifecycle routes of every object kind, registered once per row of KIND_WIRES: get, list, versions,
 * delete, backup, restore, and the bin (/deleted{kind}s: list, get, purge, recover). Registered before
 * the kinds' own routes, so `/keys/{name}/backup` is not read as a key operation named "backup".
 */
import { lifecycleOf } from '../../backend/backend.js';
import { OBJECT_KINDS, type ObjectKind } from '../../domain/object-kind.js';
import { objectBody } from '../http.js';
import type { RequestContext, RouteResult, Router } from '../router.js';
import { arrayPage, backendPage, objectName, vaultOf, versionOf } from './common.js';
import type { KindWire } from './kinds.js';
import { b64url, bytesField } from './wire.js';

const ok = (body: unknown): RouteResult => ({ status: 200, body });

export function addLifecycleRoutes<K extends ObjectKind>(r: Router, wire: KindWire<K>): void {
  const { area, deletedArea } = OBJECT_KINDS[wire.kind];
  const api = (ctx: RequestContext) => lifecycleOf(ctx.backend, wire.kind);

  r.add('GET', `/${area}`, async (ctx) => ok(await backendPage(ctx, (p) => api(ctx).listPage(vaultOf(ctx), p), wire.item)));
  r.add('POST', `/${area}/restore`, async (ctx) => ok(wire.restored(await api(ctx).restore(vaultOf(ctx), bytesField(objectBody(ctx.body).value, 'value')))));
  r.add('GET', `/${area}/{}/versions`, async (ctx, [name]) => ok(arrayPage(ctx, await api(ctx).listVersions(vaultOf(ctx), objectName(name)), wire.versionItem)));
  r.add('DELETE', `/${area}/{}`, async (ctx, [name]) => ok(wire.deleted(await api(ctx).delete(vaultOf(ctx), objectName(name)))));
  r.add('POST', `/${area}/{}/backup`, async (ctx, [name]) => ok({ value: b64url(await api(ctx).backup(vaultOf(ctx), objectName(name))) }));

  r.add('GET', `/${deletedArea}`, async (ctx) => ok(arrayPage(ctx, await api(ctx).listDeleted(vaultOf(ctx)), wire.deletedItem)));
  r.add('GET', `/${deletedArea}/{}`, async (ctx, [name]) => ok(wire.deleted(await api(ctx).getDeleted(vaultOf(ctx), objectName(name)))));
  r.add('DELETE', `/${deletedArea}/{}`, async (ctx, [name]) => {
    await api(ctx).purge(vaultOf(ctx), objectName(name));
    return { status: 204 };
  });
  r.add('POST', `/${deletedArea}/{}/recover`, async (ctx, [name]) => ok(wire.restored(await api(ctx).recover(vaultOf(ctx), objectName(name)))));
}

/**
 * The shared get of every kind, `/{area}/{name}[/{version}]`: registered after every kind's own routes,
 * whose literal paths (/keys/{name}/rotationpolicy, /certificates/{name}/policy) it would read as versions.
 */
export function addLifecycleGet<K extends ObjectKind>(r: Router, wire: KindWire<K>): void {
  addVersioned(r, 'GET', OBJECT_KINDS[wire.kind].area, async (ctx, name, version) =>
    ok(wire.full(await lifecycleOf(ctx.backend, wire.kind).get(vaultOf(ctx), objectName(name), versionOf(version)))));
}

/** A route on an object and on one of its versions: `/{area}/{name}` and `/{area}/{name}/{version}`. */
export function addVersioned(
  r: Router, method: string, area: string,
  handler: (ctx: RequestContext, name: string, version: string | undefined) => Promise<RouteResult>,
): void {
  r.add(method, `/${area}/{}`, (ctx, [name]) => handler(ctx, name, undefined));
  r.add(method, `/${area}/{}/{}`, (ctx, [name, version]) => handler(ctx, name, version));
}
