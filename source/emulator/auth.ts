/**
 * Who is calling: the bearer token's claims, checked as Azure checks them (audience for the plane,
 * not expired, already valid), or the 401 each plane answers. Signatures are not verified: the
 * emulator is a local test tool (`kvdeck serve` warns when it listens beyond loopback).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyVaultError } from '../domain/errors.js';
import { acceptedAudiences, audienceAccepted, vaultResource, type Plane } from './audiences.js';
import { wireErrors } from './errors.js';
import { sendJson } from './respond.js';
import { readToken, type TokenClaims } from './token.js';

export type AuthResult = { ok: true; claims: TokenClaims } | { ok: false; error: KeyVaultError };

/** Entra's validators allow five minutes of clock skew (Microsoft.IdentityModel's default). */
const CLOCK_SKEW_S = 300;

export interface AuthContext {
  plane: Plane;
  /** The port in the request's Host header, if any, and the port the emulator listens on. */
  hostPort?: string;
  listenPort: number;
  /** Unix seconds. */
  now: number;
}

/** The token's claims when it is present and readable, whatever its audience and lifetime (for the audit log). */
export function claimsOf(req: IncomingMessage): TokenClaims | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim());
  return match ? readToken(match[1]) : undefined;
}

export function authenticate(req: IncomingMessage, ctx: AuthContext): AuthResult {
  const header = req.headers.authorization;
  const { plane } = ctx;
  if (!header) return { ok: false, error: plane === 'data' ? wireErrors.dataMissingToken() : plane === 'graph' ? wireErrors.graphMissingToken() : wireErrors.armMissingToken() };
  const claims = claimsOf(req);
  if (!claims) return { ok: false, error: plane === 'data' ? wireErrors.dataBadToken() : plane === 'graph' ? wireErrors.graphBadToken() : wireErrors.armBadToken() };

  const accepted = acceptedAudiences(plane, [ctx.hostPort, String(ctx.listenPort)]);
  if (!audienceAccepted(claims.aud, accepted)) {
    const found = Array.isArray(claims.aud) ? claims.aud.join(',') : claims.aud ?? '';
    const error =
      plane === 'data' ? wireErrors.dataBadAudience(vaultResource(ctx.hostPort), found)
      : plane === 'graph' ? wireErrors.graphBadAudience()
      : wireErrors.armBadAudience(found, accepted.flatMap((a) => [`${a}/`, a]));
    return { ok: false, error };
  }
  if (claims.exp !== undefined && ctx.now > claims.exp + CLOCK_SKEW_S) {
    const error = plane === 'data' ? wireErrors.dataTokenExpired() : plane === 'graph' ? wireErrors.graphTokenExpired() : wireErrors.armTokenExpired(claims.exp, ctx.now);
    return { ok: false, error };
  }
  if (claims.nbf !== undefined && ctx.now < claims.nbf - CLOCK_SKEW_S) {
    const error = plane === 'data' ? wireErrors.dataTokenNotYetValid() : plane === 'graph' ? wireErrors.graphTokenNotYetValid() : wireErrors.armTokenNotYetValid(claims.nbf, ctx.now);
    return { ok: false, error };
  }
  return { ok: true, claims };
}

/**
 * Key Vault answers every 401 with its challenge: SDK clients send a first request without a token,
 * read the tenant and resource from here, then retry with a token for `{resource}/.default`.
 */
export function sendUnauthorized(res: ServerResponse, error: KeyVaultError, ctx: { plane: Plane; tenantId: string; hostPort?: string }): void {
  const challenge =
    ctx.plane === 'data'
      ? `Bearer authorization="https://login.microsoftonline.com/${ctx.tenantId}", resource="${vaultResource(ctx.hostPort)}"`
      : `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
  sendJson(res, 401, error.toBody(), { 'www-authenticate': challenge });
}
