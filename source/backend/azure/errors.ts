/**
 * THE one place where what the Azure SDKs (and @azure/identity, and the network) throw becomes an
 * error the console can explain, so it shows the same sentence whether it runs on the demo engine,
 * the emulator or Azure:
 *  - a service's refusal → KeyVaultError with Azure's code, inner code and message. Azure puts them
 *    in the response body ({"error":{"code","message","innererror":{"code"}}}). The newer SDK pagers
 *    throw "Pagination failed with unexpected statusCode 403" and drop that body, so every client
 *    carries `failurePolicy()`, which keeps the body of each 4xx/5xx answer beside its request;
 *    the mapping reads it back from the error's request.
 *  - a request that never got an answer → ConnectionError: what happened, to which endpoint.
 *    Connection refused, unknown host and untrusted certificates are not retried (retrying cannot
 *    help; the SDK would spend ~5 s at it): the policy turns them into a ConnectionError, which the
 *    SDK's retry policy passes straight through.
 *  - a sign-in that could not happen → SignInError, saying why (no Azure CLI, not logged in, …).
 */
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import { KeyVaultError } from '../../domain/errors.js';

interface ErrorBody {
  code?: string;
  message?: string;
  innererror?: { code?: string };
  innerError?: { code?: string };
}

/** Duck-typed: the bundle may hold several copies of core-rest-pipeline, so `instanceof` is unreliable. */
interface RestErrorLike {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  request?: { url: string };
  response?: { status: number; headers: { get(name: string): string | undefined }; bodyAsText?: string | null };
  details?: unknown;
}

export function isRestErrorLike(e: unknown): e is RestErrorLike {
  return !!e && typeof e === 'object' && (e as { name?: string }).name === 'RestError';
}

export function isAbortError(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: string }).name === 'AbortError';
}

export type ConnectionFailure = 'refused' | 'host-not-found' | 'dns' | 'untrusted-certificate' | 'certificate' | 'timeout' | 'reset' | 'other';

/** A request that never got an answer. The message is the whole sentence the console shows. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  constructor(readonly endpoint: string, readonly failure: ConnectionFailure, message: string) {
    super(message);
  }
}

/** A token could not be had: the reason, in words (never the token, never a secret). */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}

export const signInErrors = {
  cliMissing: () =>
    new SignInError('The Azure CLI (az) is not installed or not on PATH, so --auth cli cannot sign in: install it (https://aka.ms/azure-cli) and run az login, or choose another --auth method.'),
  cliLoggedOut: () => new SignInError('The Azure CLI is not signed in: run az login, then start kvdeck again.'),
};

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

// ───────────────────────── the service's error bodies, kept per request ─────────────────────────

/** The body of each request's last 4xx/5xx answer (weak: gone with the request). */
const failedBodies = new WeakMap<object, string>();
/** The URL each call's signal was last used for: a timeout can then say what did not answer. */
const lastUrls = new WeakMap<AbortSignal, string>();

/** The URL a call (its abort signal) last sent a request to. */
export function lastUrlOf(signal: AbortSignal): string | undefined {
  return lastUrls.get(signal);
}

/** System error codes after which retrying the same address cannot help. */
const HOPELESS = /^(ECONNREFUSED|ENOTFOUND|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_\w+|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/**
 * Every SDK client's and the REST helper's per-attempt policy: keeps failed answers' bodies for
 * mapSdkError, remembers what each call is talking to, and ends hopeless attempts at once.
 */
export function failurePolicy(): PipelinePolicy {
  return {
    name: 'kvdeckFailures',
    sendRequest: async (request: PipelineRequest, next) => {
      if (request.abortSignal) lastUrls.set(request.abortSignal as AbortSignal, request.url);
      try {
        const response = await next(request);
        if (response.status >= 400 && response.bodyAsText) failedBodies.set(request, response.bodyAsText);
        return response;
      } catch (e) {
        // Not a RestError any more: the SDK's retry policy rethrows it without retrying.
        if (isRestErrorLike(e) && !e.statusCode && HOPELESS.test(e.code ?? '')) throw connectionError(request.url, e);
        throw e;
      }
    },
  };
}

// ───────────────────────── mapping ─────────────────────────

function bodyError(text: string | null | undefined): ErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: ErrorBody } & ErrorBody;
    if (parsed && typeof parsed === 'object') return parsed.error ?? (parsed.code ? parsed : undefined);
  } catch {
    // Not JSON (a proxy's HTML page, an empty 5xx): the RestError's own fields are all there is.
  }
  return undefined;
}

function detailsError(details: unknown): ErrorBody | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const d = details as { error?: ErrorBody };
  return d.error && typeof d.error === 'object' ? d.error : undefined;
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** A Node or SDK error for a request to `url` that got no answer, as a sentence naming what and where. */
export function connectionError(url: string, e: { code?: string; message?: string }): ConnectionError {
  const where = originOf(url) ?? 'the service';
  const host = originOf(url) ? new URL(url).hostname : 'its host';
  const code = e.code ?? '';
  const text = `${code} ${e.message ?? ''}`;
  if (/ECONNREFUSED/.test(text)) return new ConnectionError(where, 'refused', `Cannot reach ${where} (connection refused).`);
  if (/ENOTFOUND/.test(text)) return new ConnectionError(where, 'host-not-found', `Cannot reach ${where} (no such host: ${host}).`);
  if (/EAI_AGAIN/.test(text)) return new ConnectionError(where, 'dns', `Cannot reach ${where} (the name server did not answer; check the network and DNS).`);
  if (/CERT_HAS_EXPIRED/.test(text)) return new ConnectionError(where, 'certificate', `The certificate of ${where} has expired.`);
  if (/ALTNAME/.test(text)) return new ConnectionError(where, 'certificate', `The certificate of ${where} is not for that host name.`);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/i.test(text)) {
    return new ConnectionError(where, 'untrusted-certificate', `The certificate of ${where} is not trusted (pass --ca).`);
  }
  if (/ETIMEDOUT|ESOCKETTIMEDOUT|timed out/i.test(text)) return new ConnectionError(where, 'timeout', `Cannot reach ${where} (the connection timed out).`);
  if (/ECONNRESET|socket hang up/i.test(text)) return new ConnectionError(where, 'reset', `Lost the connection to ${where} (it was reset before an answer came).`);
  return new ConnectionError(where, 'other', `Cannot reach ${where} (${e.message || code || 'no answer'}).`);
}

/** @azure/identity's errors (CredentialUnavailableError, AuthenticationError, …) in words. */
function signInError(e: Error): SignInError | ConnectionError {
  if (/Azure CLI could not be found/i.test(e.message)) return signInErrors.cliMissing();
  if (/run 'az login'/i.test(e.message)) return signInErrors.cliLoggedOut();
  const network = /(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)[^\n]*?(https?:\/\/[^\s'"]+)?/.exec(e.message);
  if (network?.[2]) return connectionError(network[2], { code: network[1] });
  const first = e.message.split('\n')[0].trim();
  return new SignInError(`Sign-in failed: ${first || e.name}`);
}

const IDENTITY_ERROR = /Credential|^Authentication|^AggregateAuthentication/;

/**
 * Any error from an SDK call → KeyVaultError (the service answered), ConnectionError (it did not),
 * or SignInError (no token). Aborts pass through untouched (the caller cancelled; nothing to
 * explain), and so do errors already mapped.
 */
export function mapSdkError(e: unknown): unknown {
  if (e instanceof KeyVaultError || e instanceof ConnectionError || e instanceof SignInError || isAbortError(e)) return e;
  if (isRestErrorLike(e)) {
    const status = e.statusCode ?? e.response?.status;
    if (!status || status < 0) return connectionError(e.request?.url ?? '', e);
    const kept = e.request ? failedBodies.get(e.request) : undefined;
    const body = bodyError(kept) ?? bodyError(e.response?.bodyAsText) ?? detailsError(e.details);
    const code = body?.code ?? e.code ?? `Http${status}`;
    const message = body?.message ?? e.message ?? `The service answered ${status}.`;
    const inner = body?.innererror?.code ?? body?.innerError?.code;
    const retryAfter = parseRetryAfter(e.response?.headers.get('retry-after'));
    return new KeyVaultError(status, code, message, inner, retryAfter);
  }
  if (e instanceof Error && (IDENTITY_ERROR.test(e.name) || /AADSTS\d+/.test(e.message))) return signInError(e);
  return e;
}

/** A per-call timeout, naming what did not answer when it is known. */
export function timeoutError(ms: number, url?: string): KeyVaultError {
  const seconds = Math.round(ms / 100) / 10;
  const where = url && originOf(url);
  return new KeyVaultError(408, 'RequestTimeout', where ? `No answer from ${where} within ${seconds} seconds.` : `The request did not finish within ${seconds} seconds.`);
}
