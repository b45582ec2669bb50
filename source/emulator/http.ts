/** Request reading and response writing shared by every route. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { KeyVaultError } from '../domain/errors.js';
import { wireErrors } from './errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body; past MAX_BODY_BYTES it stops reading and throws 413 (the connection is then closed). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(wireErrors.bodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(wireErrors.bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

/**
 * The JSON body of a request, or undefined when it has none. A body must be declared as JSON
 * (415 otherwise); malformed JSON is a 400 in the plane's own words.
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined, plane: 'arm' | 'data'): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) throw wireErrors.unsupportedMediaType(type || '(none)');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw plane === 'arm' ? wireErrors.malformedJsonArm((e as Error).message) : wireErrors.malformedJsonData();
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-ms-request-id': randomUUID(),
    ...headers,
  });
  res.end(text);
}

/** A required object body; anything else is a BadParameter. */
export function objectBody(body: unknown, what = 'request body'): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new KeyVaultError(400, 'BadParameter', `The ${what} must be a JSON object.`);
  }
  return body as Record<string, unknown>;
}
