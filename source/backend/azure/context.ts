/**
 * What every part of the Azure backend shares: the cloud, the credential, one transport, the SDK
 * clients (created lazily and cached — a one-shot `kvdeck get` loads only @azure/keyvault-secrets),
 * the per-attempt policies every client carries (error bodies kept, the request bound, the activity
 * observer), and `run()`, the wrapper every call goes through: timeout + cancellation, error mapping
 * (errors.ts), and the session audit record.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Agent } from 'node:https';
import type { SecretClient } from '@azure/keyvault-secrets';
import type { CryptographyClient, KeyClient } from '@azure/keyvault-keys';
import type { CertificateClient } from '@azure/keyvault-certificates';
import type { KeyVaultManagementClient } from '@azure/arm-keyvault';
import type { ManagementLockClient } from '@azure/arm-locks';
import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { CallOptions } from '../backend.js';
import type { Identity } from '../../domain/directory.js';
import type { CloudProfile } from './clouds.js';
import { ConnectionError, failurePolicy, isAbortError, lastUrlOf, mapSdkError, parseRetryAfter, SignInError, timeoutError } from './errors.js';
import { SessionAudit } from './session-audit.js';
import { ArmRest } from './arm-rest.js';
import { DEFAULT_CONCURRENCY, RequestGate } from './request-gate.js';
import { CALL_TIMEOUT_MS } from './session.js';
import { KeyVaultError } from '../../domain/errors.js';

/** What the console can show while calls are in flight: retries, throttling. */
export type AzureActivity =
  | { kind: 'throttled'; host: string; status: number; retryAfterSeconds?: number }
  | { kind: 'transient-failure'; host: string; status: number };

export interface RetrySettings {
  maxRetries?: number;
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
}

export interface ContextOptions {
  cloud: CloudProfile;
  credential: TokenCredential;
  identity: Identity;
  agent?: Agent;
  /** Per call, including its retries. Default 60 s. */
  timeoutMs?: number;
  retry?: RetrySettings;
  /** At most this many requests in flight at once, whatever fans them out. Default: DEFAULT_CONCURRENCY. */
  concurrency?: number;
  onActivity?: (a: AzureActivity) => void;
}

export interface CallMeta {
  operation: string;
  vaultName?: string;
  target: string;
}

export class AzureContext {
  readonly cloud: CloudProfile;
  readonly credential: TokenCredential;
  readonly identity: Identity;
  readonly audit: SessionAudit;
  readonly concurrency: number;
  /** Bounds the requests in flight and holds a host back while it asked to wait (Retry-After). */
  readonly gate: RequestGate;
  readonly arm: ArmRest;
  /** Microsoft Graph, where the cloud has it (to name principals). */
  readonly graph?: ArmRest;
  readonly stats = { requests: 0, throttled: 0, transientFailures: 0 };
  private readonly timeoutMs: number;
  private readonly agent?: Agent;
  private readonly retry?: RetrySettings;
  /** Who wants to hear about retries and throttling (the console's status line). */
  readonly activityListeners = new Set<(a: AzureActivity) => void>();
  private readonly secretClients = new Map<string, SecretClient>();
  private readonly keyClients = new Map<string, KeyClient>();
  private readonly certificateClients = new Map<string, CertificateClient>();
  private readonly mgmtClients = new Map<string, KeyVaultManagementClient>();
  private readonly lockClients = new Map<string, ManagementLockClient>();
  private readonly authorizationClients = new Map<string, AuthorizationManagementClient>();

  constructor(o: ContextOptions) {
    this.cloud = o.cloud;
    this.credential = o.credential;
    this.identity = o.identity;
    this.agent = o.agent;
    this.retry = o.retry;
    this.timeoutMs = o.timeoutMs ?? CALL_TIMEOUT_MS;
    this.concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
    this.gate = new RequestGate(this.concurrency);
    if (o.onActivity) this.activityListeners.add(o.onActivity);
    this.audit = new SessionAudit(o.identity);
    this.arm = new ArmRest(o.cloud.armEndpoint, o.cloud.armScope, o.credential, o.agent, o.retry, this.policies());
    if (o.cloud.graphEndpoint && o.cloud.graphScope) {
      this.graph = new ArmRest(o.cloud.graphEndpoint, o.cloud.graphScope, o.credential, o.agent, o.retry, this.policies());
    }
  }

  /**
   * What every client runs on each attempt, outermost first: failed answers' bodies kept (and
   * hopeless connections ended), the request bound, the activity observer.
   */
  policies(): PipelinePolicy[] {
    return [failurePolicy(), this.gate.policy(), this.observer()];
  }

  /**
   * Sees every attempt (it sits after the retry policy), so throttling and transient failures are
   * counted and reported while the SDK's retry policy waits (Retry-After honoured by the SDK).
   */
  observer(): PipelinePolicy {
    return {
      name: 'kvdeckActivityObserver',
      sendRequest: async (request, next) => {
        this.stats.requests++;
        const response = await next(request);
        const host = new URL(request.url).host;
        if (response.status === 429 || (response.status === 503 && response.headers.get('retry-after'))) {
          this.stats.throttled++;
          this.emit({ kind: 'throttled', host, status: response.status, retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')) });
        } else if (response.status >= 500) {
          this.stats.transientFailures++;
          this.emit({ kind: 'transient-failure', host, status: response.status });
        }
        return response;
      },
    };
  }

  private emit(a: AzureActivity): void {
    for (const l of this.activityListeners) {
      try {
        l(a);
      } catch {
        // a listener's failure must not fail the request
      }
    }
  }

  /** Options every SDK client gets: transport, retry, the per-attempt policies. */
  private baseOptions() {
    return {
      agent: this.agent,
      retryOptions: this.retry,
      additionalPolicies: this.policies().map((policy) => ({ policy, position: 'perRetry' as const })),
      userAgentOptions: { userAgentPrefix: 'kvdeck' },
    };
  }

  /** A data-plane client per vault, made once (its SDK loaded at first use: a one-shot `get` loads only secrets'). */
  private async dataClient<C>(cache: Map<string, C>, vaultUri: string, make: (options: object) => Promise<C>): Promise<C> {
    let c = cache.get(vaultUri);
    if (!c) {
      c = await make({ ...this.baseOptions(), serviceVersion: this.cloud.apiVersions.keyVaultData as never });
      cache.set(vaultUri, c);
    }
    return c;
  }

  secrets(vaultUri: string): Promise<SecretClient> {
    return this.dataClient(this.secretClients, vaultUri, async (o) => new (await import('@azure/keyvault-secrets')).SecretClient(vaultUri, this.credential, o));
  }

  keys(vaultUri: string): Promise<KeyClient> {
    return this.dataClient(this.keyClients, vaultUri, async (o) => new (await import('@azure/keyvault-keys')).KeyClient(vaultUri, this.credential, o));
  }

  certificates(vaultUri: string): Promise<CertificateClient> {
    return this.dataClient(this.certificateClients, vaultUri, async (o) => new (await import('@azure/keyvault-certificates')).CertificateClient(vaultUri, this.credential, o));
  }

  /**
   * Always remote: the client is given a key without key material, so every operation (even the
   * public-key ones the SDK could do locally) happens inside the vault, checked against key_ops and
   * the caller's permissions exactly as the service does — and recorded in the vault's log.
   */
  async crypto(keyId: string, name: string): Promise<CryptographyClient> {
    const { CryptographyClient } = await import('@azure/keyvault-keys');
    const remoteOnlyKey = { id: keyId, name, properties: { name, vaultUrl: '' } } as never;
    return new CryptographyClient(remoteOnlyKey, this.credential, {
      ...this.baseOptions(),
      serviceVersion: this.cloud.apiVersions.keyVaultData as never,
    });
  }

  async management(subscriptionId: string): Promise<KeyVaultManagementClient> {
    let c = this.mgmtClients.get(subscriptionId);
    if (!c) {
      const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
      c = new KeyVaultManagementClient(this.credential, subscriptionId, {
        ...this.baseOptions(),
        endpoint: this.cloud.armEndpoint,
        credentials: { scopes: [this.cloud.armScope] },
        apiVersion: this.cloud.apiVersions.keyVaultManagement,
      });
      this.mgmtClients.set(subscriptionId, c);
    }
    return c;
  }

  async locks(subscriptionId: string): Promise<ManagementLockClient> {
    let c = this.lockClients.get(subscriptionId);
    if (!c) {
      // @azure/arm-locks is CommonJS: bundled, its named exports sit on `default` (tsx gives both).
      const mod = await import('@azure/arm-locks');
      const ManagementLockClient = mod.ManagementLockClient ?? (mod as unknown as { default: typeof mod }).default.ManagementLockClient;
      c = new ManagementLockClient(this.credential, subscriptionId, {
        ...this.baseOptions(),
        endpoint: this.cloud.armEndpoint,
        $host: this.cloud.armEndpoint,
        credentialScopes: [this.cloud.armScope],
        apiVersion: this.cloud.apiVersions.locks,
      });
      this.lockClients.set(subscriptionId, c);
    }
    return c;
  }

  /**
   * Microsoft.Authorization role assignments, definitions and permissions. The client pins its API
   * version per operation (2022-04-01) and takes no override; a cloud that speaks another one (Azure
   * Stack Hub: 2015-07-01) gets it through a policy that rewrites the query's api-version.
   */
  async authorization(subscriptionId: string): Promise<AuthorizationManagementClient> {
    let c = this.authorizationClients.get(subscriptionId);
    if (!c) {
      // CommonJS like @azure/arm-locks: bundled, its named exports sit on `default`.
      const mod = await import('@azure/arm-authorization');
      const Client = mod.AuthorizationManagementClient ?? (mod as unknown as { default: typeof mod }).default.AuthorizationManagementClient;
      const version = this.cloud.apiVersions.authorization;
      const base = this.baseOptions();
      c = new Client(this.credential, subscriptionId, {
        ...base,
        endpoint: this.cloud.armEndpoint,
        $host: this.cloud.armEndpoint,
        credentialScopes: [this.cloud.armScope],
        additionalPolicies: [...base.additionalPolicies, ...(version ? [{ policy: apiVersionPolicy(version), position: 'perCall' as const }] : [])],
      });
      this.authorizationClients.set(subscriptionId, c);
    }
    return c;
  }

  /**
   * Runs one backend call: aborts on the caller's signal or the timeout, maps errors, records the
   * call in the session audit. `fn` gets the signal to hand to the SDK.
   */
  async run<T>(meta: CallMeta, o: CallOptions | undefined, fn: (abortSignal: AbortSignal) => Promise<T>, successCode = 200): Promise<T> {
    const started = performance.now();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = o?.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
    const record = (resultCode: number, errorCode?: string) =>
      this.audit.record({ ...meta, resultCode, errorCode, durationMs: Math.round(performance.now() - started) });
    try {
      if (o?.signal?.aborted) throw o.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
      const result = await fn(signal);
      record(successCode);
      return result;
    } catch (e) {
      let mapped = mapSdkError(e);
      if (isAbortError(mapped) && timeout.aborted && !o?.signal?.aborted) mapped = timeoutError(this.timeoutMs, lastUrlOf(signal));
      if (mapped instanceof KeyVaultError) record(mapped.status, mapped.code);
      else if (mapped instanceof ConnectionError) record(503, 'NoConnection');
      else if (mapped instanceof SignInError) record(401, 'SignInFailed');
      else record(isAbortError(mapped) ? 499 : 500, isAbortError(mapped) ? 'Cancelled' : 'ClientError');
      throw mapped;
    }
  }

  close(): void {
    this.agent?.destroy();
  }
}

/** Sends every request with this api-version (the rest of the URL untouched: `$filter` stays as encoded). */
export function apiVersionPolicy(version: string): PipelinePolicy {
  return {
    name: 'kvdeckApiVersion',
    sendRequest: (request, next) => {
      request.url = request.url.replace(/([?&]api-version=)[^&]*/i, `$1${encodeURIComponent(version)}`);
      return next(request);
    },
  };
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
