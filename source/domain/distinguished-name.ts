/**
 * X.509 distinguished names as people type them ("CN=www.contoso.com, O=Contoso, C=US"): RFC 4514
 * strings, with `,` or `;` between attributes, quoting and backslash escapes. Parsed once here for the
 * engine (which encodes the subject) and forms (which check it as it is typed). The string order is
 * the reverse of the encoded order, as in RFC 4514 and Windows.
 */

/** Short names Key Vault and the tools accept, with their OIDs. */
export const DN_ATTRIBUTES: Readonly<Record<string, string>> = {
  CN: '2.5.4.3', SN: '2.5.4.4', SERIALNUMBER: '2.5.4.5', C: '2.5.4.6', L: '2.5.4.7', ST: '2.5.4.8', S: '2.5.4.8',
  STREET: '2.5.4.9', O: '2.5.4.10', OU: '2.5.4.11', T: '2.5.4.12', TITLE: '2.5.4.12', G: '2.5.4.42', GIVENNAME: '2.5.4.42',
  E: '1.2.840.113549.1.9.1', EMAILADDRESS: '1.2.840.113549.1.9.1', DC: '0.9.2342.19200300.100.1.25', UID: '0.9.2342.19200300.100.1.1',
};

/** The name shown for an OID (the first short name listed for it), or the OID itself. */
export function dnAttributeName(oid: string): string {
  for (const [name, o] of Object.entries(DN_ATTRIBUTES)) if (o === oid) return name;
  return oid;
}

export interface DnAttribute {
  /** As typed, upper-cased: CN, O, … or a dotted OID. */
  type: string;
  oid: string;
  value: string;
}

/** The attributes in string order (most specific first), or a sentence saying what is wrong. */
export function parseDistinguishedName(text: string): DnAttribute[] | string {
  if (typeof text !== 'string' || text.trim() === '') return 'The subject is empty; write it as CN=name (for example CN=www.contoso.com).';
  const out: DnAttribute[] = [];
  let i = 0;
  const s = text;
  while (i < s.length) {
    while (s[i] === ' ') i++;
    const eq = s.indexOf('=', i);
    if (eq < 0) return `'${s.slice(i, i + 32)}' has no '=': write each part as TYPE=value (CN=…, O=…).`;
    const type = s.slice(i, eq).trim().toUpperCase();
    const oid = /^\d+(\.\d+)+$/.test(type) ? type : DN_ATTRIBUTES[type];
    if (!oid) return `'${type.slice(0, 32)}' is not a subject attribute; use ${['CN', 'O', 'OU', 'L', 'ST', 'C', 'E', 'DC'].join(', ')} or a dotted OID.`;
    i = eq + 1;
    while (s[i] === ' ') i++;
    let value = '';
    if (s[i] === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length) i++;
        value += s[i++];
      }
      if (s[i] !== '"') return 'A quoted value in the subject is not closed.';
      i++;
      while (s[i] === ' ') i++;
    } else {
      while (i < s.length && s[i] !== ',' && s[i] !== ';') {
        if (s[i] === '\\' && i + 1 < s.length) {
          const hex = /^[0-9a-fA-F]{2}/.exec(s.slice(i + 1, i + 3));
          if (hex) {
            value += String.fromCharCode(parseInt(hex[0], 16));
            i += 3;
            continue;
          }
          i++;
        }
        value += s[i++];
      }
      value = value.trim();
    }
    if (value === '') return `The subject's ${type} has no value.`;
    if (type === 'C' && !/^[A-Za-z]{2}$/.test(value)) return 'The country (C) is a two-letter code, such as US or NL.';
    out.push({ type, oid, value });
    if (i < s.length) {
      if (s[i] !== ',' && s[i] !== ';') return `Unexpected '${s[i]}' in the subject.`;
      i++;
      if (s.slice(i).trim() === '') return 'The subject ends with a separator.';
    }
  }
  return out;
}

export function distinguishedNameProblem(text: string): string | undefined {
  const r = parseDistinguishedName(text);
  return typeof r === 'string' ? r : undefined;
}

/** RFC 4514 text of attributes in string order: "CN=a, O=b" (special characters escaped). */
export function formatDistinguishedName(attrs: readonly { type: string; value: string }[]): string {
  return attrs.map((a) => `${a.type}=${a.value.replace(/([,;+"\\<>=])/g, '\\$1').replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ')}`).join(', ');
}
