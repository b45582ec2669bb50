/** What only secrets have on the data plane: set (PUT), get with the value, and attribute updates. The lifecycle is lifecycle.ts's. */
import { KeyVaultError } from '../../domain/errors.js';
import { objectBody } from '../http.js';
import type { Router } from '../router.js';
import { objectName, vaultOf, versionOf } from './common.js';
import { addVersioned } from './lifecycle.js';
import { createdAttributes, secretBundle, stringField, writtenAttributes } from './wire.js';

export function addSecretRoutes(r: Router): void {
  r.add('PUT', '/secrets/{}', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    if (typeof body.value !== 'string') throw new KeyVaultError(400, 'BadParameter', "Property 'value' is required and must be a string.");
    const props = await ctx.backend.secrets.set(vaultOf(ctx), objectName(name), {
      value: body.value,
      contentType: stringField(body.contentType, 'contentType'),
      ...createdAttributes(body),
    });
    return { status: 200, body: secretBundle(props, body.value) };
  });

  addVersioned(r, 'PATCH', 'secrets', async (ctx, name, version) => {
    const body = objectBody(ctx.body ?? {});
    const props = await ctx.backend.secrets.update(vaultOf(ctx), objectName(name), versionOf(version), {
      contentType: stringField(body.contentType, 'contentType'),
      ...writtenAttributes(body),
    });
    return { status: 200, body: secretBundle(props) };
  });
}
