/**
 * A TokenCredential for the emulator: mints unsigned JWT-shaped tokens for a given principal, so
 * SDK clients authenticate in one line:
 *   new SecretClient(url, new EmulatorCredential({ objectId }), clientOptions)
 * Never use it against Azure: the tokens carry no signature.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { mintToken } from './token.js';

export interface EmulatorCredentialOptions {
  /** The principal to act as (access policies are matched on it). */
  objectId: string;
  /** Default: the emulator's tenant is assumed by the server when omitted. */
  tenantId?: string;
  /** Application (client) id, shown in audit entries and access-denied messages. */
  appId?: string;
  /** Token lifetime in seconds (default one hour). */
  lifetimeSeconds?: number;
}

export class EmulatorCredential implements TokenCredential {
  constructor(private readonly options: EmulatorCredentialOptions) {
    if (!options.objectId) throw new Error('EmulatorCredential needs an objectId');
  }

  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? scopes[0] : scopes;
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (this.options.lifetimeSeconds ?? 3600);
    const token = mintToken({
      oid: this.options.objectId,
      tid: this.options.tenantId,
      appid: this.options.appId,
      aud: scope?.replace(/\/\.default$/, ''),
      iat: now,
      exp,
    });
    return { token, expiresOnTimestamp: exp * 1000, tokenType: 'Bearer' };
  }
}
