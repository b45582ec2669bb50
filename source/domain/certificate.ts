/**
 * Certificates: the third kind of vault object. A certificate is three objects with one name — the
 * certificate (public X.509), a key and a secret (the PFX or PEM) that it owns (`managed`). Field names
 * follow @azure/keyvault-certificates' public models, so the Azure backend maps them one to one.
 * The policy rules live here once, for the engine (which refuses) and forms (which warn).
 */
import type { CurveName } from './key.js';
import { EC_CURVES, RSA_SIZES } from './key.js';
import type { VersionProperties } from './secret.js';
import { distinguishedNameProblem } from './distinguished-name.js';

export const PKCS12 = 'application/x-pkcs12';
export const PEM = 'application/x-pem-file';
export type CertificateContentType = typeof PKCS12 | typeof PEM;

export const KEY_USAGES = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
] as const;
export type CertificateKeyUsage = (typeof KEY_USAGES)[number];

/** Extended key usages by name (the policy carries OIDs). */
export const EKU = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2', codeSigning: '1.3.6.1.5.5.7.3.3', emailProtection: '1.3.6.1.5.5.7.3.4' } as const;

/** Reserved issuer names: `Self` signs in the vault; `Unknown` waits for a certificate merged from elsewhere. */
export const SELF = 'Self';
export const UNKNOWN = 'Unknown';

export type LifetimeActionType = 'AutoRenew' | 'EmailContacts';
export interface LifetimeAction {
  action: LifetimeActionType;
  /** 1–99: this share of the lifetime gone. */
  lifetimePercentage?: number;
  /** 1 – validity months × 27. */
  daysBeforeExpiry?: number;
}

export interface SubjectAlternativeNames {
  dnsNames?: string[];
  emails?: string[];
  userPrincipalNames?: string[];
}

export type CertificateKeyType = 'RSA' | 'EC' | 'RSA-HSM' | 'EC-HSM';

/** A certificate's management policy (one per certificate, not per version). */
export interface CertificatePolicy {
  issuerName: string;
  certificateType?: string;
  certificateTransparency?: boolean;
  subject?: string;
  subjectAlternativeNames?: SubjectAlternativeNames;
  /** OIDs. */
  enhancedKeyUsage: string[];
  keyUsage: CertificateKeyUsage[];
  validityInMonths: number;
  keyType: CertificateKeyType;
  keySize?: number;
  keyCurveName?: CurveName;
  exportable: boolean;
  reuseKey: boolean;
  contentType: CertificateContentType;
  lifetimeActions: LifetimeAction[];
  enabled: boolean;
  createdOn?: Date;
  updatedOn?: Date;
}

/** What a caller gives: anything left out gets Key Vault's default (withPolicyDefaults). */
export type CertificatePolicyInput = Partial<Omit<CertificatePolicy, 'createdOn' | 'updatedOn'>>;

/** A version's metadata, as listings return it (the X.509 details are read from the certificate once, when it is stored). */
export interface CertificateProperties extends VersionProperties {
  /** SHA-1 of the DER certificate, upper-case hex ("" while the version is pending). */
  thumbprint: string;
  subject?: string;
  /** The issuer's distinguished name (the X.509 issuer, not the policy's issuer name). */
  issuer?: string;
  /** The policy's issuer: Self, Unknown or a configured issuer. */
  issuerName?: string;
  /** The policy's lifetime action is AutoRenew. */
  autoRenew?: boolean;
  /** Waiting for its X.509 certificate (a pending create or a merge). */
  pending?: boolean;
  dnsNames?: string[];
}

export interface KeyVaultCertificate {
  properties: CertificateProperties;
  /** The DER certificate (public part); empty while pending. */
  cer: Uint8Array;
  /** The linked key and secret, same name and version. */
  keyId: string;
  secretId: string;
  /** With the latest version (get without a version, create, import, merge, recover, restore). */
  policy?: CertificatePolicy;
}

export interface DeletedCertificate {
  properties: CertificateProperties;
  policy?: CertificatePolicy;
  /** {vaultUri}deletedcertificates/{name} */
  recoveryId: string;
  deletedOn: Date;
  scheduledPurgeDate: Date;
}

export type CertificateOperationStatus = 'inProgress' | 'completed' | 'cancelled' | 'failed';

/** The long-running create: `/certificates/{name}/pending`. */
export interface CertificateOperation {
  /** {vaultUri}certificates/{name}/pending */
  id: string;
  name: string;
  issuerName: string;
  certificateType?: string;
  /** The PKCS#10 request (DER), to be signed by the issuer. */
  csr: Uint8Array;
  cancellationRequested: boolean;
  status: CertificateOperationStatus;
  statusDetails?: string;
  error?: { code: string; message: string };
  /** The certificate's id, once completed. */
  target?: string;
  requestId: string;
}

export interface CertificateCreateInput {
  policy: CertificatePolicyInput;
  enabled?: boolean;
  tags?: Record<string, string>;
}

export interface CertificateImportInput {
  /** PFX bytes, or the PEM text (private key and certificates) as bytes. */
  value: Uint8Array;
  /** The PFX's password; never stored, never logged. */
  password?: string;
  policy?: CertificatePolicyInput;
  enabled?: boolean;
  tags?: Record<string, string>;
}

export interface CertificateUpdateInput {
  enabled?: boolean;
  tags?: Record<string, string>;
}

export interface CertificateMergeInput {
  /** The signed certificate first, then its chain (DER). */
  x509Certificates: Uint8Array[];
  enabled?: boolean;
  tags?: Record<string, string>;
}

export interface CertificateContact {
  email?: string;
  name?: string;
  phone?: string;
}

/** A configured certificate issuer (a CA provider account); Self and Unknown need none. */
export interface CertificateIssuer {
  name: string;
  provider: string;
  accountId?: string;
  organizationId?: string;
  enabled: boolean;
  createdOn?: Date;
  updatedOn?: Date;
}

export interface CertificateIssuerInput {
  provider: string;
  accountId?: string;
  password?: string;
  organizationId?: string;
  enabled?: boolean;
}

// ---- policy rules ----

export const MAX_VALIDITY_MONTHS = 1200;

/** The policy Key Vault fills in for what a create (or import) leaves out. */
export function withPolicyDefaults(p: CertificatePolicyInput = {}, base?: CertificatePolicy): CertificatePolicy {
  const issuerName = p.issuerName ?? base?.issuerName ?? UNKNOWN;
  const keyType = p.keyType ?? base?.keyType ?? 'RSA';
  const ec = keyType.startsWith('EC');
  const sameFamily = base && base.keyType.startsWith('EC') === ec;
  return {
    issuerName,
    ...(p.certificateType ?? base?.certificateType ? { certificateType: p.certificateType ?? base?.certificateType } : {}),
    ...(p.certificateTransparency ?? base?.certificateTransparency ? { certificateTransparency: p.certificateTransparency ?? base?.certificateTransparency } : {}),
    subject: p.subject ?? base?.subject,
    subjectAlternativeNames: p.subjectAlternativeNames ?? base?.subjectAlternativeNames,
    enhancedKeyUsage: p.enhancedKeyUsage ?? base?.enhancedKeyUsage ?? [EKU.serverAuth, EKU.clientAuth],
    keyUsage: p.keyUsage ?? base?.keyUsage ?? (ec ? ['digitalSignature'] : ['digitalSignature', 'keyEncipherment']),
    validityInMonths: p.validityInMonths ?? base?.validityInMonths ?? 12,
    keyType,
    ...(ec
      ? { keyCurveName: p.keyCurveName ?? (sameFamily ? base?.keyCurveName : undefined) ?? 'P-256' }
      : { keySize: p.keySize ?? (sameFamily ? base?.keySize : undefined) ?? 2048 }),
    exportable: p.exportable ?? base?.exportable ?? true,
    reuseKey: p.reuseKey ?? base?.reuseKey ?? false,
    contentType: p.contentType ?? base?.contentType ?? PKCS12,
    lifetimeActions: p.lifetimeActions ?? base?.lifetimeActions ?? [{ action: issuerName === UNKNOWN ? 'EmailContacts' : 'AutoRenew', lifetimePercentage: 80 }],
    enabled: p.enabled ?? base?.enabled ?? true,
  };
}

/** Why a (defaulted) policy is not allowed, in words a person can act on; undefined when it is. */
export function certificatePolicyProblem(p: CertificatePolicy): string | undefined {
  if (typeof p.issuerName !== 'string' || p.issuerName.trim() === '') return 'The policy needs an issuer: Self, Unknown or a configured issuer.';
  const hasSans = !!(p.subjectAlternativeNames?.dnsNames?.length || p.subjectAlternativeNames?.emails?.length || p.subjectAlternativeNames?.userPrincipalNames?.length);
  if (!p.subject && !hasSans) return 'The policy needs a subject (for example CN=www.contoso.com) or at least one subject alternative name.';
  if (p.subject) {
    const dn = distinguishedNameProblem(p.subject);
    if (dn) return dn;
  }
  for (const dns of p.subjectAlternativeNames?.dnsNames ?? []) {
    if (typeof dns !== 'string' || !/^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62})?)*$/.test(dns) || dns.length > 253) {
      return `'${String(dns).slice(0, 64)}' is not a DNS name.`;
    }
  }
  for (const email of p.subjectAlternativeNames?.emails ?? []) {
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) return `'${String(email).slice(0, 64)}' is not an email address.`;
  }
  if (!Number.isInteger(p.validityInMonths) || p.validityInMonths < 1 || p.validityInMonths > MAX_VALIDITY_MONTHS) {
    return `The validity is a whole number of months from 1 to ${MAX_VALIDITY_MONTHS}.`;
  }
  const keyProblem = certificateKeyProblem(p);
  if (keyProblem) return keyProblem;
  const badUsage = p.keyUsage.find((u) => !(KEY_USAGES as readonly string[]).includes(u));
  if (badUsage !== undefined) return `'${String(badUsage).slice(0, 64)}' is not a key usage. Use ${KEY_USAGES.join(', ')}.`;
  const badEku = p.enhancedKeyUsage.find((o) => typeof o !== 'string' || !/^[0-2](\.\d+)+$/.test(o));
  if (badEku !== undefined) return `'${String(badEku).slice(0, 64)}' is not an extended key usage OID (for example ${EKU.serverAuth}).`;
  if (p.contentType !== PKCS12 && p.contentType !== PEM) return `The secret content type must be ${PKCS12} or ${PEM}.`;
  return lifetimeActionsProblem(p.lifetimeActions, p.validityInMonths, p.issuerName);
}

function certificateKeyProblem(p: CertificatePolicy): string | undefined {
  if (!['RSA', 'EC', 'RSA-HSM', 'EC-HSM'].includes(p.keyType)) return `The key type '${String(p.keyType).slice(0, 16)}' is not supported for certificates. Use RSA or EC.`;
  if (p.keyType.startsWith('EC')) {
    if (!EC_CURVES.includes(p.keyCurveName as CurveName)) return `The curve '${String(p.keyCurveName)}' is not supported. Use ${EC_CURVES.join(', ')}.`;
    return undefined;
  }
  if (!(RSA_SIZES as readonly number[]).includes(p.keySize as number)) return `The key size ${String(p.keySize)} is not supported for RSA. Use ${RSA_SIZES.join(', ')}.`;
  return undefined;
}

/** One action, triggered by a share of the lifetime or by days before expiry; AutoRenew needs an issuer that can issue. */
export function lifetimeActionsProblem(actions: readonly LifetimeAction[], validityInMonths: number, issuerName: string): string | undefined {
  if (!Array.isArray(actions)) return 'The lifetime actions must be a list.';
  if (actions.length > 1) return 'A certificate policy has at most one lifetime action.';
  const a = actions[0];
  if (!a) return undefined;
  if (a.action !== 'AutoRenew' && a.action !== 'EmailContacts') return `The lifetime action must be AutoRenew or EmailContacts, not '${String(a.action).slice(0, 32)}'.`;
  if (a.action === 'AutoRenew' && issuerName.toLowerCase() === UNKNOWN.toLowerCase()) {
    return 'A certificate of issuer Unknown cannot renew itself: its certificate is signed elsewhere. Use EmailContacts.';
  }
  const hasPct = a.lifetimePercentage !== undefined && a.lifetimePercentage !== null;
  const hasDays = a.daysBeforeExpiry !== undefined && a.daysBeforeExpiry !== null;
  if (hasPct === hasDays) return 'A lifetime action is triggered by a percentage of the lifetime or by days before expiry: give one of the two.';
  if (hasPct && (!Number.isInteger(a.lifetimePercentage) || a.lifetimePercentage! < 1 || a.lifetimePercentage! > 99)) {
    return 'The lifetime percentage is a whole number from 1 to 99.';
  }
  const maxDays = validityInMonths * 27;
  if (hasDays && (!Number.isInteger(a.daysBeforeExpiry) || a.daysBeforeExpiry! < 1 || a.daysBeforeExpiry! > maxDays)) {
    return `The days before expiry are a whole number from 1 to ${maxDays} (the validity in months × 27).`;
  }
  return undefined;
}

/** When a version's lifetime action is due: a share of its lifetime gone, or some days before it expires. */
export function lifetimeTrigger(a: LifetimeAction, notBefore: number, expiresOn: number): number {
  if (a.daysBeforeExpiry !== undefined && a.daysBeforeExpiry !== null) return expiresOn - a.daysBeforeExpiry * 86_400_000;
  return notBefore + Math.floor(((expiresOn - notBefore) * (a.lifetimePercentage ?? 80)) / 100);
}

export const isAutoRenew = (p: Pick<CertificatePolicy, 'lifetimeActions'> | undefined): boolean => !!p?.lifetimeActions.some((a) => a.action === 'AutoRenew');

// ---- files (the console's downloads) ----

/** The public certificate as PEM text (what `kvdeck get VAULT/CERT --cert` prints and a .pem download holds). */
export function certificatePem(cer: Uint8Array): string {
  const b64 = Buffer.from(cer).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

/**
 * The full certificate with its private key, from the linked secret's value: a PFX (the secret holds it
 * base64-encoded) or the PEM text. What a download of "the certificate with its key" writes.
 */
export function certificateFileOf(secret: { value: string; properties: { contentType?: string } }): { bytes: Uint8Array; extension: '.pfx' | '.pem' } {
  if (secret.properties.contentType === PEM) return { bytes: new Uint8Array(Buffer.from(secret.value, 'utf8')), extension: '.pem' };
  return { bytes: new Uint8Array(Buffer.from(secret.value, 'base64')), extension: '.pfx' };
}
