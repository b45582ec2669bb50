/**
 * Requests the emulator answers before they reach the engine — no or malformed token, unknown route or
 * method, bad api-version, oversized or malformed body, injected faults, throttling — still belong in
 * the audit log ("every request is written to the audit log"). Refusals the engine itself made are
 * already there and are not recorded twice.
 */
import { KeyVaultError } from '../domain/errors.js';
import type { Engine } from '../engine/index.js';
import type { TokenClaims } from './token.js';

export interface RequestFacts {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  plane: 'arm' | 'data';
  /** https://host:port of the request. */
  origin: string;
  vaultName?: string;
  clientAddress: string;
  /** performance.now() when the request arrived. */
  started: number;
  /** The token's claims, when one was read. */
  claims?: TokenClaims;
}

export function auditRefusal(engine: Engine, facts: RequestFacts, status: number, code: string | undefined): void {
  const c = facts.claims;
  engine.core.recordRefusal(
    { objectId: c?.oid ?? 'anonymous', tenantId: c?.tid, appId: c?.appid, clientAddress: facts.clientAddress },
    `${facts.method} ${facts.path}`,
    { vaultName: facts.vaultName, target: facts.plane === 'data' ? `${facts.origin}${facts.path}` : facts.path },
    status,
    code,
    facts.started,
  );
}

/** Records an error thrown while serving, unless the engine already audited it. */
export function auditError(engine: Engine, facts: RequestFacts, err: unknown): void {
  if (engine.core.wasAudited(err)) return;
  if (err instanceof KeyVaultError) auditRefusal(engine, facts, err.status, err.code);
  else auditRefusal(engine, facts, 500, 'InternalServerError');
}
