/**
 * The demo dataset's certificates in contoso-app-kv: `contoso-web-tls` (self-signed, expires in 20 days,
 * renews itself at 80 % of its lifetime) and `partner-mtls` (imported as a PFX, issued by a partner's CA,
 * expired 3 days ago). Deterministic for a given clock — fixed keys, serial numbers, version ids and PFX
 * salt, and RSA signatures (PKCS#1 v1.5 is deterministic) — so thumbprints stay stable in screenshots.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { EKU, PEM, PKCS12, UNKNOWN, withPolicyDefaults, type CertificatePolicy } from '../../domain/certificate.js';
import { DAY_MS } from '../clock.js';
import { keyObjectOf, versionMaterial } from '../certificate-material.js';
import type { CertificateRecord, KeyRecord, SecretRecord, VaultRecord } from '../state.js';
import { addMonths, buildCertificate } from '../x509/certificate.js';
import { keyIdentifier } from '../x509/extensions.js';
import { DEMO_PARTNER_CA_JWK, DEMO_PARTNER_MTLS_JWK, DEMO_WEB_TLS_JWK } from './demo-keys.js';

const md5 = (...parts: string[]) => createHash('md5').update(parts.join('/')).digest();
const serialOf = (name: string) => {
  const b = md5('serial', name);
  b[0] &= 0x7f;
  return b;
};

/** Stores one demo certificate version with its managed key and secret, as an issue would. */
function store(vault: VaultRecord, name: string, policy: CertificatePolicy, jwk: Record<string, string>, cer: Uint8Array, created: number): void {
  const m = versionMaterial({
    version: md5(vault.name, name, '0').toString('hex'), now: created, policy, privateJwk: { ...jwk }, chain: [cer], enabled: true, tags: {},
    macSalt: md5('salt', name),
  });
  const { createdOn: _c, updatedOn: _u, ...fields } = policy;
  const cert: CertificateRecord = { name, versions: [m.certificate], policy: { ...fields, created, updated: created } };
  vault.objects.certificate.insert(cert);
  vault.objects.key.insert({ name, managed: true, versions: [m.key] } satisfies KeyRecord);
  vault.objects.secret.insert({ name, managed: true, versions: [m.secret] } satisfies SecretRecord);
}

export function seedDemoCertificates(vault: VaultRecord, now: number): void {
  // contoso-web-tls: three months of validity ending 20 days from now, so its 80 % trigger is a day or two away.
  const webExpires = now + 20 * DAY_MS;
  const webIssued = addMonths(webExpires, -3);
  const web = withPolicyDefaults({
    issuerName: 'Self', subject: 'CN=www.contoso.com, O=Contoso Ltd', subjectAlternativeNames: { dnsNames: ['www.contoso.com', 'contoso.com'] },
    validityInMonths: 3, contentType: PEM, lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
  });
  const webKey = keyObjectOf(DEMO_WEB_TLS_JWK);
  const webCer = buildCertificate({
    subject: web.subject!, subjectKey: webKey, notBefore: new Date(webIssued - 10 * 60_000), notAfter: new Date(webExpires),
    keyUsage: web.keyUsage, ekus: web.enhancedKeyUsage, sans: web.subjectAlternativeNames, serial: serialOf('contoso-web-tls'),
  });
  store(vault, 'contoso-web-tls', web, DEMO_WEB_TLS_JWK, webCer, webIssued);

  // partner-mtls: a client certificate from Fabrikam's CA, imported a year ago, expired 3 days ago.
  const partnerExpires = now - 3 * DAY_MS;
  const partnerFrom = addMonths(partnerExpires, -12);
  const caKey = keyObjectOf(DEMO_PARTNER_CA_JWK);
  const caSpki = new Uint8Array(createPublicKey(caKey).export({ type: 'spki', format: 'der' }));
  const partner = withPolicyDefaults({
    issuerName: UNKNOWN, subject: 'CN=partner-gateway.fabrikam.com, O=Fabrikam Inc', subjectAlternativeNames: { dnsNames: ['partner-gateway.fabrikam.com'] },
    enhancedKeyUsage: [EKU.clientAuth], keyUsage: ['digitalSignature'], validityInMonths: 12, keyType: 'EC', keyCurveName: 'P-256',
    contentType: PKCS12, lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }],
  });
  const partnerCer = buildCertificate({
    subject: partner.subject!, subjectKey: keyObjectOf(DEMO_PARTNER_MTLS_JWK), issuer: { name: 'CN=Fabrikam Partner CA, O=Fabrikam Inc', key: caKey, keyId: keyIdentifier(caSpki) },
    notBefore: new Date(partnerFrom), notAfter: new Date(partnerExpires), keyUsage: partner.keyUsage, ekus: partner.enhancedKeyUsage,
    sans: partner.subjectAlternativeNames, serial: serialOf('partner-mtls'),
  });
  store(vault, 'partner-mtls', partner, DEMO_PARTNER_MTLS_JWK, partnerCer, partnerFrom + 2 * DAY_MS);
}
