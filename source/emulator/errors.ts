/**
 * The one place where anything thrown while serving a request becomes an HTTP answer. KeyVaultErrors
 * go on the wire as they are (status + Azure's body); anything else is a 500 InternalServerError
 * whose body says nothing about the request (no values, no stack).
 */
import type { ServerResponse } from 'node:http';
import { KeyVaultError } from '../domain/errors.js';
import { sendJson } from './respond.js';

export const wireErrors = {
  bodyTooLarge: () =>
    new KeyVaultError(413, 'RequestEntityTooLarge', 'The request body is too large and exceeds the maximum permissible limit of 1MB.'),
  unsupportedMediaType: (type: string) =>
    new KeyVaultError(415, 'UnsupportedMediaType', `The content media type '${type}' is not supported. Only 'application/json' is supported.`),
  malformedJsonData: () => new KeyVaultError(400, 'BadParameter', 'The request body is not valid JSON.'),
  malformedJsonArm: (detail: string) =>
    new KeyVaultError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`),
  missingApiVersionArm: () =>
    new KeyVaultError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests."),
  badApiVersionArm: (version: string, supported: string) =>
    new KeyVaultError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${version}' is invalid. The supported versions are '${supported}'.`,
    ),
  badApiVersionData: (version: string, latest: string) =>
    new KeyVaultError(
      400,
      'BadParameter',
      `The specified version (${version}) is not recognized. Consider using the latest supported version (${latest}).`,
    ),
  missingApiVersionData: () => new KeyVaultError(400, 'BadParameter', 'The request is missing the required api-version query parameter.'),
  armNotFound: (path: string) =>
    new KeyVaultError(404, 'NotFound', `The requested resource '${path}' was not found. No route matches this path.`),
  dataNotFound: (path: string) => new KeyVaultError(404, 'NotFound', `The requested URI '${path}' does not match any Key Vault operation.`),
  methodNotAllowed: (method: string) =>
    new KeyVaultError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`),
  unknownVaultHost: (host: string) =>
    new KeyVaultError(404, 'VaultNotFound', `The host '${host}' does not name a vault served by this emulator.`),
  armMissingToken: () =>
    new KeyVaultError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),
  armBadToken: () => new KeyVaultError(401, 'InvalidAuthenticationToken', 'The access token is invalid.'),
  /** ARM's words (recorded in Azure-Samples/active-directory-dotnetcore-daemon-v2#145). */
  armBadAudience: (found: string, allowed: string[]) =>
    new KeyVaultError(
      401,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${found}'. It should exactly match with one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(',')}.`,
    ),
  /** ARM's words (recorded in hashicorp/terraform-provider-azurerm and Azure SDK issues); times in .NET's invariant format. */
  armTokenExpired: (exp: number, now: number) =>
    new KeyVaultError(
      401,
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${dotnetUtc(exp)}' is earlier than current UTC time '${dotnetUtc(now)}'.`,
    ),
  armTokenNotYetValid: (nbf: number, now: number) =>
    new KeyVaultError(
      401,
      'InvalidAuthenticationToken',
      `The access token is not yet valid. Its not-before UTC time '${dotnetUtc(nbf)}' is later than current UTC time '${dotnetUtc(now)}'.`,
    ),
  dataMissingToken: () => new KeyVaultError(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.'),
  dataBadToken: () =>
    new KeyVaultError(401, 'Unauthorized', 'AKV10022: Invalid token: the token could not be read as a JWT with an oid claim.'),
  /** Key Vault's words for a token issued for another resource (e.g. an ARM token on the data plane). */
  dataBadAudience: (expected: string, found: string) =>
    new KeyVaultError(401, 'Unauthorized', `AKV10022: Invalid audience. Expected ${expected}, found: ${found}.`),
  /** Key Vault passes on Microsoft.IdentityModel's lifetime codes (recorded in Azure/azure-sdk-for-python#12368). */
  dataTokenExpired: () => new KeyVaultError(401, 'Unauthorized', 'Error validating token: IDX10223'),
  dataTokenNotYetValid: () => new KeyVaultError(401, 'Unauthorized', 'Error validating token: IDX10222'),
  graphMissingToken: () => new KeyVaultError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  graphBadToken: () => new KeyVaultError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed.'),
  graphBadAudience: () => new KeyVaultError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'),
  graphTokenExpired: () => new KeyVaultError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  graphTokenNotYetValid: () => new KeyVaultError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is not yet valid.'),
  badRequestTarget: (plane: 'arm' | 'data') =>
    plane === 'data'
      ? new KeyVaultError(400, 'BadParameter', 'The request URI is not valid.')
      : new KeyVaultError(400, 'InvalidRequestUri', 'The request URI is not valid.'),
  internal: () =>
    new KeyVaultError(500, 'InternalServerError', 'The server encountered an internal error. Please retry the request.'),
  injected500: () =>
    new KeyVaultError(500, 'InternalServerError', 'The server encountered an internal error (injected by --fault-rate).'),
  injected503: () =>
    new KeyVaultError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected by --fault-rate).', undefined, 1),
};

/** Unix seconds as .NET's invariant "G" format, as ARM prints times: 11/28/2025 5:28:45 AM. */
function dotnetUtc(seconds: number): string {
  const d = new Date(seconds * 1000);
  const h = d.getUTCHours() % 12 || 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

/** Writes the error; unexpected errors are logged by the caller's hook and answered with a generic 500. */
export function sendError(res: ServerResponse, err: unknown, onUnexpected?: (e: unknown) => void): void {
  let kv: KeyVaultError;
  if (err instanceof KeyVaultError) kv = err;
  else {
    onUnexpected?.(err);
    kv = wireErrors.internal();
  }
  const headers: Record<string, string> = {};
  if (kv.retryAfterSeconds !== undefined) headers['retry-after'] = String(kv.retryAfterSeconds);
  sendJson(res, kv.status, kv.toBody(), headers);
}
