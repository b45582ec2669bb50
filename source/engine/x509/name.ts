/** Distinguished names between their text (domain/distinguished-name.ts) and their DER form. */
import * as asn1 from 'asn1js';
import { dnAttributeName, formatDistinguishedName, parseDistinguishedName } from '../../domain/distinguished-name.js';
import { errors } from '../../domain/errors.js';
import { ia5, items, oid, oidOf, printable, seq, set, utf8, type Node } from './der.js';

const EMAIL = '1.2.840.113549.1.9.1';
const DC = '0.9.2342.19200300.100.1.25';
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** The Name of a subject text; RDNs in encoded order (the reverse of the text). */
export function encodeName(text: string): Node {
  const attrs = parseDistinguishedName(text);
  if (typeof attrs === 'string') throw errors.badParameter(attrs);
  return seq(...attrs.slice().reverse().map((a) => {
    const value = a.oid === EMAIL || a.oid === DC ? ia5(a.value) : PRINTABLE.test(a.value) ? printable(a.value) : utf8(a.value);
    return set(seq(oid(a.oid), value));
  }));
}

/** The text of a Name ("CN=a, O=b"), most specific first. */
export function decodeName(name: Node): string {
  const attrs: { type: string; value: string }[] = [];
  for (const rdn of items(name, 'distinguished name')) {
    for (const atv of items(rdn, 'distinguished name')) {
      const [type, value] = items(atv, 'distinguished name');
      const v = (value as asn1.Utf8String).valueBlock?.value;
      attrs.push({ type: dnAttributeName(oidOf(type, 'distinguished name')), value: typeof v === 'string' ? v : '' });
    }
  }
  return formatDistinguishedName(attrs.reverse());
}
