/**
 * X.509 certificates and PKCS#10 requests: built from a policy and signed with node:crypto (RSA with
 * SHA-256, ECDSA with the curve's hash), and read back into what Key Vault shows (subject, issuer,
 * thumbprint, validity, SANs, key usage). Private keys stay KeyObjects of the caller; nothing here keeps one.
 */
import { createHash, createPublicKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1 from 'asn1js';
import type { CertificateKeyUsage, SubjectAlternativeNames } from '../../domain/certificate.js';
import { errors } from '../../domain/errors.js';
import {
  algorithm, bits, bytesOf, der, explicit, implicitConstructed, isContext, items, nul, oid, parse, seq, set, small, time, uint, type Node,
} from './der.js';
import { buildExtensions, keyIdentifier, readExtensions } from './extensions.js';
import { decodeName, encodeName } from './name.js';

const SIG = { rsaSha256: '1.2.840.113549.1.1.11', ecdsaSha256: '1.2.840.10045.4.3.2', ecdsaSha384: '1.2.840.10045.4.3.3', ecdsaSha512: '1.2.840.10045.4.3.4' };
const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

/** The signature algorithm Key Vault uses for a key: RSA → SHA-256; EC → the curve's own hash. */
function signatureOf(key: KeyObject): { id: string; hash: string; params?: Node } {
  if (key.asymmetricKeyType === 'rsa') return { id: SIG.rsaSha256, hash: 'sha256', params: nul() };
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === 'secp384r1') return { id: SIG.ecdsaSha384, hash: 'sha384' };
  if (curve === 'secp521r1') return { id: SIG.ecdsaSha512, hash: 'sha512' };
  return { id: SIG.ecdsaSha256, hash: 'sha256' };
}

const spkiOf = (key: KeyObject): Uint8Array => new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));

export interface CertificateSpec {
  subject: string;
  /** Omitted: self-signed (issuer = subject, signed by the subject's own key). */
  issuer?: { name: string; key: KeyObject; keyId?: Uint8Array };
  /** The subject's key (private or public: only its public part goes in). */
  subjectKey: KeyObject;
  /** Key used to sign when self-signed (the subject's private key). */
  signingKey?: KeyObject;
  notBefore: Date;
  notAfter: Date;
  keyUsage: readonly CertificateKeyUsage[];
  ekus: readonly string[];
  sans?: SubjectAlternativeNames;
  ca?: boolean;
  /** Big-endian bytes; default 16 random bytes (as Key Vault's). */
  serial?: Uint8Array;
}

function signed(tbs: Node, key: KeyObject): Uint8Array {
  const alg = signatureOf(key);
  const tbsDer = der(tbs);
  const signature = sign(alg.hash, tbsDer, key);
  return der(seq(tbs, algorithm(alg.id, alg.params), bits(new Uint8Array(signature))));
}

/** A DER certificate. */
export function buildCertificate(spec: CertificateSpec): Uint8Array {
  const spki = spkiOf(spec.subjectKey);
  const ski = keyIdentifier(spki);
  const signer = spec.issuer?.key ?? spec.signingKey ?? spec.subjectKey;
  const alg = signatureOf(signer);
  const serial = spec.serial ?? (() => {
    const b = randomBytes(16);
    b[0] &= 0x7f;
    return b;
  })();
  const tbs = seq(
    explicit(0, small(2)),
    uint(serial),
    algorithm(alg.id, alg.params),
    encodeName(spec.issuer?.name ?? spec.subject),
    seq(time(spec.notBefore), time(spec.notAfter)),
    encodeName(spec.subject),
    parse(spki, 'public key'),
    explicit(3, seq(...buildExtensions({
      keyUsage: spec.keyUsage, ekus: spec.ekus, sans: spec.sans, ca: spec.ca, subjectKeyId: ski, authorityKeyId: spec.issuer ? spec.issuer.keyId : ski,
    }))),
  );
  return signed(tbs, signer);
}

export interface CsrSpec {
  subject: string;
  key: KeyObject;
  keyUsage: readonly CertificateKeyUsage[];
  ekus: readonly string[];
  sans?: SubjectAlternativeNames;
}

/** A DER PKCS#10 request carrying the policy's extensions (as Key Vault's pending operations do). */
export function buildCsr(spec: CsrSpec): Uint8Array {
  const extensions = seq(...buildExtensions({ keyUsage: spec.keyUsage, ekus: spec.ekus, sans: spec.sans }));
  const info = seq(
    small(0),
    encodeName(spec.subject),
    parse(spkiOf(spec.key), 'public key'),
    implicitConstructed(0, [seq(oid(EXTENSION_REQUEST), set(extensions))]),
  );
  return signed(info, spec.key);
}

/** What Key Vault shows of a certificate, read once when it is stored. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** SHA-1 of the DER, upper-case hex. */
  thumbprint: string;
  serialNumber: string;
  notBefore: number;
  notAfter: number;
  keyUsage: CertificateKeyUsage[];
  ekus: string[];
  sans: Required<SubjectAlternativeNames>;
  selfSigned: boolean;
}

/** Reads a DER certificate; BadParameter when it is not one. */
export function certificateInfo(cer: Uint8Array): CertificateInfo {
  let x: X509Certificate;
  try {
    x = new X509Certificate(cer);
  } catch {
    throw errors.badParameter('The certificate could not be read: it is not a DER or PEM X.509 certificate.');
  }
  const [tbs] = items(parse(cer, 'certificate'), 'certificate');
  const fields = items(tbs, 'certificate');
  const hasVersion = isContext(fields[0], 0);
  const f = hasVersion ? fields.slice(1) : fields;
  const ext = readExtensions(fields.find((n) => isContext(n, 3)));
  const subject = decodeName(f[4]);
  const issuer = decodeName(f[2]);
  return {
    subject,
    issuer,
    thumbprint: createHash('sha1').update(cer).digest('hex').toUpperCase(),
    serialNumber: Buffer.from(bytesOf(f[0], 'serial number')).toString('hex').toUpperCase(),
    notBefore: (items(f[3], 'validity')[0] as asn1.UTCTime).toDate().getTime(),
    notAfter: (items(f[3], 'validity')[1] as asn1.UTCTime).toDate().getTime(),
    keyUsage: ext.keyUsage,
    ekus: ext.ekus,
    sans: ext.sans,
    // Not checkIssued: OpenSSL refuses a leaf whose key usage lacks keyCertSign as its own issuer.
    selfSigned: subject === issuer && x.verify(x.publicKey),
  };
}

/** Does this certificate carry the public half of `key`? */
export function certificateMatchesKey(cer: Uint8Array, key: KeyObject): boolean {
  try {
    return new X509Certificate(cer).publicKey.equals(createPublicKey(key));
  } catch {
    return false;
  }
}

/** The certificate's public key. */
export const certificatePublicKey = (cer: Uint8Array): KeyObject => new X509Certificate(cer).publicKey;

/** Months between two dates, rounded (what a policy's validity_months says of an imported certificate). */
export function validityMonths(notBefore: number, notAfter: number): number {
  return Math.max(1, Math.round((notAfter - notBefore) / (30.44 * 86_400_000)));
}

/** The date `months` calendar months after `from` (the end of a new certificate's validity). */
export function addMonths(from: number, months: number): number {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

