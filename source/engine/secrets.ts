/**
 * Secrets on the data plane: every call authorizes first (access policies), then applies Key Vault's
 * rules, and is recorded in the audit log without its value. Synchronous: the memory backend and the
 * emulator wrap it.
 */
import { errors } from '../domain/errors.js';
import { deletedSecretId, secretId } from '../domain/ids.js';
import type { Page, PageOptions } from '../domain/page.js';
import {
  MAX_CONTENT_TYPE_LENGTH, MAX_SECRET_VALUE_LENGTH,
  type DeletedSecret, type Secret, type SecretProperties, type SecretSetInput, type SecretUpdateInput,
} from '../domain/secret.js';
import { decodeSecretBackup, encodeSecretBackup } from './backup.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import {
  applyDate, checkName, checkRestorable, checkTags, findVersion, nowSeconds, purgeExpiredIn, recoverDeleted,
  refuseIfDeleted, softDelete, sortedDeleted, toSeconds,
  expireDeleted, runDataPlane,
} from './data-plane.js';
import { noteAdded, noteChanged, pageEntries, sortedNames } from './name-index.js';
import type { Deleted, SecretRecord, SecretVersionRecord, VaultRecord } from './state.js';
import { forgetSecretProperties, secretPropertiesMaker, secretPropertiesStamp, toDeletedSecret, toSecret, toSecretProperties } from './to-domain.js';

export class SecretsPart {
  constructor(private readonly core: EngineCore) {}

  listPage(ctx: CallContext, vaultName: string, page?: PageOptions): Page<SecretProperties> {
    return this.run(ctx, 'SecretList', vaultName, undefined, 'list', (vault) => {
      // Entries are the latest versions' cached properties, kept parallel to the name index; set,
      // update, delete, recover and restore note what they change, and the stamp covers the vault level.
      const props = secretPropertiesMaker(this.core, vault);
      return pageEntries(vault.secrets, page, secretPropertiesStamp(this.core, vault),
        (_, r) => props(r.name, r.versions[r.versions.length - 1]));
    });
  }

  /** All secret names in order, in one call (audited as SecretList). An engine extra, not part of SecretsApi. */
  listNames(ctx: CallContext, vaultName: string): string[] {
    return this.run(ctx, 'SecretList', vaultName, undefined, 'list', (vault) => sortedNames(vault.secrets));
  }

  listVersions(ctx: CallContext, vaultName: string, name: string): SecretProperties[] {
    return this.run(ctx, 'SecretListVersions', vaultName, name, 'list', (vault) => {
      const r = this.active(vault, name);
      return r.versions.map((v) => toSecretProperties(this.core, vault, r.name, v));
    });
  }

  get(ctx: CallContext, vaultName: string, name: string, version?: string): Secret {
    return this.run(ctx, 'SecretGet', vaultName, name, 'get', (vault) => {
      const r = this.active(vault, name);
      const v = findVersion(r, version);
      if (!v) throw errors.secretNotFound(`${name}/${version}`);
      if (!v.enabled) throw errors.secretDisabled();
      return toSecret(this.core, vault, r.name, v);
    }, 200, version);
  }

  set(ctx: CallContext, vaultName: string, name: string, input: SecretSetInput): SecretProperties {
    return this.run(ctx, 'SecretSet', vaultName, name, 'set', (vault) => {
      const key = checkName(name);
      this.refuseIfDeleted(vault, key, name);
      const now = nowSeconds(this.core);
      const version: SecretVersionRecord = {
        version: this.core.newVersion(),
        value: checkValue(input.value),
        contentType: checkContentType(input.contentType),
        tags: checkTags(input.tags),
        enabled: input.enabled ?? true,
        notBefore: input.notBefore === undefined ? undefined : toSeconds(input.notBefore, 'notBefore'),
        expiresOn: input.expiresOn === undefined ? undefined : toSeconds(input.expiresOn, 'expiresOn'),
        created: now,
        updated: now,
      };
      let r = vault.secrets.get(key);
      if (r) {
        r.versions.push(version);
        noteChanged(vault.secrets, key);
      } else {
        r = { name, versions: [version] };
        vault.secrets.set(key, r);
        noteAdded(vault.secrets, key);
      }
      this.core.changed();
      return toSecretProperties(this.core, vault, r.name, version);
    });
  }

  update(ctx: CallContext, vaultName: string, name: string, version: string | undefined, input: SecretUpdateInput): SecretProperties {
    return this.run(ctx, 'SecretUpdate', vaultName, name, 'set', (vault) => {
      const r = this.active(vault, name);
      const v = findVersion(r, version);
      if (!v) throw errors.secretNotFound(`${name}/${version}`);
      // Validate everything before changing anything.
      const contentType = input.contentType === undefined ? v.contentType : checkContentType(input.contentType);
      const tags = input.tags === undefined ? v.tags : checkTags(input.tags);
      const notBefore = applyDate(v.notBefore, input.notBefore, 'notBefore');
      const expiresOn = applyDate(v.expiresOn, input.expiresOn, 'expiresOn');
      Object.assign(v, { contentType, tags, notBefore, expiresOn, enabled: input.enabled ?? v.enabled, updated: nowSeconds(this.core) });
      forgetSecretProperties(v);
      noteChanged(vault.secrets, checkName(name));
      this.core.changed();
      return toSecretProperties(this.core, vault, r.name, v);
    }, 200, version);
  }

  delete(ctx: CallContext, vaultName: string, name: string): DeletedSecret {
    return this.run(ctx, 'SecretDelete', vaultName, name, 'delete', (vault) => {
      this.active(vault, name);
      const entry = softDelete(this.core, vault, vault.secrets, vault.deletedSecrets, checkName(name));
      this.core.changed();
      return toDeletedSecret(this.core, vault, entry);
    });
  }

  backup(ctx: CallContext, vaultName: string, name: string): Uint8Array {
    return this.run(ctx, 'SecretBackup', vaultName, name, 'backup', (vault) => encodeSecretBackup(this.active(vault, name)));
  }

  restore(ctx: CallContext, vaultName: string, backup: Uint8Array): SecretProperties {
    return this.run(ctx, 'SecretRestore', vaultName, 'restore', 'restore', (vault) => {
      const record = decodeSecretBackup(backup);
      const key = checkName(record.name);
      this.expire(vault, key);
      checkRestorable({ active: vault.secrets, deleted: vault.deletedSecrets }, key, 'Secret', record.name);
      vault.secrets.set(key, record);
      noteAdded(vault.secrets, key);
      this.core.changed();
      return toSecretProperties(this.core, vault, record.name, record.versions[record.versions.length - 1]);
    });
  }

  listDeleted(ctx: CallContext, vaultName: string): DeletedSecret[] {
    return this.runDeleted(ctx, 'SecretListDeleted', vaultName, undefined, 'list', (vault) => {
      if (purgeExpiredIn(vault.deletedSecrets, this.core.now())) this.core.changed();
      return sortedDeleted(vault.deletedSecrets).map((d) => toDeletedSecret(this.core, vault, d));
    });
  }

  getDeleted(ctx: CallContext, vaultName: string, name: string): DeletedSecret {
    return this.runDeleted(ctx, 'SecretGetDeleted', vaultName, name, 'list', (vault) =>
      toDeletedSecret(this.core, vault, this.deleted(vault, name)),
    );
  }

  recover(ctx: CallContext, vaultName: string, name: string): SecretProperties {
    return this.runDeleted(ctx, 'SecretRecover', vaultName, name, 'recover', (vault) => {
      this.deleted(vault, name);
      const r = recoverDeleted(vault.secrets, vault.deletedSecrets, checkName(name));
      this.core.changed();
      return toSecretProperties(this.core, vault, r.name, r.versions[r.versions.length - 1]);
    });
  }

  purge(ctx: CallContext, vaultName: string, name: string): void {
    this.runDeleted(ctx, 'SecretPurge', vaultName, name, 'purge', (vault) => {
      this.deleted(vault, name);
      if (vault.enablePurgeProtection) throw errors.objectPurgeProtected();
      vault.deletedSecrets.delete(checkName(name));
      this.core.changed();
    }, 204);
  }

  /** Drops deleted secrets whose scheduled purge date has passed, in every vault. */
  purgeExpired(now: number): void {
    let any = false;
    for (const vault of this.core.state.vaults.values()) any = purgeExpiredIn(vault.deletedSecrets, now) || any;
    if (any) this.core.changed();
  }

  // ---- helpers ----

  private run<T>(
    ctx: CallContext, operation: string, vaultName: string, name: string | undefined, permission: string,
    fn: (vault: VaultRecord) => T, successCode = 200, version?: string,
  ): T {
    const uri = this.core.vaultUri(vaultName);
    const target = name === undefined ? `${uri}secrets` : secretId(uri, name, version);
    return runDataPlane(this.core, ctx, 'secrets', operation, vaultName, target, permission, fn, successCode);
  }

  private runDeleted<T>(
    ctx: CallContext, operation: string, vaultName: string, name: string | undefined, permission: string,
    fn: (vault: VaultRecord) => T, successCode = 200,
  ): T {
    const uri = this.core.vaultUri(vaultName);
    const target = name === undefined ? `${uri}deletedsecrets` : deletedSecretId(uri, name);
    return runDataPlane(this.core, ctx, 'secrets', operation, vaultName, target, permission, fn, successCode);
  }

  private active(vault: VaultRecord, name: string): SecretRecord {
    const r = vault.secrets.get(checkName(name));
    if (!r) throw errors.secretNotFound(name);
    return r;
  }

  /** A deleted secret, expiring it first when its purge date has passed (whatever calls purgeExpired). */
  private deleted(vault: VaultRecord, name: string): Deleted<SecretRecord> {
    const key = checkName(name);
    this.expire(vault, key);
    const d = vault.deletedSecrets.get(key);
    if (!d) throw errors.deletedSecretNotFound(name);
    return d;
  }

  private expire(vault: VaultRecord, key: string): void {
    expireDeleted(this.core, vault.deletedSecrets, key);
  }

  private refuseIfDeleted(vault: VaultRecord, key: string, name: string): void {
    this.expire(vault, key);
    refuseIfDeleted(vault.deletedSecrets, key, 'Secret', name);
  }
}

function checkValue(value: unknown): string {
  if (typeof value !== 'string') throw errors.badParameter('The secret value must be a string.');
  if (value.length > MAX_SECRET_VALUE_LENGTH) {
    throw errors.badParameter(`The secret value is ${value.length} characters long; at most ${MAX_SECRET_VALUE_LENGTH} are allowed.`);
  }
  return value;
}

function checkContentType(contentType: string | undefined): string | undefined {
  if (contentType !== undefined && contentType.length > MAX_CONTENT_TYPE_LENGTH) {
    throw errors.badParameter(`The content type is ${contentType.length} characters long; at most ${MAX_CONTENT_TYPE_LENGTH} are allowed.`);
  }
  return contentType;
}
