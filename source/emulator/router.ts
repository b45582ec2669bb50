/**
 * A small route table. Patterns are written in lower case with `{}` for one segment and `{*}` for
 * an ARM scope of any depth; paths are matched case-insensitively (ARM tools disagree on case,
 * e.g. arm-locks sends `resourcegroups`). Captured values keep the caller's spelling.
 */
import type { ServerResponse } from 'node:http';
import type { Backend } from '../backend/backend.js';
import type { Principal } from '../domain/directory.js';
import type { ArmArea } from './api-versions.js';
import type { TokenClaims } from './token.js';
import type { CallContext } from '../engine/call-context.js';

export interface RequestContext {
  method: string;
  /** Decoded path, slashes collapsed, no trailing slash (but "/" itself). */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, undefined when the request had none. */
  body: unknown;
  backend: Backend;
  claims: TokenClaims;
  /** https://host:port of this request, for absolute nextLinks. */
  origin: string;
  /** Data plane only. */
  vaultName?: string;
  /** The client's address, as the audit log records it. */
  clientAddress: string;
  /** The directory's principals (to name who changed what), read without an audit entry. */
  principals: () => readonly Principal[];
  res: ServerResponse;
}

/** The engine's view of who is calling (routes that talk to the engine directly, not through the backend). */
export function callerOf(ctx: RequestContext): CallContext {
  return { objectId: ctx.claims.oid, tenantId: ctx.claims.tid, appId: ctx.claims.appid, clientAddress: ctx.clientAddress };
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext, params: string[]) => Promise<RouteResult> | RouteResult;

interface Route {
  method: string;
  regex: RegExp;
  handler: Handler;
  area?: ArmArea;
}

export type Match =
  | { kind: 'found'; handler: Handler; params: string[]; area?: ArmArea }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

function compile(pattern: string): RegExp {
  const body = pattern
    .split('/')
    .map((seg) => (seg === '{}' ? '([^/]+)' : seg === '{*}' ? '(.*?)' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}$`, 'i');
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, area?: ArmArea): this {
    this.routes.push({ method, regex: compile(pattern), handler, area });
    return this;
  }

  match(method: string, path: string): Match {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        pathMatched = true;
        continue;
      }
      return { kind: 'found', handler: r.handler, params: m.slice(1), area: r.area };
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

/** Decodes %xx (arm-locks encodes whole scopes), collapses `//` and drops a trailing slash. */
export function normalizePath(rawPath: string): string {
  let p = rawPath;
  try {
    p = decodeURIComponent(rawPath);
  } catch {
    // leave undecodable paths as they are: they will not match a route and get a 404
  }
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p || '/';
}
