/**
 * The three records of one certificate version — the certificate, its key and its secret, all with the
 * same version id — made from a key and a signed X.509 certificate. Written once for create, import,
 * merge, auto-renewal and the demo seed. Pure: the part (certificates.ts) or the seed stores them.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { PEM, type CertificateKeyUsage, type CertificatePolicy } from '../domain/certificate.js';
import type { KeyOperation } from '../domain/key.js';
import { KEY_OPERATIONS_FOR } from '../domain/key.js';
import type { CertificateVersionRecord, KeyVersionRecord, SecretVersionRecord } from './state.js';
import { addMonths, buildCertificate, buildCsr, certificateInfo } from './x509/certificate.js';
import { buildPem } from './x509/pem.js';
import { buildPfx } from './x509/pkcs12.js';

/** Key Vault backdates a new certificate by ten minutes (clock skew), as its recorded answers show. */
export const BACKDATE_MS = 10 * 60_000;

/**
 * What the key may do, from the certificate's key usage ("usable for sign/decrypt when the policy allows"):
 * signatures for digitalSignature/nonRepudiation, encryption and wrapping for keyEncipherment (TLS's RSA
 * key exchange), encryption for dataEncipherment — within what the key family can do at all.
 */
export function keyOpsFor(usage: readonly CertificateKeyUsage[], family: 'RSA' | 'EC'): KeyOperation[] {
  const ops = new Set<KeyOperation>();
  if (usage.includes('digitalSignature') || usage.includes('nonRepudiation')) ['sign', 'verify'].forEach((o) => ops.add(o as KeyOperation));
  if (usage.includes('keyEncipherment')) ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'].forEach((o) => ops.add(o as KeyOperation));
  if (usage.includes('dataEncipherment')) ['encrypt', 'decrypt'].forEach((o) => ops.add(o as KeyOperation));
  return KEY_OPERATIONS_FOR[family].filter((o) => ops.has(o));
}

export const keyObjectOf = (jwk: Record<string, string>): KeyObject => createPrivateKey({ key: jwk, format: 'jwk' });

/** A self-signed certificate for a policy: valid from ten minutes ago for validity_months. */
export function selfSignedCertificate(policy: CertificatePolicy, key: KeyObject, now: number, serial?: Uint8Array): Uint8Array {
  const notBefore = now - BACKDATE_MS;
  return buildCertificate({
    subject: policy.subject ?? '',
    subjectKey: key,
    notBefore: new Date(notBefore),
    notAfter: new Date(addMonths(now, policy.validityInMonths)),
    keyUsage: policy.keyUsage,
    ekus: policy.enhancedKeyUsage,
    sans: policy.subjectAlternativeNames,
    serial,
  });
}

/** The request a pending create hands to the issuer. */
export const certificateRequest = (policy: CertificatePolicy, key: KeyObject): Uint8Array =>
  buildCsr({ subject: policy.subject ?? '', key, keyUsage: policy.keyUsage, ekus: policy.enhancedKeyUsage, sans: policy.subjectAlternativeNames });

export interface VersionMaterial {
  certificate: CertificateVersionRecord;
  key: KeyVersionRecord;
  secret: SecretVersionRecord;
}

export interface MaterialInput {
  version: string;
  /** Whole seconds, as every time the engine keeps. */
  now: number;
  policy: CertificatePolicy;
  privateJwk: Record<string, string>;
  /** The certificate first, then its chain (DER). */
  chain: Uint8Array[];
  enabled: boolean;
  tags: Record<string, string>;
  /** Fixed PFX MAC salt, for a reproducible demo seed. */
  macSalt?: Uint8Array;
}

/** The certificate, key and secret records of one version. The secret holds the private key only when the policy lets it be exported. */
export function versionMaterial(m: MaterialInput): VersionMaterial {
  const info = certificateInfo(m.chain[0]);
  const key = keyObjectOf(m.privateJwk);
  const family = key.asymmetricKeyType === 'ec' ? 'EC' : 'RSA';
  const exportKey = m.policy.exportable ? key : undefined;
  const value = m.policy.contentType === PEM
    ? buildPem(exportKey, m.chain)
    : Buffer.from(buildPfx({ key: exportKey, certificates: m.chain, macSalt: m.macSalt })).toString('base64');
  const window = { notBefore: info.notBefore, expiresOn: info.notAfter };
  const common = { version: m.version, enabled: m.enabled, created: m.now, updated: m.now, ...window };
  const details = key.asymmetricKeyDetails;
  return {
    certificate: {
      ...common, tags: { ...m.tags }, cer: Buffer.from(m.chain[0]).toString('base64'), thumbprint: info.thumbprint, subject: info.subject, issuer: info.issuer,
      ...(info.sans.dnsNames.length ? { dnsNames: info.sans.dnsNames } : {}),
    },
    key: {
      ...common, tags: {}, keyType: m.policy.keyType,
      ...(family === 'RSA' ? { keySize: details?.modulusLength } : { curve: m.privateJwk.crv as KeyVersionRecord['curve'] }),
      keyOps: keyOpsFor(m.policy.keyUsage, family), privateJwk: m.privateJwk,
    },
    secret: { ...common, tags: {}, value, contentType: m.policy.contentType },
  };
}
