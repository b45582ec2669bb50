/** The certificate kind for the generic lifecycle: ids, errors and record → domain mapping (never a private key). */
import { isAutoRenew, type CertificatePolicy, type CertificateProperties, type DeletedCertificate, type KeyVaultCertificate } from '../../domain/certificate.js';
import { certificateErrors } from '../../domain/errors.js';
import { objectId } from '../../domain/ids.js';
import { OBJECT_KINDS } from '../../domain/object-kind.js';
import type { EngineCore } from '../core.js';
import type { CertificateRecord, CertificateVersionRecord, Deleted, VaultRecord } from '../state.js';
import { binFields, latest, vaultStamp, type KindSpec } from './kind.js';
import { KEY_KIND } from './key-kind.js';
import { frozenTags, SECRET_KIND } from './secret-kind.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** Frozen: listings reuse these entries. What the console lists is read from the record, never from the DER. */
export function certificateProperties(core: EngineCore, vault: VaultRecord, r: CertificateRecord, v: CertificateVersionRecord): CertificateProperties {
  return Object.freeze({
    vaultName: vault.name,
    name: r.name,
    version: v.version,
    id: objectId(core.vaultUri(vault.name), 'certificate', r.name, v.version),
    thumbprint: v.thumbprint ?? '',
    subject: v.subject ?? r.policy.subject,
    issuer: v.issuer,
    issuerName: r.policy.issuerName,
    autoRenew: isAutoRenew(r.policy),
    pending: v.cer === undefined,
    ...(v.dnsNames ? { dnsNames: Object.freeze([...v.dnsNames]) as string[] } : {}),
    enabled: v.enabled,
    notBefore: date(v.notBefore),
    expiresOn: date(v.expiresOn),
    createdOn: new Date(v.created),
    updatedOn: new Date(v.updated),
    tags: frozenTags(v.tags) as Record<string, string>,
    recoveryLevel: core.recoveryLevel(vault),
    recoverableDays: vault.softDeleteRetentionDays,
  });
}

export function policyOf(r: CertificateRecord): CertificatePolicy {
  const { created, updated, ...rest } = r.policy;
  return { ...structuredClone(rest), createdOn: new Date(created), updatedOn: new Date(updated) };
}

export function toCertificate(core: EngineCore, vault: VaultRecord, r: CertificateRecord, v: CertificateVersionRecord, withPolicy: boolean): KeyVaultCertificate {
  const uri = core.vaultUri(vault.name);
  return {
    properties: certificateProperties(core, vault, r, v),
    cer: v.cer === undefined ? new Uint8Array() : new Uint8Array(Buffer.from(v.cer, 'base64')),
    keyId: objectId(uri, 'key', r.name, v.version),
    secretId: objectId(uri, 'secret', r.name, v.version),
    ...(withPolicy ? { policy: policyOf(r) } : {}),
  };
}

export const CERTIFICATE_KIND: KindSpec<CertificateRecord, CertificateProperties, DeletedCertificate, KeyVaultCertificate> = {
  info: OBJECT_KINDS.certificate,
  notFound: certificateErrors.notFound,
  deletedNotFound: certificateErrors.deletedNotFound,
  properties: certificateProperties,
  stamp: vaultStamp,
  deleted: (core, vault, d: Deleted<CertificateRecord>) => ({
    properties: certificateProperties(core, vault, d.item, latest(d.item)),
    policy: policyOf(d.item),
    ...binFields(core, vault, OBJECT_KINDS.certificate, d),
  }),
  restored: (core, vault, r) => toCertificate(core, vault, r, latest(r), true),
  backupVersionOk: (v) => v.cer === undefined || typeof v.cer === 'string',
  linkedBackupVersionOk: { key: KEY_KIND.backupVersionOk, secret: SECRET_KIND.backupVersionOk },
};
