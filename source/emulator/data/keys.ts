/** Key routes of the data plane: /keys (incl. crypto operations), /deletedkeys. */
import { KeyVaultError } from '../../domain/errors.js';
import type { CurveName, EncryptionAlgorithm, ImportJsonWebKey, KeyOperation, KeyType, SignatureAlgorithm } from '../../domain/key.js';
import type { RequestContext, RouteResult, Router } from '../router.js';
import { objectBody } from '../http.js';
import { arrayPage, backendPage, objectName, vaultOf, versionOf } from './common.js';
import { b64url, boolField, bytesField, dateField, deletedKeyBody, deletedKeyItem, keyBundle, keyItem, objectField, tagsField } from './wire.js';

const ok = (body: unknown): RouteResult => ({ status: 200, body });

const KEY_TYPES = new Set(['RSA', 'EC', 'RSA-HSM', 'EC-HSM', 'oct', 'oct-HSM']);
const SIGN_ALGS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K']);
const ENC_ALGS = new Set(['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5', 'A128GCM', 'A192GCM', 'A256GCM', 'A128KW', 'A192KW', 'A256KW', 'A128CBC', 'A192CBC', 'A256CBC', 'A128CBCPAD', 'A192CBCPAD', 'A256CBCPAD', 'CKM_AES_KEY_WRAP', 'CKM_AES_KEY_WRAP_PAD']);

function keyOps(value: unknown): KeyOperation[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new KeyVaultError(400, 'BadParameter', "Property 'key_ops' must be an array of strings.");
  }
  return value as KeyOperation[];
}

function algorithm(value: unknown, allowed: Set<string>): string {
  if (typeof value !== 'string' || !allowed.has(value)) {
    throw new KeyVaultError(400, 'BadParameter', `Invalid algorithm: ${String(value)}. Property 'alg' names an algorithm Key Vault does not support here.`);
  }
  return value;
}

type CryptoOp = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapkey' | 'unwrapkey';
const CRYPTO_OPS = new Set<string>(['sign', 'verify', 'encrypt', 'decrypt', 'wrapkey', 'unwrapkey']);

async function crypto(ctx: RequestContext, name: string, version: string | undefined, op: CryptoOp): Promise<RouteResult> {
  const body = objectBody(ctx.body);
  const vault = vaultOf(ctx);
  const n = objectName(name);
  const v = versionOf(version);
  const keys = ctx.backend.keys;
  switch (op) {
    case 'sign': {
      const r = await keys.sign(vault, n, v, algorithm(body.alg, SIGN_ALGS) as SignatureAlgorithm, bytesField(body.value, 'value'));
      return ok({ kid: r.kid, value: b64url(r.result) });
    }
    case 'verify': {
      const valid = await keys.verify(vault, n, v, algorithm(body.alg, SIGN_ALGS) as SignatureAlgorithm, bytesField(body.digest, 'digest'), bytesField(body.value, 'value'));
      return ok({ value: valid });
    }
    default: {
      const alg = algorithm(body.alg, ENC_ALGS) as EncryptionAlgorithm;
      const input = bytesField(body.value, 'value');
      const fn = { encrypt: keys.encrypt, decrypt: keys.decrypt, wrapkey: keys.wrapKey, unwrapkey: keys.unwrapKey }[op];
      const r = await fn.call(keys, vault, n, v, alg, input);
      return ok({ kid: r.kid, value: b64url(r.result) });
    }
  }
}

export function addKeyRoutes(r: Router): void {
  r.add('GET', '/keys', async (ctx) => ok(await backendPage(ctx, (p) => ctx.backend.keys.listPage(vaultOf(ctx), p), keyItem)));

  r.add('POST', '/keys/restore', async (ctx) => {
    const body = objectBody(ctx.body);
    return ok(keyBundle(await ctx.backend.keys.restore(vaultOf(ctx), bytesField(body.value, 'value'))));
  });

  r.add('POST', '/keys/{}/create', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    if (typeof body.kty !== 'string' || !KEY_TYPES.has(body.kty)) {
      throw new KeyVaultError(400, 'BadParameter', `Property 'kty' must be one of RSA, RSA-HSM, EC, EC-HSM; got ${String(body.kty)}.`);
    }
    const attrs = objectField(body.attributes, 'attributes');
    if (body.key_size !== undefined && typeof body.key_size !== 'number') throw new KeyVaultError(400, 'BadParameter', "Property 'key_size' must be a number.");
    const key = await ctx.backend.keys.create(vaultOf(ctx), objectName(name), {
      keyType: body.kty as KeyType,
      keySize: body.key_size as number | undefined,
      curve: body.crv as CurveName | undefined,
      keyOps: keyOps(body.key_ops),
      enabled: boolField(attrs.enabled, 'attributes.enabled'),
      notBefore: dateField(attrs.nbf, 'attributes.nbf') ?? undefined,
      expiresOn: dateField(attrs.exp, 'attributes.exp') ?? undefined,
      tags: tagsField(body.tags),
    });
    return ok(keyBundle(key));
  });

  r.add('PUT', '/keys/{}', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    const jwk = objectField(body.key, 'key');
    if (typeof jwk.kty !== 'string') throw new KeyVaultError(400, 'BadParameter', "Property 'key.kty' is required.");
    const attrs = objectField(body.attributes, 'attributes');
    const key = await ctx.backend.keys.import(vaultOf(ctx), objectName(name), {
      key: jwk as unknown as ImportJsonWebKey,
      enabled: boolField(attrs.enabled, 'attributes.enabled'),
      notBefore: dateField(attrs.nbf, 'attributes.nbf') ?? undefined,
      expiresOn: dateField(attrs.exp, 'attributes.exp') ?? undefined,
      tags: tagsField(body.tags),
    });
    return ok(keyBundle(key));
  });

  r.add('GET', '/keys/{}/versions', async (ctx, [name]) => ok(arrayPage(ctx, await ctx.backend.keys.listVersions(vaultOf(ctx), objectName(name)), keyItem)));
  r.add('POST', '/keys/{}/rotate', async (ctx, [name]) => ok(keyBundle(await ctx.backend.keys.rotate(vaultOf(ctx), objectName(name)))));
  r.add('POST', '/keys/{}/backup', async (ctx, [name]) => ok({ value: b64url(await ctx.backend.keys.backup(vaultOf(ctx), objectName(name))) }));

  const get = async (ctx: RequestContext, name: string, version?: string) =>
    ok(keyBundle(await ctx.backend.keys.get(vaultOf(ctx), objectName(name), versionOf(version))));
  r.add('GET', '/keys/{}', (ctx, [name]) => get(ctx, name));
  r.add('GET', '/keys/{}/{}', (ctx, [name, version]) => get(ctx, name, version));

  const update = async (ctx: RequestContext, name: string, version?: string) => {
    const body = objectBody(ctx.body ?? {});
    const attrs = objectField(body.attributes, 'attributes');
    const key = await ctx.backend.keys.update(vaultOf(ctx), objectName(name), versionOf(version), {
      keyOps: keyOps(body.key_ops),
      enabled: boolField(attrs.enabled, 'attributes.enabled'),
      notBefore: dateField(attrs.nbf, 'attributes.nbf'),
      expiresOn: dateField(attrs.exp, 'attributes.exp'),
      tags: tagsField(body.tags),
    });
    return ok(keyBundle(key));
  };
  r.add('PATCH', '/keys/{}', (ctx, [name]) => update(ctx, name));
  r.add('PATCH', '/keys/{}/{}', (ctx, [name, version]) => update(ctx, name, version));

  r.add('DELETE', '/keys/{}', async (ctx, [name]) => ok(deletedKeyBody(await ctx.backend.keys.delete(vaultOf(ctx), objectName(name)))));

  // Crypto: /keys/{name}/{version}/{op}, and /keys/{name}/{op} when the client leaves the version empty.
  r.add('POST', '/keys/{}/{}/{}', (ctx, [name, version, op]) => {
    const o = op.toLowerCase();
    if (!CRYPTO_OPS.has(o)) throw new KeyVaultError(404, 'NotFound', `The operation '${op}' is not a key operation.`);
    return crypto(ctx, name, version, o as CryptoOp);
  });
  r.add('POST', '/keys/{}/{}', (ctx, [name, op]) => {
    const o = op.toLowerCase();
    if (!CRYPTO_OPS.has(o)) throw new KeyVaultError(404, 'NotFound', `The operation '${op}' is not a key operation.`);
    return crypto(ctx, name, undefined, o as CryptoOp);
  });

  r.add('GET', '/deletedkeys', async (ctx) => ok(arrayPage(ctx, await ctx.backend.deleted.listKeys(vaultOf(ctx)), deletedKeyItem)));
  r.add('GET', '/deletedkeys/{}', async (ctx, [name]) => ok(deletedKeyBody(await ctx.backend.deleted.getKey(vaultOf(ctx), objectName(name)))));
  r.add('DELETE', '/deletedkeys/{}', async (ctx, [name]) => {
    await ctx.backend.deleted.purgeKey(vaultOf(ctx), objectName(name));
    return { status: 204 };
  });
  r.add('POST', '/deletedkeys/{}/recover', async (ctx, [name]) => ok(keyBundle(await ctx.backend.deleted.recoverKey(vaultOf(ctx), objectName(name)))));
}
