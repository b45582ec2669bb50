/**
 * JWT-shaped tokens without signatures: the emulator is a local test tool and trusts what the
 * payload says (oid, tid, appid). Minting and reading live together so they cannot drift apart.
 */
export interface TokenClaims {
  oid: string;
  tid?: string;
  appid?: string;
  /** One audience, or several (RFC 7519 allows a list; the token is good for any of them). */
  aud?: string | string[];
  /** Unix seconds. */
  exp?: number;
  nbf?: number;
  iat?: number;
  iss?: string;
  upn?: string;
  /** Entra's identity type claim: 'app' for applications (v2 tokens); absent for users. */
  idtyp?: string;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `base64url(header).base64url(payload).` — an unsigned JWT. */
export function mintToken(claims: TokenClaims): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

/** The claims of a bearer token, or undefined when it is not a JWT with an oid claim. */
export function readToken(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    if (!payload || typeof payload !== 'object') return undefined;
    const str = (k: string) => (typeof payload[k] === 'string' && payload[k] ? (payload[k] as string) : undefined);
    const num = (k: string) => (typeof payload[k] === 'number' && Number.isFinite(payload[k]) ? (payload[k] as number) : undefined);
    // Both planes authorize by object id: a token without `oid` is refused (no stand-in from appid or sub).
    const oid = str('oid');
    if (!oid) return undefined;
    const aud = Array.isArray(payload.aud) ? payload.aud.filter((a): a is string => typeof a === 'string') : str('aud');
    return {
      oid, tid: str('tid'), appid: str('appid'), aud, upn: str('upn'), idtyp: str('idtyp'),
      exp: num('exp'), nbf: num('nbf'), iat: num('iat'), iss: str('iss'),
    };
  } catch {
    return undefined;
  }
}
