/**
 * What only certificates have on the data plane: create (202, the long-running operation the SDK polls
 * at /pending), import, get, update, policy, the pending operation and merge, and the vault's contacts
 * and issuers. The lifecycle (get included) is lifecycle.ts's. All of these are registered before it:
 * /certificates/{name}/policy and /pending would otherwise be read as a version by its get.
 */
import { KeyVaultError } from '../../domain/errors.js';
import { objectBody } from '../http.js';
import type { RequestContext, RouteResult, Router } from '../router.js';
import {
  certificateBundle, contactsWire, issuerBundle, issuerItem, operationWire, policyWire, readContacts, readPolicy,
} from './certificate-wire.js';
import { arrayPage, objectName, vaultOf, versionOf } from './common.js';
import { addVersioned } from './lifecycle.js';
import { createdAttributes, stringField, writtenAttributes } from './wire.js';

const ok = (body: unknown, status = 200): RouteResult => ({ status, body });
const uriOf = (ctx: RequestContext) => `${ctx.origin}/`;
const certs = (ctx: RequestContext) => ctx.backend.certificates;

/** `value` of an import: the PEM text as it is, or base64 of the PFX. */
function importValue(value: unknown): Uint8Array {
  if (typeof value !== 'string' || value === '') throw new KeyVaultError(400, 'BadParameter', "Property 'value' is required: the base64 PFX or the PEM text.");
  if (value.trimStart().startsWith('-----BEGIN')) return new Uint8Array(Buffer.from(value, 'utf8'));
  if (!/^[A-Za-z0-9+/=_\-\s]*$/.test(value)) throw new KeyVaultError(400, 'BadParameter', "Property 'value' is neither base64 (a PFX) nor PEM text.");
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export function addCertificateSettingsRoutes(r: Router): void {
  r.add('GET', '/certificates/contacts', async (ctx) => ok(contactsWire(uriOf(ctx), await certs(ctx).getContacts(vaultOf(ctx)))));
  r.add('PUT', '/certificates/contacts', async (ctx) => ok(contactsWire(uriOf(ctx), await certs(ctx).setContacts(vaultOf(ctx), readContacts(objectBody(ctx.body))))));
  r.add('DELETE', '/certificates/contacts', async (ctx) => ok(contactsWire(uriOf(ctx), await certs(ctx).deleteContacts(vaultOf(ctx)))));

  r.add('GET', '/certificates/issuers', async (ctx) => ok(arrayPage(ctx, await certs(ctx).listIssuers(vaultOf(ctx)), (i) => issuerItem(uriOf(ctx), i))));
  r.add('GET', '/certificates/issuers/{}', async (ctx, [name]) => ok(issuerBundle(uriOf(ctx), await certs(ctx).getIssuer(vaultOf(ctx), objectName(name)))));
  r.add('DELETE', '/certificates/issuers/{}', async (ctx, [name]) => ok(issuerBundle(uriOf(ctx), await certs(ctx).deleteIssuer(vaultOf(ctx), objectName(name)))));
  for (const method of ['PUT', 'PATCH']) {
    r.add(method, '/certificates/issuers/{}', async (ctx, [name]) => {
      const body = objectBody(ctx.body ?? {});
      const credentials = (body.credentials ?? {}) as Record<string, unknown>;
      const org = (body.org_details ?? {}) as Record<string, unknown>;
      const attrs = (body.attributes ?? {}) as Record<string, unknown>;
      const issuer = await certs(ctx).setIssuer(vaultOf(ctx), objectName(name), {
        provider: stringField(body.provider, 'provider')!,
        accountId: stringField(credentials.account_id, 'credentials.account_id'),
        password: stringField(credentials.pwd, 'credentials.pwd'),
        organizationId: stringField(org.id, 'org_details.id'),
        enabled: typeof attrs.enabled === 'boolean' ? attrs.enabled : undefined,
      }, method === 'PATCH');
      return ok(issuerBundle(uriOf(ctx), issuer));
    });
  }
}

export function addCertificateRoutes(r: Router): void {
  r.add('POST', '/certificates/{}/create', async (ctx, [name]) => {
    const body = objectBody(ctx.body ?? {});
    const a = createdAttributes(body);
    const op = await certs(ctx).create(vaultOf(ctx), objectName(name), { policy: readPolicy(body.policy) ?? (undefined as never), enabled: a.enabled, tags: a.tags });
    const location = `${op.id}?api-version=${ctx.query.get('api-version') ?? ''}&request_id=${op.requestId}`;
    // As the service answers a create: still in progress (the SDKs poll /pending for the outcome; Python's
    // poller never polls, and so never fetches the certificate, when the first answer is already final).
    const first = op.status === 'completed'
      ? { ...op, status: 'inProgress' as const, statusDetails: 'Pending certificate created. Certificate request is in progress. This may take some time based on the issuer provider. Please check again later.' }
      : op;
    return { status: 202, body: operationWire(first), headers: { location, 'retry-after': '0' } };
  });

  r.add('POST', '/certificates/{}/import', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    const a = createdAttributes(body);
    const c = await certs(ctx).import(vaultOf(ctx), objectName(name), {
      value: importValue(body.value), password: stringField(body.pwd, 'pwd'), policy: readPolicy(body.policy), enabled: a.enabled, tags: a.tags,
    });
    return ok(certificateBundle(c));
  });

  r.add('GET', '/certificates/{}/policy', async (ctx, [name]) => {
    const policy = await certs(ctx).getPolicy(vaultOf(ctx), objectName(name));
    return ok(policyWire(policy, `${uriOf(ctx)}certificates/${name}`));
  });
  r.add('PATCH', '/certificates/{}/policy', async (ctx, [name]) => {
    const policy = await certs(ctx).updatePolicy(vaultOf(ctx), objectName(name), readPolicy(objectBody(ctx.body)) ?? {});
    return ok(policyWire(policy, `${uriOf(ctx)}certificates/${name}`));
  });

  r.add('GET', '/certificates/{}/pending', async (ctx, [name]) => ok(operationWire(await certs(ctx).getOperation(vaultOf(ctx), objectName(name)))));
  r.add('PATCH', '/certificates/{}/pending', async (ctx, [name]) => {
    if (objectBody(ctx.body).cancellation_requested !== true) throw new KeyVaultError(400, 'BadParameter', "Only 'cancellation_requested: true' can be set on a pending operation.");
    return ok(operationWire(await certs(ctx).cancelOperation(vaultOf(ctx), objectName(name))));
  });
  r.add('DELETE', '/certificates/{}/pending', async (ctx, [name]) => ok(operationWire(await certs(ctx).deleteOperation(vaultOf(ctx), objectName(name)))));
  r.add('POST', '/certificates/{}/pending/merge', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    if (!Array.isArray(body.x5c) || body.x5c.some((c) => typeof c !== 'string')) throw new KeyVaultError(400, 'BadParameter', "Property 'x5c' must be an array of base64 certificates.");
    const a = createdAttributes(body);
    const c = await certs(ctx).merge(vaultOf(ctx), objectName(name), {
      x509Certificates: (body.x5c as string[]).map((b) => new Uint8Array(Buffer.from(b, 'base64'))), enabled: a.enabled, tags: a.tags,
    });
    return ok(certificateBundle(c), 201);
  });

  addVersioned(r, 'PATCH', 'certificates', async (ctx, name, version) => {
    const body = objectBody(ctx.body ?? {});
    const vault = vaultOf(ctx);
    const policy = readPolicy(body.policy);
    if (policy) await certs(ctx).updatePolicy(vault, objectName(name), policy);
    const w = writtenAttributes(body);
    return ok(certificateBundle(await certs(ctx).update(vault, objectName(name), versionOf(version), { enabled: w.enabled, tags: w.tags })));
  });
}
