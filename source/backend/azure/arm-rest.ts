/**
 * The few ARM reads no Key Vault SDK covers — tenants, subscriptions, resource groups, diagnostic
 * settings — and Microsoft Graph's directory reads (a second instance, Graph endpoint and scope), as
 * plain requests through @azure/core-rest-pipeline (the same pipeline, retry policy, bearer-token
 * policy and per-attempt policies the SDK clients use). A whole package
 * (@azure/arm-resources-subscriptions plus @azure/arm-resources for groups) for three GETs would cost
 * start time and bundle size for nothing. A failed answer is thrown as a RestError with its response:
 * errors.ts reads Azure's code and message from it, as for every SDK client.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { Pipeline, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Agent } from 'node:https';
import type { RetrySettings } from './context.js';

export class ArmRest {
  private pipeline?: Promise<{ pipeline: Pipeline; send: (url: string, signal?: AbortSignal, method?: 'GET' | 'POST', body?: unknown) => Promise<unknown> }>;

  constructor(
    private readonly armEndpoint: string,
    private readonly scope: string,
    private readonly credential: TokenCredential,
    private readonly agent: Agent | undefined,
    private readonly retry: RetrySettings | undefined,
    /** Run on every attempt (AzureContext.policies()). */
    private readonly perAttempt: PipelinePolicy[],
  ) {}

  private init() {
    this.pipeline ??= (async () => {
      const p = await import('@azure/core-rest-pipeline');
      const pipeline = p.createPipelineFromOptions({ agent: this.agent, retryOptions: this.retry, userAgentOptions: { userAgentPrefix: 'kvdeck' } });
      pipeline.addPolicy(p.bearerTokenAuthenticationPolicy({ credential: this.credential, scopes: this.scope }));
      for (const policy of this.perAttempt) pipeline.addPolicy(policy, { afterPhase: 'Sign' });
      const client = p.createDefaultHttpClient();
      const send = async (url: string, signal?: AbortSignal, method: 'GET' | 'POST' = 'GET', body?: unknown) => {
        const headers = p.createHttpHeaders({ accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) });
        const request = p.createPipelineRequest({ url, method, abortSignal: signal, headers, body: body !== undefined ? JSON.stringify(body) : undefined });
        const response = await pipeline.sendRequest(client, request);
        if (response.status >= 300) throw new p.RestError(`${method} ${url} answered ${response.status}`, { statusCode: response.status, request, response });
        return JSON.parse(response.bodyAsText || '{}') as unknown;
      };
      return { pipeline, send };
    })();
    return this.pipeline;
  }

  /** GET a path (with its api-version) and follow nextLink (Graph: @odata.nextLink) to the end. */
  async list<T>(pathAndQuery: string, signal?: AbortSignal): Promise<T[]> {
    const { send } = await this.init();
    const out: T[] = [];
    let url: string | undefined = `${this.armEndpoint}${pathAndQuery}`;
    while (url) {
      const body = (await send(url, signal)) as { value?: T[]; nextLink?: string; '@odata.nextLink'?: string };
      for (const v of body.value ?? []) out.push(v);
      url = body.nextLink || body['@odata.nextLink'] || undefined;
    }
    return out;
  }

  async get<T>(pathAndQuery: string, signal?: AbortSignal): Promise<T> {
    const { send } = await this.init();
    return (await send(`${this.armEndpoint}${pathAndQuery}`, signal)) as T;
  }

  /** POST a JSON body (Microsoft Graph's getByIds is a POST). */
  async post<T>(pathAndQuery: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const { send } = await this.init();
    return (await send(`${this.armEndpoint}${pathAndQuery}`, signal, 'POST', body)) as T;
  }
}
