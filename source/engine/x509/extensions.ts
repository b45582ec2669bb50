/** The X.509 v3 extensions a policy asks for (key usage, EKUs, SANs, basic constraints, key ids), built and read. */
import { createHash } from 'node:crypto';
import * as asn1 from 'asn1js';
import { KEY_USAGES, type CertificateKeyUsage, type SubjectAlternativeNames } from '../../domain/certificate.js';
import {
  bits, bool, bytesOf, explicit, implicitBytes, isContext, items, octets, oid, oidOf, parse, seq, utf8, der, type Node,
} from './der.js';

export const EXT = {
  subjectKeyId: '2.5.29.14', keyUsage: '2.5.29.15', subjectAltName: '2.5.29.17', basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35', extKeyUsage: '2.5.29.37',
} as const;
const UPN = '1.3.6.1.4.1.311.20.2.3';

export interface ExtensionsSpec {
  keyUsage: readonly CertificateKeyUsage[];
  ekus: readonly string[];
  sans?: SubjectAlternativeNames;
  /** The subject's key identifier (SHA-1 of its public key bits). */
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
  ca?: boolean;
}

const ext = (id: string, critical: boolean, value: Node) => (critical ? seq(oid(id), bool(true), octets(der(value))) : seq(oid(id), octets(der(value))));

/** KeyUsage as a DER named-bit BIT STRING: bit 0 is the top bit of the first byte; trailing zero bits dropped. */
function keyUsageBits(usages: readonly CertificateKeyUsage[]): Node {
  let mask = 0;
  for (const u of usages) mask |= 1 << (15 - KEY_USAGES.indexOf(u));
  const bytes = mask & 0xff ? [mask >> 8, mask & 0xff] : [mask >> 8];
  const last = bytes[bytes.length - 1];
  let unused = 0;
  while (unused < 7 && last !== 0 && !(last & (1 << unused))) unused++;
  return bits(new Uint8Array(bytes), last === 0 ? 0 : unused);
}

function generalNames(s: SubjectAlternativeNames): Node[] {
  return [
    ...(s.dnsNames ?? []).map((d) => implicitBytes(2, Buffer.from(d, 'ascii'))),
    ...(s.emails ?? []).map((e) => implicitBytes(1, Buffer.from(e, 'ascii'))),
    ...(s.userPrincipalNames ?? []).map((u) => new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [oid(UPN), explicit(0, utf8(u))] })),
  ];
}

export function buildExtensions(spec: ExtensionsSpec): Node[] {
  const out: Node[] = [];
  if (spec.keyUsage.length) out.push(ext(EXT.keyUsage, true, keyUsageBits(spec.keyUsage)));
  out.push(ext(EXT.basicConstraints, false, spec.ca ? seq(bool(true)) : seq()));
  if (spec.ekus.length) out.push(ext(EXT.extKeyUsage, false, seq(...spec.ekus.map(oid))));
  const names = spec.sans ? generalNames(spec.sans) : [];
  if (names.length) out.push(ext(EXT.subjectAltName, false, seq(...names)));
  if (spec.authorityKeyId) out.push(ext(EXT.authorityKeyId, false, seq(implicitBytes(0, spec.authorityKeyId))));
  if (spec.subjectKeyId) out.push(ext(EXT.subjectKeyId, false, octets(spec.subjectKeyId)));
  return out;
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING's bytes. */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const [, key] = items(parse(spki, 'public key'), 'public key');
  return new Uint8Array(createHash('sha1').update((key as asn1.BitString).valueBlock.valueHexView).digest());
}

export interface ReadExtensions {
  keyUsage: CertificateKeyUsage[];
  ekus: string[];
  sans: Required<SubjectAlternativeNames>;
  ca: boolean;
}

/** Reads the extensions a policy describes from a certificate's [3] extensions (absent ones are empty). */
export function readExtensions(extensions: Node | undefined): ReadExtensions {
  const out: ReadExtensions = { keyUsage: [], ekus: [], sans: { dnsNames: [], emails: [], userPrincipalNames: [] }, ca: false };
  if (!extensions) return out;
  for (const e of items(items(extensions, 'extensions')[0], 'extensions')) {
    const parts = items(e, 'extension');
    const id = oidOf(parts[0], 'extension');
    const value = parse(bytesOf(parts[parts.length - 1], 'extension'), 'extension');
    if (id === EXT.keyUsage) {
      const b = (value as asn1.BitString).valueBlock.valueHexView;
      KEY_USAGES.forEach((u, i) => {
        if ((b[i >> 3] ?? 0) & (0x80 >> (i & 7))) out.keyUsage.push(u);
      });
    } else if (id === EXT.extKeyUsage) {
      out.ekus = items(value, 'extended key usage').map((o) => oidOf(o, 'extended key usage'));
    } else if (id === EXT.basicConstraints) {
      const [ca] = items(value, 'basic constraints');
      out.ca = ca instanceof asn1.Boolean && ca.valueBlock.value;
    } else if (id === EXT.subjectAltName) {
      for (const gn of items(value, 'subject alternative names')) {
        if (isContext(gn, 2)) out.sans.dnsNames.push(Buffer.from(bytesOf(gn, 'DNS name')).toString('ascii'));
        else if (isContext(gn, 1)) out.sans.emails.push(Buffer.from(bytesOf(gn, 'email')).toString('ascii'));
        else if (isContext(gn, 0)) {
          const [type, v] = items(gn, 'other name');
          if (oidOf(type, 'other name') === UPN) out.sans.userPrincipalNames.push(String((items(v, 'other name')[0] as asn1.Utf8String).valueBlock.value));
        }
      }
    }
  }
  return out;
}
