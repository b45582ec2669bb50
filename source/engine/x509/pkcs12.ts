/**
 * PKCS#12 (PFX) files: written as Key Vault's linked secrets hold them (a key bag and a certificate bag,
 * integrity-protected, no password) or with a password (PBES2/AES-256), and read whatever their tool
 * (OpenSSL, Windows, .NET, Key Vault): data and encrypted-data safes, shrouded and plain key bags.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import * as asn1 from 'asn1js';
import { errors } from '../../domain/errors.js';
import {
  bmp, bytesOf, der, explicit, implicitBytes, intOf, isContext, items, octets, oid, oidOf, parse, seq, set, small, type Node,
} from './der.js';
import { buildMac, pbeDecrypt, pbeEncrypt, verifyMac, wrongPassword } from './pbe.js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

const notPfx = () => errors.badParameter('The value is not a PFX (PKCS#12) file, or it is damaged.');

export interface PfxContents {
  /** The private key, when the file has one. */
  key?: KeyObject;
  /** DER certificates, in file order. */
  certificates: Uint8Array[];
}

export interface PfxSpec {
  key?: KeyObject;
  /** The certificate first, then its chain (DER). */
  certificates: Uint8Array[];
  /** Undefined: no encryption, integrity under the empty password (what Key Vault's secrets hold). */
  password?: string;
  friendlyName?: string;
  /** Fixed MAC salt, for reproducible output (the demo seed). */
  macSalt?: Uint8Array;
}

const contentInfo = (type: string, content: Node) => seq(oid(type), explicit(0, content));

function bag(type: string, value: Node, attributes: Node[]): Node {
  return attributes.length ? seq(oid(type), explicit(0, value), set(...attributes)) : seq(oid(type), explicit(0, value));
}

export function buildPfx(spec: PfxSpec): Uint8Array {
  const keyId = new Uint8Array([1, 0, 0, 0]);
  const attrs = (first: boolean) => [
    ...(first ? [seq(oid(LOCAL_KEY_ID), set(octets(keyId)))] : []),
    ...(first && spec.friendlyName ? [seq(oid(FRIENDLY_NAME), set(bmp(spec.friendlyName)))] : []),
  ];
  const certBags = spec.certificates.map((c, i) => bag(CERT_BAG, seq(oid(X509_CERT), explicit(0, octets(c))), attrs(i === 0 && !!spec.key)));
  const safes: Node[] = [];
  const certContents = der(seq(...certBags));
  if (spec.password === undefined) safes.push(contentInfo(DATA, octets(certContents)));
  else {
    const { alg, encrypted } = pbeEncrypt(certContents, spec.password);
    safes.push(contentInfo(ENCRYPTED_DATA, seq(small(0), seq(oid(DATA), alg, implicitBytes(0, encrypted)))));
  }
  if (spec.key) {
    const keyBag = spec.password === undefined
      ? bag(KEY_BAG, parse(new Uint8Array(spec.key.export({ type: 'pkcs8', format: 'der' })), 'private key'), attrs(true))
      : bag(SHROUDED_KEY_BAG, parse(new Uint8Array(spec.key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: spec.password })), 'private key'), attrs(true));
    safes.push(contentInfo(DATA, octets(der(seq(keyBag)))));
  }
  const authSafe = der(seq(...safes));
  return der(seq(small(3), contentInfo(DATA, octets(authSafe)), buildMac(authSafe, spec.password, spec.macSalt)));
}

/** Reads a PFX; a wrong password is a BadParameter that says so. */
export function parsePfx(bytes: Uint8Array, password: string | undefined): PfxContents {
  let top: Node[];
  try {
    top = items(parse(bytes, 'PFX'), 'PFX');
  } catch {
    throw notPfx();
  }
  if (top.length < 2 || intOf(top[0], 'PFX') !== 3) throw notPfx();
  const [type, content] = items(top[1], 'PFX');
  if (oidOf(type, 'PFX') !== DATA) throw errors.badParameter('The PFX is signed with a public key (not a password), which is not supported.');
  const authSafe = bytesOf(items(content, 'PFX')[0], 'PFX');
  if (top[2]) verifyMac(top[2], authSafe, password);
  const out: PfxContents = { certificates: [] };
  for (const ci of items(parse(authSafe, 'PFX'), 'PFX')) {
    const [ciType, ciContent] = items(ci, 'PFX');
    const t = oidOf(ciType, 'PFX');
    let safe: Uint8Array;
    if (t === DATA) safe = bytesOf(items(ciContent, 'PFX')[0], 'PFX');
    else if (t === ENCRYPTED_DATA) {
      const [, eci] = items(items(ciContent, 'PFX')[0], 'PFX');
      const [, alg, encrypted] = items(eci, 'PFX');
      const cipherText = encrypted instanceof asn1.Constructed ? Buffer.concat(items(encrypted, 'PFX').map((p) => bytesOf(p, 'PFX'))) : bytesOf(encrypted, 'PFX');
      safe = pbeDecrypt(alg, cipherText, password);
    } else continue;
    readBags(parse(safe, 'PFX'), password, out);
  }
  return out;
}

function readBags(safeContents: Node, password: string | undefined, out: PfxContents): void {
  for (const b of items(safeContents, 'PFX')) {
    const [bagId, value] = items(b, 'PFX');
    const inner = items(value, 'PFX')[0];
    const id = oidOf(bagId, 'PFX');
    if (id === CERT_BAG) {
      const [certType, certValue] = items(inner, 'PFX');
      if (oidOf(certType, 'PFX') === X509_CERT && isContext(certValue, 0)) out.certificates.push(bytesOf(items(certValue, 'PFX')[0], 'PFX'));
    } else if (id === KEY_BAG) {
      out.key ??= createPrivateKey({ key: Buffer.from(der(inner)), format: 'der', type: 'pkcs8' });
    } else if (id === SHROUDED_KEY_BAG) {
      try {
        out.key ??= createPrivateKey({ key: Buffer.from(der(inner)), format: 'der', type: 'pkcs8', passphrase: password ?? '' });
      } catch {
        throw wrongPassword();
      }
    }
  }
}
