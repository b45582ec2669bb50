/** Secret routes of the data plane: /secrets, /deletedsecrets. */
import { KeyVaultError } from '../../domain/errors.js';
import type { RequestContext, Router } from '../router.js';
import { objectBody } from '../http.js';
import { arrayPage, backendPage, objectName, vaultOf, versionOf } from './common.js';
import {
  boolField, bytesField, b64url, dateField, deletedSecretBody, objectField, secretBundle, secretItem, secretWithValue,
  stringField, tagsField,
} from './wire.js';

const ok = (body: unknown) => ({ status: 200, body });

export function addSecretRoutes(r: Router): void {
  r.add('GET', '/secrets', async (ctx) => ok(await backendPage(ctx, (p) => ctx.backend.secrets.listPage(vaultOf(ctx), p), secretItem)));

  r.add('POST', '/secrets/restore', async (ctx) => {
    const body = objectBody(ctx.body);
    const blob = bytesField(body.value, 'value');
    return ok(secretBundle(await ctx.backend.secrets.restore(vaultOf(ctx), blob)));
  });

  r.add('PUT', '/secrets/{}', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    if (typeof body.value !== 'string') throw new KeyVaultError(400, 'BadParameter', "Property 'value' is required and must be a string.");
    const attrs = objectField(body.attributes, 'attributes');
    const props = await ctx.backend.secrets.set(vaultOf(ctx), objectName(name), {
      value: body.value,
      contentType: stringField(body.contentType, 'contentType'),
      tags: tagsField(body.tags),
      enabled: boolField(attrs.enabled, 'attributes.enabled'),
      notBefore: dateField(attrs.nbf, 'attributes.nbf') ?? undefined,
      expiresOn: dateField(attrs.exp, 'attributes.exp') ?? undefined,
    });
    return ok(secretBundle(props, body.value));
  });

  r.add('GET', '/secrets/{}/versions', async (ctx, [name]) => {
    const versions = await ctx.backend.secrets.listVersions(vaultOf(ctx), objectName(name));
    return ok(arrayPage(ctx, versions, secretItem));
  });

  const get = async (ctx: RequestContext, name: string, version?: string) =>
    ok(secretWithValue(await ctx.backend.secrets.get(vaultOf(ctx), objectName(name), versionOf(version))));
  r.add('GET', '/secrets/{}', (ctx, [name]) => get(ctx, name));
  r.add('GET', '/secrets/{}/{}', (ctx, [name, version]) => get(ctx, name, version));

  const update = async (ctx: RequestContext, name: string, version?: string) => {
    const body = objectBody(ctx.body ?? {});
    const attrs = objectField(body.attributes, 'attributes');
    const props = await ctx.backend.secrets.update(vaultOf(ctx), objectName(name), versionOf(version), {
      contentType: stringField(body.contentType, 'contentType'),
      tags: tagsField(body.tags),
      enabled: boolField(attrs.enabled, 'attributes.enabled'),
      notBefore: dateField(attrs.nbf, 'attributes.nbf'),
      expiresOn: dateField(attrs.exp, 'attributes.exp'),
    });
    return ok(secretBundle(props));
  };
  r.add('PATCH', '/secrets/{}', (ctx, [name]) => update(ctx, name));
  r.add('PATCH', '/secrets/{}/{}', (ctx, [name, version]) => update(ctx, name, version));

  r.add('DELETE', '/secrets/{}', async (ctx, [name]) => ok(deletedSecretBody(await ctx.backend.secrets.delete(vaultOf(ctx), objectName(name)))));

  r.add('POST', '/secrets/{}/backup', async (ctx, [name]) => ok({ value: b64url(await ctx.backend.secrets.backup(vaultOf(ctx), objectName(name))) }));

  r.add('GET', '/deletedsecrets', async (ctx) => ok(arrayPage(ctx, await ctx.backend.deleted.listSecrets(vaultOf(ctx)), deletedSecretBody)));
  r.add('GET', '/deletedsecrets/{}', async (ctx, [name]) => ok(deletedSecretBody(await ctx.backend.deleted.getSecret(vaultOf(ctx), objectName(name)))));
  r.add('DELETE', '/deletedsecrets/{}', async (ctx, [name]) => {
    await ctx.backend.deleted.purgeSecret(vaultOf(ctx), objectName(name));
    return { status: 204 };
  });
  r.add('POST', '/deletedsecrets/{}/recover', async (ctx, [name]) => ok(secretBundle(await ctx.backend.deleted.recoverSecret(vaultOf(ctx), objectName(name)))));
}
