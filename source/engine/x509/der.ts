/**
 * DER in and out, through asn1js (the ASN.1 codec under pkijs and @peculiar/x509): a few builders for the
 * structures of X.509, PKCS#10 and PKCS#12, and readers that refuse anything that is not what they expect.
 * Why asn1js alone and not the schema libraries on top of it: it loads in a few milliseconds (the schema
 * packages cost ~40 ms, paid at every console start since the demo seed has certificates) and it is
 * synchronous, so the engine's writes stay atomic.
 */
import * as asn1 from 'asn1js';
import { errors } from '../../domain/errors.js';

export type Node = asn1.AsnType;

export const seq = (...value: Node[]) => new asn1.Sequence({ value });
export const set = (...value: Node[]) => new asn1.Set({ value });
export const oid = (value: string) => new asn1.ObjectIdentifier({ value });
export const nul = () => new asn1.Null();
export const bool = (value: boolean) => new asn1.Boolean({ value });
export const small = (value: number) => new asn1.Integer({ value });
export const octets = (bytes: Uint8Array) => new asn1.OctetString({ valueHex: view(bytes) });
export const bits = (bytes: Uint8Array, unusedBits = 0) => new asn1.BitString({ valueHex: view(bytes), unusedBits });
export const utf8 = (value: string) => new asn1.Utf8String({ value });
export const printable = (value: string) => new asn1.PrintableString({ value });
export const ia5 = (value: string) => new asn1.IA5String({ value });
export const bmp = (value: string) => new asn1.BmpString({ value });
/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
export const time = (d: Date) => (d.getUTCFullYear() < 2050 ? new asn1.UTCTime({ valueDate: d }) : new asn1.GeneralizedTime({ valueDate: d }));
/** [n] EXPLICIT inner. */
export const explicit = (tagNumber: number, inner: Node) => new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber }, value: [inner] });
/** [n] IMPLICIT over primitive bytes (a GeneralName's dNSName, a key identifier). */
export const implicitBytes = (tagNumber: number, bytes: Uint8Array) => new asn1.Primitive({ idBlock: { tagClass: 3, tagNumber }, valueHex: view(bytes) });
/** [n] IMPLICIT over a constructed SET/SEQUENCE's members. */
export const implicitConstructed = (tagNumber: number, value: Node[]) => new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber }, value });

/** A non-negative INTEGER from big-endian bytes (a leading 0 added when the top bit is set). */
export function uint(bytes: Uint8Array): Node {
  let b = Buffer.from(bytes);
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  b = b.subarray(i);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return new asn1.Integer({ valueHex: view(b) });
}

export const algorithm = (id: string, params?: Node) => (params ? seq(oid(id), params) : seq(oid(id)));

export function der(node: Node): Uint8Array {
  return new Uint8Array(node.toBER(false));
}

const view = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** What a reader says when a structure is not what it should be: `what` names the structure for a person. */
export const malformed = (what: string) => errors.badParameter(`The ${what} is not valid DER: it could not be read.`);

/** Parses DER; the whole input must be one value. */
export function parse(bytes: Uint8Array, what: string): Node {
  const r = asn1.fromBER(view(bytes));
  if (r.offset === -1 || r.offset !== bytes.byteLength) throw malformed(what);
  return r.result;
}

/** The members of a SEQUENCE/SET (or a constructed context tag). */
export function items(n: Node | undefined, what: string): Node[] {
  const v = (n as asn1.Sequence | undefined)?.valueBlock?.value;
  if (!Array.isArray(v)) throw malformed(what);
  return v as Node[];
}

export function oidOf(n: Node | undefined, what: string): string {
  if (!(n instanceof asn1.ObjectIdentifier)) throw malformed(what);
  return n.valueBlock.toString();
}

/** The bytes of a primitive (OCTET STRING, INTEGER, an IMPLICIT primitive, a BIT STRING's content). */
export function bytesOf(n: Node | undefined, what: string): Uint8Array {
  const hex = (n as asn1.OctetString | undefined)?.valueBlock?.valueHexView;
  if (!(hex instanceof Uint8Array)) {
    // A constructed OCTET STRING (BER): concatenate its pieces.
    if (n instanceof asn1.OctetString && n.valueBlock.isConstructed) return Buffer.concat(n.valueBlock.value.map((p) => bytesOf(p, what)));
    throw malformed(what);
  }
  if (n instanceof asn1.OctetString && n.valueBlock.isConstructed) return Buffer.concat(n.valueBlock.value.map((p) => bytesOf(p, what)));
  return new Uint8Array(hex);
}

export function intOf(n: Node | undefined, what: string): number {
  if (!(n instanceof asn1.Integer)) throw malformed(what);
  return Number(n.toBigInt());
}

export const isContext = (n: Node | undefined, tagNumber: number) => n?.idBlock.tagClass === 3 && n.idBlock.tagNumber === tagNumber;

/** The DER of a node that was read (to hash or sign exactly what came in). */
export const reencode = (n: Node): Uint8Array => new Uint8Array(n.toBER(false));

export { asn1 };
