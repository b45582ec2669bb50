/**
 * Writing a JSON answer. Kept apart from request reading (http.ts) so that the error mapping
 * (errors.ts) and the request reading can both use it without importing each other.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = body === undefined ? '' : JSON.stringify(body);
  // The per-plane headers (wire-headers.ts) may have named the request already.
  if (!res.hasHeader('x-ms-request-id')) res.setHeader('x-ms-request-id', randomUUID());
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
