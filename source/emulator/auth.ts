/** Who is calling: the bearer token's claims, or the 401 each plane answers without one. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { wireErrors } from './errors.js';
import { sendJson } from './http.js';
import { readToken, type TokenClaims } from './token.js';

export type AuthResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'malformed' };

export function authenticate(req: IncomingMessage): AuthResult {
  const header = req.headers.authorization;
  if (!header) return { ok: false, reason: 'missing' };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const claims = readToken(match[1]);
  return claims ? { ok: true, claims } : { ok: false, reason: 'malformed' };
}

/**
 * Key Vault's challenge: SDK clients send a first request without a token, read the tenant and
 * resource from here, then retry with a token for `{resource}/.default`. The resource must share
 * the vault host's domain, so vaults under vault.localhost get resource="https://vault.localhost".
 */
export function sendDataChallenge(res: ServerResponse, tenantId: string, reason: 'missing' | 'malformed'): void {
  const err = reason === 'missing' ? wireErrors.dataMissingToken() : wireErrors.dataBadToken();
  sendJson(res, 401, err.toBody(), {
    'www-authenticate': `Bearer authorization="https://login.microsoftonline.com/${tenantId}", resource="https://vault.localhost"`,
  });
}

export function sendArmUnauthorized(res: ServerResponse, reason: 'missing' | 'malformed'): void {
  const err = reason === 'missing' ? wireErrors.armMissingToken() : wireErrors.armBadToken();
  sendJson(res, 401, err.toBody(), {
    'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="${err.message.replace(/"/g, "'")}"`,
  });
}
