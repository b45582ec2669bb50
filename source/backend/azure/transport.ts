/**
 * How requests leave the process: one keep-alive https.Agent per backend, trusting an extra CA when
 * given (the emulator, a Stack Hub stamp with a private CA) and — for the emulator only — resolving
 * `*.localhost` to 127.0.0.1 (glibc here does not). TLS verification always stays on: no
 * NODE_TLS_REJECT_UNAUTHORIZED=0 anywhere.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { lookup as dnsLookup } from 'node:dns';
import { connectionError } from './errors.js';

export interface TransportOptions {
  /** PEM of a CA to trust in addition to the system's. */
  caPem?: string;
  /** Map every *.localhost host name to 127.0.0.1 (the emulator's vault hosts). */
  localhostLookup?: boolean;
  /** Trust only `caPem` (the emulator: nothing else is ever contacted; skips parsing ~140 roots). */
  caOnly?: boolean;
}

export function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the CA certificate ${path}: ${(e as Error).message}`);
  }
}

const localhostLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, options, callback as never);
};

export function makeAgent(options: TransportOptions): Agent | undefined {
  if (!options.caPem && !options.localhostLookup) return undefined;
  return new Agent({
    keepAlive: true,
    // `ca` replaces the system roots; keep them so a private-CA stamp can still reach public endpoints.
    // One context for every connection: given only `ca`, Node parses the certificates again for each
    // new TLS connection (one per vault host: ~3 ms each, ~0.6 s of CPU over 200 vaults).
    secureContext: options.caPem ? createSecureContext({ ca: options.caOnly ? options.caPem : [...rootCertificates, options.caPem] }) : undefined,
    lookup: options.localhostLookup ? localhostLookup : undefined,
  });
}

/** A plain GET through the agent (cloud discovery runs before any SDK client exists; a one-shot read skips the SDK). */
export function httpsGet(url: string, agent: Agent | undefined, timeoutMs = 15_000, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      u,
      { method: 'GET', agent, headers: { accept: 'application/json', ...headers }, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`GET ${url} timed out`), { code: 'ETIMEDOUT' })));
    // Named as what happened, to what: "Cannot reach https://… (connection refused)."
    req.on('error', (e: NodeJS.ErrnoException) => reject(connectionError(url, e)));
    req.end();
  });
}
