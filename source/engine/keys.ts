/**
 * Keys on the data plane: the shared lifecycle (objects/versioned-part.ts) plus what only keys have —
 * create, import, update, rotate and the cryptographic operations, which run here, checked against the
 * caller's permissions, the key's enabled flag and its key_ops. The private JWK never leaves the record.
 */
import { errors } from '../domain/errors.js';
import { objectId } from '../domain/ids.js';
import {
  EC_CURVES, KEY_OPERATIONS_FOR, keyFamily, keyOperationsProblem, OPERATIONS_OUTSIDE_VALIDITY, RSA_SIZES,
  type CurveName, type DeletedKey, type EncryptionAlgorithm, type KeyCreateInput, type KeyImportInput, type KeyOperation,
  type KeyOperationResult, type KeyProperties, type KeyType, type KeyUpdateInput, type KeyVaultKey, type SignatureAlgorithm,
} from '../domain/key.js';
import { addDuration, DEFAULT_ROTATION_ACTIONS, parseDuration, rotationDue, rotationPolicyProblem, type KeyRotationPolicy } from '../domain/rotation-policy.js';
import { KEY_VAULT_SERVICE, type CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import * as kc from './key-crypto.js';
import { applyDate, checkTags, nowSeconds, optionalSeconds } from './objects/input.js';
import { KEY_KIND, toKey } from './objects/key-kind.js';
import { VersionedPart } from './objects/versioned-part.js';
import type { KeyRecord, KeyVersionRecord, VaultRecord } from './state.js';

type CryptoOp = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';
const AUDIT_NAME: Record<CryptoOp, string> = {
  sign: 'Sign', verify: 'Verify', encrypt: 'Encrypt', decrypt: 'Decrypt', wrapKey: 'Wrap', unwrapKey: 'Unwrap',
};

export class KeysPart extends VersionedPart<KeyRecord, KeyProperties, DeletedKey, KeyVaultKey, KeyVaultKey> {
  constructor(core: EngineCore) {
    super(core, KEY_KIND);
  }

  create(ctx: CallContext, vaultName: string, name: string, input: KeyCreateInput): KeyVaultKey {
    return this.run(ctx, 'Create', vaultName, name, 'create', (vault) => {
      this.checkNew(vault, name, 'create');
      const { kty, keySize, curve } = checkKeySpec(vault, input);
      const keyOps = checkKeyOps(input.keyOps, kty);
      const tags = checkTags(input.tags);
      const privateJwk = kty === 'RSA' ? kc.generateRsa(keySize!) : kc.generateEc(curve!);
      return this.addVersion(vault, name, {
        keyType: input.keyType, keySize, curve, keyOps, tags, privateJwk,
        enabled: input.enabled ?? true,
        notBefore: optionalSeconds(input.notBefore, 'notBefore'),
        expiresOn: optionalSeconds(input.expiresOn, 'expiresOn'),
      });
    });
  }

  import(ctx: CallContext, vaultName: string, name: string, input: KeyImportInput): KeyVaultKey {
    return this.run(ctx, 'Import', vaultName, name, 'import', (vault) => {
      this.checkNew(vault, name, 'import');
      const { jwk, keySize, curve } = kc.importJwk((input.key ?? {}) as unknown as Record<string, unknown>);
      const hsm = String(input.key?.kty ?? '').endsWith('-HSM');
      if (hsm && vault.sku !== 'premium') throw hsmOnStandard(input.key.kty);
      const kty = jwk.kty as 'RSA' | 'EC';
      return this.addVersion(vault, name, {
        keyType: (hsm ? `${kty}-HSM` : kty) as KeyType,
        keySize, curve,
        keyOps: checkKeyOps(input.key.key_ops, kty),
        tags: checkTags(input.tags),
        privateJwk: jwk,
        enabled: input.enabled ?? true,
        notBefore: optionalSeconds(input.notBefore, 'notBefore'),
        expiresOn: optionalSeconds(input.expiresOn, 'expiresOn'),
      });
    });
  }

  update(ctx: CallContext, vaultName: string, name: string, version: string | undefined, input: KeyUpdateInput): KeyVaultKey {
    return this.run(ctx, 'Update', vaultName, name, 'update', (vault) => {
      const { record, v } = this.version(vault, name, version);
      this.mutable(record, 'update');
      const keyOps = input.keyOps === undefined ? v.keyOps : checkKeyOps(input.keyOps, keyFamily(v.keyType));
      const tags = input.tags === undefined ? v.tags : checkTags(input.tags);
      const notBefore = applyDate(v.notBefore, input.notBefore, 'notBefore');
      const expiresOn = applyDate(v.expiresOn, input.expiresOn, 'expiresOn');
      this.store(vault).updateVersion(record, v, { keyOps, tags, notBefore, expiresOn, enabled: input.enabled ?? v.enabled, updated: nowSeconds(this.core) });
      return toKey(this.core, vault, record, v);
    }, 200, version);
  }

  /** A new version with the same type, size or curve, operations and tags (and the policy's expiry). */
  rotate(ctx: CallContext, vaultName: string, name: string): KeyVaultKey {
    return this.run(ctx, 'Rotate', vaultName, name, 'rotate', (vault) => {
      const record = this.active(vault, name);
      this.mutable(record, 'rotate');
      return this.newVersionOf(vault, record);
    });
  }

  /** The key's rotation policy, or the default one (notify 30 days before expiry) when none was set. */
  getRotationPolicy(ctx: CallContext, vaultName: string, name: string): KeyRotationPolicy {
    return this.run(ctx, 'GetRotationPolicy', vaultName, name, 'getRotationPolicy', (vault) => this.policyOf(vault, this.active(vault, name)));
  }

  setRotationPolicy(ctx: CallContext, vaultName: string, name: string, input: Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'>): KeyRotationPolicy {
    return this.run(ctx, 'SetRotationPolicy', vaultName, name, 'setRotationPolicy', (vault) => {
      const record = this.active(vault, name);
      this.mutable(record, 'update');
      const lifetimeActions = (input.lifetimeActions ?? []).map((a) => ({ ...a }));
      const problem = rotationPolicyProblem({ lifetimeActions, expiresIn: input.expiresIn });
      if (problem) throw errors.badParameter(problem);
      const now = nowSeconds(this.core);
      const rotationPolicy = { lifetimeActions, expiresIn: input.expiresIn, created: record.rotationPolicy?.created ?? now, updated: now };
      this.store(vault).updateObject(record, { rotationPolicy });
      return this.policyOf(vault, record);
    });
  }

  /**
   * Rotates every key whose policy's Rotate trigger has come (the sweep calls this once per clock
   * second). Done by Key Vault itself: audited as KeyRotate by the service, not by a caller.
   */
  autoRotate(now: number): void {
    for (const vault of this.core.state.vaults.values()) {
      for (const record of this.store(vault).records()) {
        if (!record.rotationPolicy || !rotationDue(record.rotationPolicy, record.versions[record.versions.length - 1], now)) continue;
        const target = objectId(this.core.vaultUri(vault.name), 'key', record.name);
        this.core.audited(KEY_VAULT_SERVICE, 'KeyRotate', { vaultName: vault.name, target }, () => this.newVersionOf(vault, record));
      }
    }
  }

  private newVersionOf(vault: VaultRecord, record: KeyRecord): KeyVaultKey {
    const last = record.versions[record.versions.length - 1];
    const privateJwk = keyFamily(last.keyType) === 'RSA' ? kc.generateRsa(last.keySize ?? 2048) : kc.generateEc(last.curve ?? 'P-256');
    const expiresIn = record.rotationPolicy?.expiresIn === undefined ? undefined : parseDuration(record.rotationPolicy.expiresIn);
    return this.addVersion(vault, record.name, {
      keyType: last.keyType, keySize: last.keySize, curve: last.curve, keyOps: [...last.keyOps], tags: { ...last.tags },
      privateJwk, enabled: true, notBefore: undefined,
      expiresOn: expiresIn ? addDuration(nowSeconds(this.core), expiresIn) : undefined,
    });
  }

  private policyOf(vault: VaultRecord, record: KeyRecord): KeyRotationPolicy {
    const id = `${objectId(this.core.vaultUri(vault.name), 'key', record.name)}/rotationpolicy`;
    const p = record.rotationPolicy;
    if (!p) return { id, lifetimeActions: DEFAULT_ROTATION_ACTIONS.map((a) => ({ ...a })) };
    return { id, lifetimeActions: p.lifetimeActions.map((a) => ({ ...a })), expiresIn: p.expiresIn, createdOn: new Date(p.created), updatedOn: new Date(p.updated) };
  }

  sign(ctx: CallContext, vaultName: string, name: string, version: string | undefined, algorithm: SignatureAlgorithm, digest: Uint8Array): KeyOperationResult {
    return this.crypto(ctx, 'sign', vaultName, name, version, (jwk) => kc.sign(jwk, algorithm, digest));
  }

  verify(ctx: CallContext, vaultName: string, name: string, version: string | undefined, algorithm: SignatureAlgorithm, digest: Uint8Array, signature: Uint8Array): boolean {
    return this.crypto(ctx, 'verify', vaultName, name, version, (jwk) => kc.verify(jwk, algorithm, digest, signature)).result;
  }

  encrypt(ctx: CallContext, vaultName: string, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, plaintext: Uint8Array): KeyOperationResult {
    return this.crypto(ctx, 'encrypt', vaultName, name, version, (jwk) => kc.encrypt(jwk, algorithm, plaintext));
  }

  decrypt(ctx: CallContext, vaultName: string, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, ciphertext: Uint8Array): KeyOperationResult {
    return this.crypto(ctx, 'decrypt', vaultName, name, version, (jwk) => kc.decrypt(jwk, algorithm, ciphertext));
  }

  wrapKey(ctx: CallContext, vaultName: string, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, key: Uint8Array): KeyOperationResult {
    return this.crypto(ctx, 'wrapKey', vaultName, name, version, (jwk) => kc.encrypt(jwk, algorithm, key));
  }

  unwrapKey(ctx: CallContext, vaultName: string, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, wrapped: Uint8Array): KeyOperationResult {
    return this.crypto(ctx, 'unwrapKey', vaultName, name, version, (jwk) => kc.decrypt(jwk, algorithm, wrapped));
  }

  // ---- helpers ----

  private crypto<R>(ctx: CallContext, op: CryptoOp, vaultName: string, name: string, version: string | undefined, fn: (jwk: kc.PrivateJwk) => R): { kid: string; result: R } {
    return this.run(ctx, AUDIT_NAME[op], vaultName, name, op, (vault) => {
      const { record, v } = this.version(vault, name, version);
      if (!v.enabled) throw errors.keyDisabled(op);
      if (!v.keyOps.includes(op)) throw errors.operationNotPermittedByKey(op);
      if (!OPERATIONS_OUTSIDE_VALIDITY.includes(op)) {
        const now = this.core.now();
        if (v.expiresOn !== undefined && now >= v.expiresOn) throw errors.keyNotValidNow(op, true);
        if (v.notBefore !== undefined && now < v.notBefore) throw errors.keyNotValidNow(op, false);
      }
      return { kid: objectId(this.core.vaultUri(vault.name), 'key', record.name, v.version), result: fn(v.privateJwk) };
    }, 200, version);
  }

  private addVersion(vault: VaultRecord, name: string, fields: Omit<KeyVersionRecord, 'version' | 'created' | 'updated'>): KeyVaultKey {
    const now = nowSeconds(this.core);
    const v: KeyVersionRecord = { ...fields, version: this.core.newVersion(), created: now, updated: now };
    const r = this.store(vault).addVersion(name, v);
    return toKey(this.core, vault, r, v);
  }
}

// Inferred text: Azure refuses HSM-protected keys in a standard vault with a 400.
const hsmOnStandard = (kty: string) => errors.badParameter(`Keys of type ${kty} require a premium vault; this vault is standard.`);

function checkKeySpec(vault: VaultRecord, input: KeyCreateInput): { kty: 'RSA' | 'EC'; keySize?: number; curve?: CurveName } {
  if (!['RSA', 'EC', 'RSA-HSM', 'EC-HSM'].includes(input.keyType)) {
    throw errors.badParameter(`The key type '${String(input.keyType)}' is not supported. Use RSA, EC, RSA-HSM or EC-HSM.`);
  }
  if (input.keyType.endsWith('-HSM') && vault.sku !== 'premium') throw hsmOnStandard(input.keyType);
  const kty = keyFamily(input.keyType);
  if (kty === 'RSA') {
    const keySize = input.keySize ?? 2048;
    if (!(RSA_SIZES as readonly number[]).includes(keySize)) {
      throw errors.badParameter(`The key size ${keySize} is not supported for RSA keys. Use ${RSA_SIZES.join(', ')}.`);
    }
    if (input.curve !== undefined) throw errors.badParameter('A curve cannot be given for an RSA key.');
    return { kty, keySize };
  }
  const curve = input.curve ?? 'P-256';
  if (!EC_CURVES.includes(curve)) throw errors.badParameter(`The curve '${curve}' is not supported. Use ${EC_CURVES.join(', ')}.`);
  if (input.keySize !== undefined) throw errors.badParameter('A key size cannot be given for an EC key; choose a curve.');
  return { kty, curve };
}

/** Default: every operation the key family can do. Unknown names are refused; order is kept, duplicates dropped. */
function checkKeyOps(ops: readonly string[] | undefined, family: 'RSA' | 'EC'): KeyOperation[] {
  if (ops === undefined) return [...KEY_OPERATIONS_FOR[family]];
  if (!Array.isArray(ops)) throw errors.badParameter('key_ops must be a list of operations.');
  const problem = keyOperationsProblem(ops);
  if (problem) throw errors.badParameter(problem);
  return [...new Set(ops as KeyOperation[])];
}
