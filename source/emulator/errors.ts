/**
 * The one place where anything thrown while serving a request becomes an HTTP answer. KeyVaultErrors
 * go on the wire as they are (status + Azure's body); anything else is a 500 InternalServerError
 * whose body says nothing about the request (no values, no stack).
 */
import type { ServerResponse } from 'node:http';
import { KeyVaultError } from '../domain/errors.js';
import { sendJson } from './http.js';

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
  badApiVersionData: (version: string) =>
    new KeyVaultError(
      400,
      'BadParameter',
      `The specified version (${version}) is not recognized. Consider using the latest supported version (2025-07-01).`,
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
  dataMissingToken: () => new KeyVaultError(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.'),
  dataBadToken: () =>
    new KeyVaultError(401, 'Unauthorized', 'AKV10022: Invalid token: the token could not be read as a JWT with an oid claim.'),
  internal: () =>
    new KeyVaultError(500, 'InternalServerError', 'The server encountered an internal error. Please retry the request.'),
  injected500: () =>
    new KeyVaultError(500, 'InternalServerError', 'The server encountered an internal error (injected by --fault-rate).'),
  injected503: () =>
    new KeyVaultError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected by --fault-rate).', undefined, 1),
};

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
