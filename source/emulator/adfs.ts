/**
 * Sign-in like an ADFS-based Azure Stack Hub stamp, so clients that really sign in (MSAL through
 * @azure/identity with tenant "adfs") work unchanged: OpenID discovery and a client-credentials
 * token endpoint. The client secret is not checked (a local test tool); the issued token's oid is
 * the principal whose appId is the client id, or the client id itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../domain/directory.js';
import { sendJson } from './respond.js';
import { mintToken } from './token.js';

export interface AdfsContext {
  /** https://localhost:PORT */
  origin: string;
  tenantId: string;
  principals: () => readonly Principal[];
}

const TOKEN_LIFETIME_S = 3600;

export function openIdConfiguration(origin: string) {
  const base = `${origin}/adfs`;
  return {
    issuer: base,
    authorization_endpoint: `${base}/oauth2/authorize/`,
    token_endpoint: `${base}/oauth2/token/`,
    jwks_uri: `${base}/discovery/keys`,
    end_session_endpoint: `${base}/oauth2/logout`,
    device_authorization_endpoint: `${base}/oauth2/devicecode`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'token'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'],
    subject_types_supported: ['pairwise'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
    id_token_signing_alg_values_supported: ['RS256'],
    access_token_issuer: base,
  };
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

/**
 * Client id and secret from the form or from HTTP Basic (client_secret_basic, whose parts are
 * form-encoded: RFC 6749 §2.3.1); undefined when the Basic header cannot be decoded.
 */
function clientOf(req: IncomingMessage, form: URLSearchParams): { id?: string; secret?: string } | undefined {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const text = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = text.indexOf(':');
    try {
      const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
      return colon < 0 ? { id: decode(text) } : { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
    } catch {
      return undefined;
    }
  }
  return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? form.get('client_assertion') ?? undefined };
}

export function handleToken(req: IncomingMessage, res: ServerResponse, raw: Buffer, ctx: AdfsContext): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    oauthError(res, 400, 'invalid_request', 'MSIS9602: The token request must be application/x-www-form-urlencoded.');
    return;
  }
  const form = new URLSearchParams(raw.toString('utf8'));
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials') {
    oauthError(res, 400, 'unsupported_grant_type', `MSIS9611: The authorization server does not support the requested 'grant_type' '${grant ?? ''}'. This emulator issues client_credentials tokens only.`);
    return;
  }
  const client = clientOf(req, form);
  if (!client) {
    oauthError(res, 400, 'invalid_client', 'MSIS9622: Client authentication failed. The client credentials in the Authorization header could not be decoded.');
    return;
  }
  if (!client.id) {
    oauthError(res, 400, 'invalid_request', "MSIS9609: The 'client_id' parameter is missing.");
    return;
  }
  if (!client.secret) {
    oauthError(res, 401, 'invalid_client', 'MSIS9623: The client credentials are missing.');
    return;
  }
  const principal = ctx.principals().find((p) => p.appId?.toLowerCase() === client.id!.toLowerCase());
  const scope = form.get('scope') ?? form.get('resource') ?? '';
  const audience = scope.split(' ')[0].replace(/\/\.default$/, '');
  const now = Math.floor(Date.now() / 1000);
  const token = mintToken({
    oid: principal?.objectId ?? client.id,
    tid: ctx.tenantId,
    appid: client.id,
    aud: audience,
    iss: `${ctx.origin}/adfs`,
    iat: now,
    exp: now + TOKEN_LIFETIME_S,
  });
  sendJson(res, 200, {
    access_token: token,
    token_type: 'bearer',
    expires_in: TOKEN_LIFETIME_S,
    ext_expires_in: TOKEN_LIFETIME_S,
    resource: audience,
    scope,
  }, { 'cache-control': 'no-store', pragma: 'no-cache' });
}
