/**
 * Keys on the data plane. The private JWK stays in the record; everything returned carries the public
 * JWK only (to-domain.ts builds it field by field). Cryptographic operations run here, checked against
 * the caller's permissions, the key's enabled flag and its key_ops.
 */
import { errors } from '../domain/errors.js';
import { deletedKeyId, keyId } from '../domain/ids.js';
import {
  EC_CURVES, RSA_SIZES,
  type CurveName, type DeletedKey, type EncryptionAlgorithm, type KeyCreateInput, type KeyImportInput, type KeyOperation,
  type KeyOperationResult, type KeyProperties, type KeyType, type KeyUpdateInput, type KeyVaultKey, type SignatureAlgorithm,
} from '../domain/key.js';
import type { Page, PageOptions } from '../domain/page.js';
import { decodeKeyBackup, encodeKeyBackup } from './backup.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import {
  applyDate, checkName, checkRestorable, checkTags, findVersion, nowSeconds, purgeExpiredIn, recoverDeleted,
  refuseIfDeleted, softDelete, sortedDeleted, toSeconds,
  expireDeleted, runDataPlane,
} from './data-plane.js';
import * as kc from './key-crypto.js';
import { noteAdded, pageKeys } from './name-index.js';
import type { Deleted, KeyRecord, KeyVersionRecord, VaultRecord } from './state.js';
import { toDeletedKey, toKey, toKeyProperties } from './to-domain.js';

const ALL_OPS: readonly KeyOperation[] = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey', 'import', 'export'];

type CryptoOp = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';
const AUDIT_NAME: Record<CryptoOp, string> = {
  sign: 'KeySign', verify: 'KeyVerify', encrypt: 'KeyEncrypt', decrypt: 'KeyDecrypt', wrapKey: 'KeyWrap', unwrapKey: 'KeyUnwrap',
};

export class KeysPart {
  constructor(private readonly core: EngineCore) {}

  listPage(ctx: CallContext, vaultName: string, page?: PageOptions): Page<KeyProperties> {
    return this.run(ctx, 'KeyList', vaultName, undefined, 'list', (vault) => {
      const { keys, continuationToken } = pageKeys(vault.keys, page);
      const items = keys.map((k) => {
        const r = vault.keys.get(k)!;
        return toKeyProperties(this.core, vault, r.name, r.versions[r.versions.length - 1]);
      });
      return { items, continuationToken };
    });
  }

  listVersions(ctx: CallContext, vaultName: string, name: string): KeyProperties[] {
    return this.run(ctx, 'KeyListVersions', vaultName, name, 'list', (vault) => {
      const r = this.active(vault, name);
      return r.versions.map((v) => toKeyProperties(this.core, vault, r.name, v));
    });
  }

  get(ctx: CallContext, vaultName: string, name: string, version?: string): KeyVaultKey {
    return this.run(ctx, 'KeyGet', vaultName, name, 'get', (vault) => {
      const { record, v } = this.version(vault, name, version);
      return toKey(this.core, vault, record.name, v);
    }, 200, version);
  }

  create(ctx: CallContext, vaultName: string, name: string, input: KeyCreateInput): KeyVaultKey {
    return this.run(ctx, 'KeyCreate', vaultName, name, 'create', (vault) => {
      const key = this.checkNew(vault, name);
      const { kty, keySize, curve } = checkKeySpec(vault, input);
      const keyOps = checkKeyOps(input.keyOps, kty);
      const tags = checkTags(input.tags);
      const privateJwk = kty === 'RSA' ? kc.generateRsa(keySize!) : kc.generateEc(curve!);
      return this.addVersion(vault, key, name, {
        keyType: input.keyType, keySize, curve, keyOps, tags, privateJwk,
        enabled: input.enabled ?? true,
        notBefore: input.notBefore === undefined ? undefined : toSeconds(input.notBefore, 'notBefore'),
        expiresOn: input.expiresOn === undefined ? undefined : toSeconds(input.expiresOn, 'expiresOn'),
      });
    });
  }

  import(ctx: CallContext, vaultName: string, name: string, input: KeyImportInput): KeyVaultKey {
    return this.run(ctx, 'KeyImport', vaultName, name, 'import', (vault) => {
      const key = this.checkNew(vault, name);
      const { jwk, keySize, curve } = kc.importJwk((input.key ?? {}) as unknown as Record<string, unknown>);
      const hsm = String(input.key?.kty ?? '').endsWith('-HSM');
      if (hsm && vault.sku !== 'premium') throw hsmOnStandard(input.key.kty);
      const kty = jwk.kty as 'RSA' | 'EC';
      return this.addVersion(vault, key, name, {
        keyType: (hsm ? `${kty}-HSM` : kty) as KeyType,
        keySize, curve,
        keyOps: checkKeyOps(input.key.key_ops, kty),
        tags: checkTags(input.tags),
        privateJwk: jwk,
        enabled: input.enabled ?? true,
        notBefore: input.notBefore === undefined ? undefined : toSeconds(input.notBefore, 'notBefore'),
        expiresOn: input.expiresOn === undefined ? undefined : toSeconds(input.expiresOn, 'expiresOn'),
      });
    });
  }

  update(ctx: CallContext, vaultName: string, name: string, version: string | undefined, input: KeyUpdateInput): KeyVaultKey {
    return this.run(ctx, 'KeyUpdate', vaultName, name, 'update', (vault) => {
      const { record, v } = this.version(vault, name, version);
      const keyOps = input.keyOps === undefined ? v.keyOps : checkKeyOps(input.keyOps, baseType(v.keyType));
      const tags = input.tags === undefined ? v.tags : checkTags(input.tags);
      const notBefore = applyDate(v.notBefore, input.notBefore, 'notBefore');
      const expiresOn = applyDate(v.expiresOn, input.expiresOn, 'expiresOn');
      Object.assign(v, { keyOps, tags, notBefore, expiresOn, enabled: input.enabled ?? v.enabled, updated: nowSeconds(this.core) });
      this.core.changed();
      return toKey(this.core, vault, record.name, v);
    }, 200, version);
  }

  /** A new version with the same type, size or curve, operations and tags. */
  rotate(ctx: CallContext, vaultName: string, name: string): KeyVaultKey {
    return this.run(ctx, 'KeyRotate', vaultName, name, 'rotate', (vault) => {
      const record = this.active(vault, name);
      const last = record.versions[record.versions.length - 1];
      const privateJwk = baseType(last.keyType) === 'RSA' ? kc.generateRsa(last.keySize ?? 2048) : kc.generateEc(last.curve ?? 'P-256');
      return this.addVersion(vault, checkName(name), record.name, {
        keyType: last.keyType, keySize: last.keySize, curve: last.curve, keyOps: [...last.keyOps], tags: { ...last.tags },
        privateJwk, enabled: true, notBefore: undefined, expiresOn: undefined,
      });
    });
  }

  delete(ctx: CallContext, vaultName: string, name: string): DeletedKey {
    return this.run(ctx, 'KeyDelete', vaultName, name, 'delete', (vault) => {
      this.active(vault, name);
      const entry = softDelete(this.core, vault, vault.keys, vault.deletedKeys, checkName(name));
      this.core.changed();
      return toDeletedKey(this.core, vault, entry);
    });
  }

  backup(ctx: CallContext, vaultName: string, name: string): Uint8Array {
    return this.run(ctx, 'KeyBackup', vaultName, name, 'backup', (vault) => encodeKeyBackup(this.active(vault, name)));
  }

  restore(ctx: CallContext, vaultName: string, backup: Uint8Array): KeyVaultKey {
    return this.run(ctx, 'KeyRestore', vaultName, 'restore', 'restore', (vault) => {
      const record = decodeKeyBackup(backup);
      const key = checkName(record.name);
      this.expire(vault, key);
      checkRestorable({ active: vault.keys, deleted: vault.deletedKeys }, key, 'Key', record.name);
      vault.keys.set(key, record);
      noteAdded(vault.keys, key);
      this.core.changed();
      return toKey(this.core, vault, record.name, record.versions[record.versions.length - 1]);
    });
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

  listDeleted(ctx: CallContext, vaultName: string): DeletedKey[] {
    return this.runDeleted(ctx, 'KeyListDeleted', vaultName, undefined, 'list', (vault) => {
      if (purgeExpiredIn(vault.deletedKeys, this.core.now())) this.core.changed();
      return sortedDeleted(vault.deletedKeys).map((d) => toDeletedKey(this.core, vault, d));
    });
  }

  getDeleted(ctx: CallContext, vaultName: string, name: string): DeletedKey {
    return this.runDeleted(ctx, 'KeyGetDeleted', vaultName, name, 'list', (vault) => toDeletedKey(this.core, vault, this.deleted(vault, name)));
  }

  recover(ctx: CallContext, vaultName: string, name: string): KeyVaultKey {
    return this.runDeleted(ctx, 'KeyRecover', vaultName, name, 'recover', (vault) => {
      this.deleted(vault, name);
      const r = recoverDeleted(vault.keys, vault.deletedKeys, checkName(name));
      this.core.changed();
      return toKey(this.core, vault, r.name, r.versions[r.versions.length - 1]);
    });
  }

  purge(ctx: CallContext, vaultName: string, name: string): void {
    this.runDeleted(ctx, 'KeyPurge', vaultName, name, 'purge', (vault) => {
      this.deleted(vault, name);
      if (vault.enablePurgeProtection) throw errors.objectPurgeProtected();
      vault.deletedKeys.delete(checkName(name));
      this.core.changed();
    }, 204);
  }

  purgeExpired(now: number): void {
    let any = false;
    for (const vault of this.core.state.vaults.values()) any = purgeExpiredIn(vault.deletedKeys, now) || any;
    if (any) this.core.changed();
  }

  // ---- helpers ----

  private crypto<R>(ctx: CallContext, op: CryptoOp, vaultName: string, name: string, version: string | undefined, fn: (jwk: kc.PrivateJwk) => R): { kid: string; result: R } {
    return this.run(ctx, AUDIT_NAME[op], vaultName, name, op, (vault) => {
      const { record, v } = this.version(vault, name, version);
      if (!v.enabled) throw errors.keyDisabled(op);
      if (!v.keyOps.includes(op)) throw errors.operationNotPermittedByKey(op);
      return { kid: keyId(this.core.vaultUri(vault.name), record.name, v.version), result: fn(v.privateJwk) };
    }, 200, version);
  }

  private addVersion(vault: VaultRecord, key: string, name: string, fields: Omit<KeyVersionRecord, 'version' | 'created' | 'updated'>): KeyVaultKey {
    const now = nowSeconds(this.core);
    const v: KeyVersionRecord = { ...fields, version: this.core.newVersion(), created: now, updated: now };
    let r = vault.keys.get(key);
    if (r) r.versions.push(v);
    else {
      r = { name, versions: [v] };
      vault.keys.set(key, r);
      noteAdded(vault.keys, key);
    }
    this.core.changed();
    return toKey(this.core, vault, r.name, v);
  }

  private run<T>(
    ctx: CallContext, operation: string, vaultName: string, name: string | undefined, permission: string,
    fn: (vault: VaultRecord) => T, successCode = 200, version?: string,
  ): T {
    const uri = this.core.vaultUri(vaultName);
    const target = name === undefined ? `${uri}keys` : keyId(uri, name, version);
    return runDataPlane(this.core, ctx, 'keys', operation, vaultName, target, permission, fn, successCode);
  }

  private runDeleted<T>(
    ctx: CallContext, operation: string, vaultName: string, name: string | undefined, permission: string,
    fn: (vault: VaultRecord) => T, successCode = 200,
  ): T {
    const uri = this.core.vaultUri(vaultName);
    const target = name === undefined ? `${uri}deletedkeys` : deletedKeyId(uri, name);
    return runDataPlane(this.core, ctx, 'keys', operation, vaultName, target, permission, fn, successCode);
  }

  private active(vault: VaultRecord, name: string): KeyRecord {
    const r = vault.keys.get(checkName(name));
    if (!r) throw errors.keyNotFound(name);
    return r;
  }

  private version(vault: VaultRecord, name: string, version: string | undefined): { record: KeyRecord; v: KeyVersionRecord } {
    const record = this.active(vault, name);
    const v = findVersion(record, version);
    if (!v) throw errors.keyNotFound(`${name}/${version}`);
    return { record, v };
  }

  /** Validates the name and refuses a soft-deleted one; returns the map key. */
  private checkNew(vault: VaultRecord, name: string): string {
    const key = checkName(name);
    this.expire(vault, key);
    refuseIfDeleted(vault.deletedKeys, key, 'Key', name);
    return key;
  }

  private deleted(vault: VaultRecord, name: string): Deleted<KeyRecord> {
    const key = checkName(name);
    this.expire(vault, key);
    const d = vault.deletedKeys.get(key);
    if (!d) throw errors.deletedKeyNotFound(name);
    return d;
  }

  private expire(vault: VaultRecord, key: string): void {
    expireDeleted(this.core, vault.deletedKeys, key);
  }
}

const baseType = (t: KeyType): 'RSA' | 'EC' => (t.startsWith('EC') ? 'EC' : 'RSA');

// Inferred text: Azure refuses HSM-protected keys in a standard vault with a 400.
const hsmOnStandard = (kty: string) => errors.badParameter(`Keys of type ${kty} require a premium vault; this vault is standard.`);

function checkKeySpec(vault: VaultRecord, input: KeyCreateInput): { kty: 'RSA' | 'EC'; keySize?: number; curve?: CurveName } {
  if (!['RSA', 'EC', 'RSA-HSM', 'EC-HSM'].includes(input.keyType)) {
    throw errors.badParameter(`The key type '${String(input.keyType)}' is not supported. Use RSA, EC, RSA-HSM or EC-HSM.`);
  }
  if (input.keyType.endsWith('-HSM') && vault.sku !== 'premium') throw hsmOnStandard(input.keyType);
  const kty = baseType(input.keyType);
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

/** Default: every operation the key type can do. Unknown names are refused; order is kept, duplicates dropped. */
function checkKeyOps(ops: readonly string[] | undefined, kty: 'RSA' | 'EC'): KeyOperation[] {
  if (ops === undefined) return [...(kty === 'RSA' ? kc.RSA_OPERATIONS : kc.EC_OPERATIONS)];
  if (!Array.isArray(ops)) throw errors.badParameter('key_ops must be a list of operations.');
  for (const op of ops) {
    if (!ALL_OPS.includes(op as KeyOperation)) throw errors.badParameter(`The key operation '${String(op)}' is not valid. Use ${ALL_OPS.join(', ')}.`);
  }
  return [...new Set(ops as KeyOperation[])];
}
