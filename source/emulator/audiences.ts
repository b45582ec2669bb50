/**
 * Which token audiences each plane accepts: Azure's own (a client may hold a token it got for the
 * real cloud's resource) and the ones the emulator advertises (its challenge resource, its
 * /metadata/endpoints audiences, the Graph audience its cloud profile names). Anything else is
 * refused as Azure refuses it. A trailing slash never matters (Entra issues both spellings).
 */
import { ARM_AUDIENCE, GRAPH_AUDIENCE, VAULT_SUFFIX } from './metadata.js';

export type Plane = 'data' | 'arm' | 'graph';

/** Azure's ARM audiences, in the order ARM lists them in InvalidAuthenticationTokenAudience. */
const AZURE_ARM = ['https://management.core.windows.net', 'https://management.azure.com'];
const AZURE_GRAPH = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];

const canonical = (aud: string) => aud.trim().replace(/\/+$/, '').toLowerCase();

/**
 * The resource of the data plane's challenge. Python's and Go's SDKs compare the request's host
 * *with its port* to the resource's, so the port the client put in its Host header is part of it.
 */
export function vaultResource(hostPort: string | undefined): string {
  return `https://${VAULT_SUFFIX}${hostPort ? `:${hostPort}` : ''}`;
}

const lists = new Map<string, string[]>();

/** What a plane accepts, as spelled in refusals (without trailing slashes); the same array for the same question. */
export function acceptedAudiences(plane: Plane, ports: (string | undefined)[]): string[] {
  const key = `${plane}|${ports.join('|')}`;
  let list = lists.get(key);
  if (!list) {
    if (lists.size > 64) lists.clear();
    lists.set(key, (list = computeAccepted(plane, ports)));
  }
  return list;
}

function computeAccepted(plane: Plane, ports: (string | undefined)[]): string[] {
  // Without a port too: what clients reaching the emulator on 443 (or older kvdeck versions) ask for.
  if (plane === 'data') return ['https://vault.azure.net', ...new Set([...ports, undefined].map(vaultResource))];
  if (plane === 'arm') return [...AZURE_ARM, ARM_AUDIENCE.replace(/\/$/, '')];
  return [GRAPH_AUDIENCE.replace(/\/$/, ''), ...AZURE_GRAPH];
}

/** Canonical sets per accepted list, made once (every request checks one). */
const sets = new WeakMap<string[], Set<string>>();

export function audienceAccepted(aud: string | string[] | undefined, accepted: string[]): boolean {
  let wanted = sets.get(accepted);
  if (!wanted) sets.set(accepted, (wanted = new Set(accepted.map(canonical))));
  return (Array.isArray(aud) ? aud : aud ? [aud] : []).some((a) => wanted.has(canonical(a)));
}
