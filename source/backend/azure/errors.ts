/**
 * THE one place where what the Azure SDKs throw becomes a KeyVaultError, so the console shows the
 * same sentence whether it runs on the demo engine, the emulator or Azure. Azure puts the facts in
 * the response body ({"error":{"code","message","innererror":{"code"}}}); the SDK's RestError keeps
 * the raw response, so the body is read from there first and the RestError's own fields are the
 * fallback (ARM clients and data-plane clients shape `code`/`message` differently).
 */
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
  response?: { status: number; headers: { get(name: string): string | undefined }; bodyAsText?: string | null };
  details?: unknown;
  request?: object;
}

export function isRestErrorLike(e: unknown): e is RestErrorLike {
  return !!e && typeof e === 'object' && (e as { name?: string }).name === 'RestError';
}

export function isAbortError(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: string }).name === 'AbortError';
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

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

/** Why a request never got an answer, in words (no status code). */
function transportMessage(e: RestErrorLike): string {
  const code = e.code ?? '';
  if (/ECONNREFUSED/.test(code) || /ECONNREFUSED/.test(e.message)) return `Could not connect: the connection was refused (${e.message}).`;
  if (/ENOTFOUND|EAI_AGAIN/.test(code + e.message)) return `Could not resolve the host name (${e.message}).`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code + e.message)) {
    return `The server's TLS certificate is not trusted (${e.message}). Pass its CA with --ca FILE.`;
  }
  return `The request failed before the service answered: ${e.message}`;
}

/**
 * Any error from an SDK call → KeyVaultError. Aborts pass through untouched (the caller cancelled;
 * nothing to explain). Errors that are already KeyVaultErrors pass through too.
 */
export function toKeyVaultError(e: unknown, bodyOf?: (request: object) => string | undefined): unknown {
  if (e instanceof KeyVaultError || isAbortError(e)) return e;
  if (isRestErrorLike(e)) {
    const status = e.statusCode ?? e.response?.status;
    if (!status) return new KeyVaultError(503, 'ServiceUnavailable', transportMessage(e), e.code);
    // The generated clients' paging drops the answer's body ("Pagination failed with unexpected statusCode
    // 403"): the pipeline kept it for the request (bodyOf), so the service's own sentence still shows.
    const body = bodyError(e.response?.bodyAsText) ?? detailsError(e.details) ?? bodyError(e.request ? bodyOf?.(e.request) : undefined);
    const code = body?.code ?? e.code ?? `Http${status}`;
    const message = body?.message ?? e.message ?? `The service answered ${status}.`;
    const inner = body?.innererror?.code ?? body?.innerError?.code;
    const retryAfter = parseRetryAfter(e.response?.headers.get('retry-after'));
    return new KeyVaultError(status, code, message, inner, retryAfter);
  }
  if (e instanceof Error && /token|credential|authenticat|login|AADSTS/i.test(`${e.name} ${e.message}`)) {
    // @azure/identity's CredentialUnavailableError / AuthenticationError: sign-in, not the vault.
    return new KeyVaultError(401, 'AuthenticationFailed', `Sign-in failed: ${e.message}`);
  }
  return e;
}

/** A per-call timeout, as a KeyVaultError the console can explain. */
export function timeoutError(ms: number): KeyVaultError {
  return new KeyVaultError(408, 'RequestTimeout', `The request did not finish within ${Math.round(ms / 100) / 10} seconds.`);
}
