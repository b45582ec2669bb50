/** Request reading shared by every route (answers are written by respond.ts). */
import type { IncomingMessage } from 'node:http';
import { KeyVaultError } from '../domain/errors.js';
import { wireErrors } from './errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The client hung up before its request was read: nothing to answer and nothing to report (a
 * client's choice, not a fault of the emulator).
 */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before sending the whole request');
  }
}

/** Reads the whole body; past MAX_BODY_BYTES it stops reading and throws 413 (the connection is then closed). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(wireErrors.bodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        fail(wireErrors.bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    // A reset or a close before 'end' is the client going away mid-body.
    req.on('error', () => fail(new ClientGone()));
    req.on('close', () => {
      if (!req.complete) fail(new ClientGone());
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

/** A required object body; anything else is a BadParameter. */
export function objectBody(body: unknown, what = 'request body'): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new KeyVaultError(400, 'BadParameter', `The ${what} must be a JSON object.`);
  }
  return body as Record<string, unknown>;
}
