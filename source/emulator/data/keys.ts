/** What only keys have on the data plane: create, import, rotate, get, update and the crypto operations. The lifecycle is lifecycle.ts's. */
import { KeyVaultError } from '../../domain/errors.js';
import type { CurveName, EncryptionAlgorithm, ImportJsonWebKey, KeyOperation, KeyType, SignatureAlgorithm } from '../../domain/key.js';
import type { RequestContext, RouteResult, Router } from '../router.js';
import { objectBody } from '../http.js';
import { objectName, vaultOf, versionOf } from './common.js';
import { addVersioned } from './lifecycle.js';
import { b64url, bytesField, createdAttributes, keyBundle, objectField, rotationPolicyBody, rotationPolicyField, writtenAttributes } from './wire.js';

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
  r.add('POST', '/keys/{}/create', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    if (typeof body.kty !== 'string' || !KEY_TYPES.has(body.kty)) {
      throw new KeyVaultError(400, 'BadParameter', `Property 'kty' must be one of RSA, RSA-HSM, EC, EC-HSM; got ${String(body.kty)}.`);
    }
    if (body.key_size !== undefined && typeof body.key_size !== 'number') throw new KeyVaultError(400, 'BadParameter', "Property 'key_size' must be a number.");
    const key = await ctx.backend.keys.create(vaultOf(ctx), objectName(name), {
      keyType: body.kty as KeyType,
      keySize: body.key_size as number | undefined,
      curve: body.crv as CurveName | undefined,
      keyOps: keyOps(body.key_ops),
      ...createdAttributes(body),
    });
    return ok(keyBundle(key));
  });

  r.add('PUT', '/keys/{}', async (ctx, [name]) => {
    const body = objectBody(ctx.body);
    const jwk = objectField(body.key, 'key');
    if (typeof jwk.kty !== 'string') throw new KeyVaultError(400, 'BadParameter', "Property 'key.kty' is required.");
    const key = await ctx.backend.keys.import(vaultOf(ctx), objectName(name), { key: jwk as unknown as ImportJsonWebKey, ...createdAttributes(body) });
    return ok(keyBundle(key));
  });

  r.add('POST', '/keys/{}/rotate', async (ctx, [name]) => ok(keyBundle(await ctx.backend.keys.rotate(vaultOf(ctx), objectName(name)))));

  // Before the shared versioned GET (registered last): /keys/{name}/rotationpolicy is not a version named "rotationpolicy".
  r.add('GET', '/keys/{}/rotationpolicy', async (ctx, [name]) => ok(rotationPolicyBody(await ctx.backend.keys.getRotationPolicy(vaultOf(ctx), objectName(name)))));
  r.add('PUT', '/keys/{}/rotationpolicy', async (ctx, [name]) =>
    ok(rotationPolicyBody(await ctx.backend.keys.updateRotationPolicy(vaultOf(ctx), objectName(name), rotationPolicyField(objectBody(ctx.body))))));

  addVersioned(r, 'PATCH', 'keys', async (ctx, name, version) => {
    const body = objectBody(ctx.body ?? {});
    const key = await ctx.backend.keys.update(vaultOf(ctx), objectName(name), versionOf(version), { keyOps: keyOps(body.key_ops), ...writtenAttributes(body) });
    return ok(keyBundle(key));
  });

  // Crypto: /keys/{name}/{version}/{op}, and /keys/{name}/{op} when the client leaves the version empty.
  r.add('POST', '/keys/{}/{}/{}', (ctx, [name, version, op]) => crypto(ctx, name, version, cryptoOp(op)));
  r.add('POST', '/keys/{}/{}', (ctx, [name, op]) => crypto(ctx, name, undefined, cryptoOp(op)));
}

function cryptoOp(op: string): CryptoOp {
  const o = op.toLowerCase();
  if (!CRYPTO_OPS.has(o)) throw new KeyVaultError(404, 'NotFound', `The operation '${op}' is not a key operation.`);
  return o as CryptoOp;
}
