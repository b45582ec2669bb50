/**
 * Who we are, read from the access token's claims (oid, name/upn, tid, appid); the display name from
 * Microsoft Graph when the directory has named us (useDirectoryName). The credential is wrapped so
 * every token the SDKs obtain refreshes the header's identity. Tokens stay in memory: kvdeck never
 * writes one to disk.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { Identity, Principal } from '../../domain/directory.js';

export interface TokenClaimsSeen {
  oid?: string;
  tid?: string;
  name?: string;
  upn?: string;
  unique_name?: string;
  preferred_username?: string;
  appid?: string;
  azp?: string;
}

/** The payload of a JWT, or undefined for opaque tokens. Signatures are not checked: we only read our own token. */
export function decodeClaims(token: string): TokenClaimsSeen | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' ? (payload as TokenClaimsSeen) : undefined;
  } catch {
    return undefined;
  }
}

export function identityFromClaims(c: TokenClaimsSeen, fallbackTenant = ''): Identity {
  const upn = c.upn ?? c.preferred_username ?? c.unique_name;
  const appId = c.appid ?? c.azp;
  const objectId = c.oid ?? appId ?? 'unknown';
  return {
    objectId,
    tenantId: c.tid ?? fallbackTenant,
    displayName: c.name ?? upn ?? objectId,
    upn,
    appId,
  };
}

export const UNKNOWN_IDENTITY = (): Identity => ({ objectId: '', tenantId: '', displayName: 'not signed in yet' });

/**
 * Wraps a credential: the first token (and every refresh) updates `identity` in place, so whoever
 * holds `backend.info.identity` sees the signed-in principal as soon as it is known.
 */
export class ClaimsCapturingCredential implements TokenCredential {
  /** The directory's name for us (Graph); wins over the token's claims while the objectId is the same. */
  private directoryName?: Principal;

  constructor(
    private readonly inner: TokenCredential,
    readonly identity: Identity,
    /** ADFS stamps ignore tenant hints; Key Vault's challenge would otherwise send one. */
    private readonly dropTenantHint = false,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const opts = this.dropTenantHint && options ? { ...options, tenantId: undefined } : options;
    const token = await this.inner.getToken(scopes, opts);
    if (token) {
      const claims = decodeClaims(token.token);
      if (claims && (claims.oid || claims.appid)) {
        Object.assign(this.identity, identityFromClaims(claims, this.identity.tenantId));
        this.applyDirectoryName();
      }
    }
    return token;
  }

  useDirectoryName(p: Principal): void {
    this.directoryName = p;
    this.applyDirectoryName();
  }

  private applyDirectoryName(): void {
    const p = this.directoryName;
    if (!p || p.objectId.toLowerCase() !== this.identity.objectId.toLowerCase()) return;
    this.identity.displayName = p.displayName;
    this.identity.upn ??= p.upn;
  }
}
