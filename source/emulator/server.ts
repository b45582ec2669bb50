/**
 * The emulator's HTTPS server: one request handler that decides the plane from the Host header,
 * then runs faults → body → authentication → route → api-version → handler, and maps every error in
 * one place (errors.ts); what is refused before the engine is audited through refusals.ts. Each request acts through a memory backend for the token's principal, so
 * the engine enforces access policies and audits the call with the client's address.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../backend/backend.js';
import { createMemoryBackend } from '../backend/memory/index.js';
import { objectKey } from '../domain/names.js';
import type { Engine } from '../engine/index.js';
import { checkArmApiVersion, checkDataApiVersion, type EmulatorProfile } from './api-versions.js';
import { handleToken, openIdConfiguration } from './adfs.js';
import { authenticate, claimsOf, sendUnauthorized } from './auth.js';
import type { Plane } from './audiences.js';
import { sendError, wireErrors } from './errors.js';
import type { Faults } from './faults.js';
import { ClientGone, parseJsonBody, readBody } from './http.js';
import { metadataEndpoints, VAULT_SUFFIX } from './metadata.js';
import { normalizePath, type RequestContext, type Router } from './router.js';
import { auditError, auditRefusal, type RequestFacts } from './refusals.js';
import { sendJson } from './respond.js';
import type { TokenClaims } from './token.js';
import type { TlsMaterial } from './tls.js';
import { setArmHeaders, setDataPlaneHeaders } from './wire-headers.js';

export interface ServerDeps {
  engine: Engine;
  tls: TlsMaterial;
  arm: Router;
  graph: Router;
  data: Router;
  faults: Faults;
  tenantId: () => string;
  /** The listening port (known after listen). */
  port: () => number;
  /** Which api-versions are accepted: Azure's, or an Azure Stack Hub stamp's. */
  profile: EmulatorProfile;
  onUnexpected: (e: unknown) => void;
  onRequest?: RequestObserver;
}

/** What a request observer hears: each request as it arrives; the returned function when it is answered. */
export type RequestObserver = (r: { plane: 'arm' | 'data'; method: string; path: string; vaultName?: string }) => ((status: number) => void) | void;

const GRAPH_PATH = /^\/v1\.0(\/|$)/i;
const VAULT_HOST = new RegExp(`^([a-z0-9-]{1,63})\\.${VAULT_SUFFIX.replace(/\./g, '\\.')}$`, 'i');

/** A backend per caller, reused across requests (creating one per request would cost more than the call). */
class BackendCache {
  private readonly map = new Map<string, Backend>();
  constructor(private readonly engine: Engine) {}
  get(claims: TokenClaims, clientAddress: string): Backend {
    const key = `${claims.oid}|${claims.tid ?? ''}|${claims.appid ?? ''}|${clientAddress}`;
    let b = this.map.get(key);
    if (!b) {
      if (this.map.size >= 512) this.map.delete(this.map.keys().next().value!);
      b = createMemoryBackend(this.engine, { objectId: claims.oid, tenantId: claims.tid, appId: claims.appid, clientAddress, label: 'Emulator' });
      this.map.set(key, b);
    }
    return b;
  }
}

type Facts = RequestFacts & { url: URL; hostPort?: string; badTarget: boolean };

/** `host:port` → its parts; an IPv6 literal keeps its brackets. */
function splitHost(hostHeader: string): { hostname: string; port?: string } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostHeader);
  return m ? { hostname: m[1], port: m[2] } : { hostname: hostHeader };
}

export function createEmulatorServer(deps: ServerDeps): Server {
  const backends = new BackendCache(deps.engine);
  const armOrigin = () => `https://localhost:${deps.port()}`;

  /** What the request is, read once: the error path needs it for the audit log too. */
  function factsOf(req: IncomingMessage): Facts {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    const { hostname, port } = splitHost(hostHeader);
    const vaultMatch = VAULT_HOST.exec(hostname);
    // An origin-form target is a path even when it starts with `//` (the Azure CLI asks for
    // `//metadata/endpoints`; a URL parser would read a host there). A target that is no URL at all
    // (`http://[`, `*`) is answered 400, never thrown past here.
    const target = req.url ?? '/';
    let url: URL | undefined;
    try {
      url = target.startsWith('/') ? new URL(`https://emulator.invalid${target}`) : new URL(target);
    } catch {
      url = undefined;
    }
    return {
      started: performance.now(),
      url: url ?? new URL('https://emulator.invalid/'),
      badTarget: !url,
      plane: vaultMatch ? 'data' : 'arm',
      vaultName: vaultMatch?.[1],
      path: url ? normalizePath(url.pathname) : '/',
      method: (req.method ?? 'GET').toUpperCase(),
      origin: `https://${hostHeader || `localhost:${deps.port()}`}`,
      hostPort: port,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, facts: Facts): Promise<void> {
    const { url, path, method, plane, origin, clientAddress } = facts;
    if (plane === 'data') {
      const vault = facts.vaultName ? deps.engine.core.state.vaults.get(objectKey(facts.vaultName)) : undefined;
      setDataPlaneHeaders(res, req, clientAddress, vault?.location);
    } else {
      setArmHeaders(res, req);
    }
    if (facts.badTarget) throw wireErrors.badRequestTarget(plane);

    const raw = await readBody(req);

    if (plane === 'arm') {
      // Sign-in and cloud discovery need no token and are never faulted.
      const lower = path.toLowerCase();
      if (lower === '/metadata/endpoints' && method === 'GET') {
        const v = url.searchParams.get('api-version');
        if (v) checkArmApiVersion(v, 'metadata', deps.profile);
        sendJson(res, 200, metadataEndpoints(armOrigin()));
        return;
      }
      if (lower === '/adfs/.well-known/openid-configuration' && method === 'GET') {
        sendJson(res, 200, openIdConfiguration(armOrigin()));
        return;
      }
      if (lower === '/adfs/oauth2/token' && method === 'POST') {
        handleToken(req, res, raw, {
          origin: armOrigin(),
          tenantId: deps.tenantId(),
          principals: () => deps.engine.core.state.principals,
        });
        return;
      }
    }

    if (deps.faults.active) {
      await deps.faults.delay();
      const injected = deps.faults.injected() ?? (facts.vaultName ? deps.faults.throttled(facts.vaultName) : undefined);
      if (injected) throw injected;
    }

    // Microsoft Graph's reads share the ARM host (under /v1.0) and take no api-version.
    const graph = plane === 'arm' && GRAPH_PATH.test(path);
    const authPlane: Plane = graph ? 'graph' : plane;
    const auth = authenticate(req, { plane: authPlane, hostPort: facts.hostPort, listenPort: deps.port(), now: Math.floor(Date.now() / 1000) });
    if (!auth.ok) {
      facts.claims = claimsOf(req);
      sendUnauthorized(res, auth.error, { plane: authPlane, tenantId: deps.tenantId(), hostPort: facts.hostPort });
      auditRefusal(deps.engine, facts, 401, auth.error.code);
      return;
    }
    facts.claims = auth.claims;

    const router = plane === 'data' ? deps.data : graph ? deps.graph : deps.arm;
    const match = router.match(method, path);
    if (match.kind === 'not-found') throw plane === 'data' ? wireErrors.dataNotFound(path) : wireErrors.armNotFound(path);
    if (match.kind === 'method-not-allowed') throw wireErrors.methodNotAllowed(method);

    const version = url.searchParams.get('api-version');
    if (plane === 'data') checkDataApiVersion(version, deps.profile);
    else if (!graph) checkArmApiVersion(version, match.area ?? 'keyvault', deps.profile);

    const ctx: RequestContext = {
      method,
      path,
      query: url.searchParams,
      body: parseJsonBody(raw, req.headers['content-type'], plane),
      backend: backends.get(auth.claims, clientAddress),
      claims: auth.claims,
      origin,
      vaultName: facts.vaultName,
      clientAddress,
      principals: () => deps.engine.core.state.principals,
      res,
    };
    const result = await match.handler(ctx, match.params);
    sendJson(res, result.status, result.body, result.headers);
  }

  return createServer({ cert: deps.tls.certPem, key: deps.tls.keyPem, keepAlive: true }, (req, res) => {
    const facts = factsOf(req);
    const answered = deps.onRequest?.({ plane: facts.plane, method: facts.method, path: facts.path, vaultName: facts.vaultName });
    if (answered) res.once('close', () => answered(res.statusCode));
    handle(req, res, facts).catch((e) => {
      if (e instanceof ClientGone) {
        // Nobody is listening for an answer; the audit log still says the request came and went.
        auditRefusal(deps.engine, facts, 499, 'ClientClosedRequest');
        res.destroy();
        return;
      }
      // Refused before authentication (413, faults): still name the caller when the token says who.
      facts.claims ??= claimsOf(req);
      auditError(deps.engine, facts, e);
      const tooLarge = e?.status === 413;
      if (tooLarge) res.setHeader('connection', 'close');
      sendError(res, e, deps.onUnexpected);
    });
  });
}
