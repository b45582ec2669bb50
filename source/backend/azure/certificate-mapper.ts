/**
 * @azure/keyvault-certificates' models ↔ the domain. What the console lists of a certificate (subject,
 * issuer, SANs, thumbprint) is read from its DER with node:crypto's X509Certificate: the service's
 * bundles carry only `cer` and `x5t`.
 */
import { X509Certificate } from 'node:crypto';
import type {
  CertificateOperation as SdkOperation, CertificatePolicy as SdkPolicy, CertificateProperties as SdkProperties,
  DeletedCertificate as SdkDeleted, KeyVaultCertificate as SdkCertificate, KeyVaultCertificateWithPolicy,
} from '@azure/keyvault-certificates';
import {
  isAutoRenew, withPolicyDefaults, type CertificateOperation, type CertificatePolicy, type CertificatePolicyInput, type CertificateProperties,
  type DeletedCertificate, type KeyVaultCertificate,
} from '../../domain/certificate.js';
import { objectId } from '../../domain/ids.js';
import { versionPropertiesFromSdk, type SdkVersionProperties } from './version-mapper.js';

/** "C=US\nO=x\nCN=y" (node, encoded order) → "CN=y, O=x, C=US" (as typed, most specific first). */
const dn = (multiLine: string) => multiLine.split('\n').filter(Boolean).reverse().join(', ');

/** Subject, issuer and DNS names of a DER certificate; nothing when it cannot be read. */
export function x509Details(cer: Uint8Array | undefined): Pick<CertificateProperties, 'subject' | 'issuer' | 'dnsNames'> {
  if (!cer?.length) return {};
  try {
    const x = new X509Certificate(cer);
    const dnsNames = (x.subjectAltName ?? '').split(', ').filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
    return { subject: dn(x.subject), issuer: dn(x.issuer), ...(dnsNames.length ? { dnsNames } : {}) };
  } catch {
    return {};
  }
}

export function certificatePropertiesFromSdk(vaultName: string, p: SdkProperties, extra: { cer?: Uint8Array; policy?: CertificatePolicy } = {}): CertificateProperties {
  return {
    ...versionPropertiesFromSdk(vaultName, p as SdkVersionProperties),
    thumbprint: p.x509Thumbprint ? Buffer.from(p.x509Thumbprint).toString('hex').toUpperCase() : '',
    ...x509Details(extra.cer),
    ...(extra.policy ? { issuerName: extra.policy.issuerName, autoRenew: isAutoRenew(extra.policy) } : {}),
    ...(extra.cer ? { pending: extra.cer.length === 0 } : {}),
  };
}

export function policyFromSdk(p: SdkPolicy | undefined): CertificatePolicy | undefined {
  if (!p) return undefined;
  const sans = p.subjectAlternativeNames;
  return {
    ...withPolicyDefaults({
      issuerName: p.issuerName, certificateType: p.certificateType, certificateTransparency: p.certificateTransparency, subject: p.subject,
      ...(sans ? { subjectAlternativeNames: { dnsNames: sans.dnsNames, emails: sans.emails, userPrincipalNames: sans.userPrincipalNames } } : {}),
      enhancedKeyUsage: p.enhancedKeyUsage, keyUsage: p.keyUsage as CertificatePolicy['keyUsage'], validityInMonths: p.validityInMonths,
      keyType: p.keyType as CertificatePolicy['keyType'], keySize: p.keySize, keyCurveName: p.keyCurveName as CertificatePolicy['keyCurveName'],
      exportable: p.exportable, reuseKey: p.reuseKey, contentType: p.contentType,
      lifetimeActions: p.lifetimeActions?.map((a) => ({
        action: a.action ?? 'EmailContacts', ...(a.lifetimePercentage !== undefined ? { lifetimePercentage: a.lifetimePercentage } : {}),
        ...(a.daysBeforeExpiry !== undefined ? { daysBeforeExpiry: a.daysBeforeExpiry } : {}),
      })),
      enabled: p.enabled,
    }),
    ...(p.createdOn ? { createdOn: p.createdOn } : {}),
    ...(p.updatedOn ? { updatedOn: p.updatedOn } : {}),
  };
}

/** Only what the caller set goes on the wire (an update changes only that). */
export function policyToSdk(p: CertificatePolicyInput): SdkPolicy {
  const out: Record<string, unknown> = {};
  const copy = ['issuerName', 'certificateType', 'certificateTransparency', 'subject', 'enhancedKeyUsage', 'keyUsage', 'validityInMonths', 'keyType',
    'keySize', 'keyCurveName', 'exportable', 'reuseKey', 'contentType', 'lifetimeActions', 'enabled'] as const;
  for (const k of copy) if (p[k] !== undefined) out[k] = p[k];
  if (p.subjectAlternativeNames) out.subjectAlternativeNames = { ...p.subjectAlternativeNames };
  return out as unknown as SdkPolicy;
}

export function certificateFromSdk(vaultName: string, c: SdkCertificate | KeyVaultCertificateWithPolicy): KeyVaultCertificate {
  const policy = policyFromSdk((c as KeyVaultCertificateWithPolicy).policy);
  const cer = c.cer ?? new Uint8Array();
  const props = certificatePropertiesFromSdk(vaultName, c.properties, { cer, policy });
  const uri = c.properties.vaultUrl ? `${c.properties.vaultUrl.replace(/\/+$/, '')}/` : '';
  return {
    properties: props,
    cer,
    keyId: c.keyId ?? (uri ? objectId(uri, 'key', props.name, props.version) : ''),
    secretId: c.secretId ?? (uri ? objectId(uri, 'secret', props.name, props.version) : ''),
    ...(policy ? { policy } : {}),
  };
}

export function deletedCertificateFromSdk(vaultName: string, d: SdkDeleted): DeletedCertificate {
  const policy = policyFromSdk(d.policy);
  return {
    properties: certificatePropertiesFromSdk(vaultName, d.properties, { cer: d.cer, policy }),
    ...(policy ? { policy } : {}),
    recoveryId: d.recoveryId ?? '',
    deletedOn: d.deletedOn ?? new Date(0),
    scheduledPurgeDate: d.scheduledPurgeDate ?? new Date(0),
  };
}

export function operationFromSdk(name: string, op: SdkOperation | undefined): CertificateOperation {
  return {
    id: op?.id ?? '',
    name,
    issuerName: op?.issuerName ?? '',
    ...(op?.certificateType ? { certificateType: op.certificateType } : {}),
    csr: op?.csr ?? new Uint8Array(),
    cancellationRequested: op?.cancellationRequested ?? false,
    status: (op?.status ?? 'inProgress') as CertificateOperation['status'],
    ...(op?.statusDetails ? { statusDetails: op.statusDetails } : {}),
    ...(op?.error ? { error: { code: op.error.code ?? '', message: op.error.message ?? '' } } : {}),
    ...(op?.target ? { target: op.target } : {}),
    requestId: op?.requestId ?? '',
  };
}
