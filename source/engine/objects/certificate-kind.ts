/** The certificate kind for the generic lifecycle: ids, errors and record → domain mapping (never a private key). */
import { isAutoRenew, type CertificatePolicy, type CertificateProperties, type DeletedCertificate, type KeyVaultCertificate } from '../../domain/certificate.js';
import { certificateErrors } from '../../domain/errors.js';
import { objectId } from '../../domain/ids.js';
import { OBJECT_KINDS } from '../../domain/object-kind.js';
import type { EngineCore } from '../core.js';
import type { CertificateRecord, CertificateVersionRecord, Deleted, VaultRecord } from '../state.js';
import { cachedProps, rememberProps } from '../store/props-cache.js';
import { binFields, latest, vaultStamp, type KindSpec } from './kind.js';
import { KEY_KIND } from './key-kind.js';
import { frozenTags, SECRET_KIND } from './secret-kind.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/**
 * Frozen: listings reuse these entries. What the console lists is read from the record, never from the
 * DER, and cached on the version (props-cache.ts) while everything it depends on still matches — a
 * listing of 10,000 certificates builds them once.
 */
export function certificateProperties(core: EngineCore, vault: VaultRecord, r: CertificateRecord, v: CertificateVersionRecord): CertificateProperties {
  const recoveryLevel = core.recoveryLevel(vault);
  const autoRenew = isAutoRenew(r.policy);
  const subject = v.subject ?? r.policy.subject;
  const hit = cachedProps<CertificateProperties>(v);
  if (
    hit && hit.name === r.name && hit.vaultName === vault.name && hit.recoveryLevel === recoveryLevel && hit.recoverableDays === vault.softDeleteRetentionDays &&
    hit.autoRenew === autoRenew && hit.issuerName === r.policy.issuerName && hit.subject === subject
  ) {
    return hit;
  }
  const createdOn = new Date(v.created);
  return rememberProps(v, Object.freeze({
    vaultName: vault.name,
    name: r.name,
    version: v.version,
    id: `${core.vaultUri(vault.name)}certificates/${r.name}/${v.version}`,
    thumbprint: v.thumbprint ?? '',
    subject,
    issuer: v.issuer,
    issuerName: r.policy.issuerName,
    autoRenew,
    pending: v.cer === undefined,
    // The record's own list, frozen in place: nobody changes a stored version's names.
    dnsNames: (v.dnsNames && (Object.isFrozen(v.dnsNames) ? v.dnsNames : Object.freeze(v.dnsNames))) as string[] | undefined,
    enabled: v.enabled,
    notBefore: date(v.notBefore),
    expiresOn: date(v.expiresOn),
    createdOn,
    updatedOn: v.updated === v.created ? createdOn : new Date(v.updated),
    tags: frozenTags(v.tags) as Record<string, string>,
    recoveryLevel,
    recoverableDays: vault.softDeleteRetentionDays,
  }));
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

export const CERTIFICATE_KIND: KindSpec<CertificateRecord, CertificateProperties, DeletedCertificate, KeyVaultCertificate, KeyVaultCertificate> = {
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
  // The latest version carries the policy; a named version does not (as the service answers).
  full: (core, vault, r, v, latestAsked) => toCertificate(core, vault, r, v, latestAsked),
  restored: (core, vault, r) => toCertificate(core, vault, r, latest(r), true),
  backupVersionOk: (v) => v.cer === undefined || typeof v.cer === 'string',
  linkedBackupVersionOk: { key: KEY_KIND.backupVersionOk, secret: SECRET_KIND.backupVersionOk },
};
