/**
 * Picks the backend from the command line: the demo engine in process by default (with --as,
 * --state, --perf), the Azure backend (official SDKs) when any Azure option is given — --emulator,
 * --profile, --cloud, --arm, --auth. Both load lazily so the console pays only for the one it uses.
 *
 * `--as` takes an objectId, a display name or a user principal name; a name is looked up in the
 * backend's directory (an unknown one is a UsageError, reported before the console opens).
 */
import type { GlobalOptions } from '../cli/global-options.js';
import { UsageError } from '../cli/global-options.js';
import type { Principal } from '../domain/directory.js';
import type { AzureBackendExtras } from './azure/index.js';
import type { Backend } from './backend.js';

export function wantsAzure(opts: GlobalOptions): boolean {
  return !!(opts.emulator || opts.profile || opts.cloud || opts.arm || opts.auth);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The objectId `--as` names: itself when it is one, else the principal with that display name or UPN. */
export function resolvePrincipal(as: string, principals: readonly Principal[]): string {
  if (GUID.test(as)) return as;
  const want = as.trim().toLowerCase();
  const hits = principals.filter((p) => p.displayName.toLowerCase() === want || p.upn?.toLowerCase() === want);
  if (hits.length === 1) return hits[0].objectId;
  if (hits.length > 1) {
    throw new UsageError(`--as '${as}' names ${hits.length} principals (${hits.map((p) => p.objectId).join(', ')}); give the objectId`);
  }
  const known = principals.filter((p) => p.kind === 'user' || p.kind === 'application').slice(0, 6).map((p) => p.upn ?? p.displayName);
  throw new UsageError(`--as '${as}' matches no principal in the directory${known.length ? ` (known: ${known.join(', ')}, …)` : ''}`);
}

/**
 * `extras` reach the Azure backend only (device-code prompt and throttling activity shown inside
 * the console); the demo engine ignores them.
 */
export async function createBackend(opts: GlobalOptions, extras: AzureBackendExtras = {}): Promise<Backend> {
  if (wantsAzure(opts)) {
    // The Azure backend resolves a name given to --as itself (through the emulator's Graph).
    const { createAzureBackend } = await import('./azure/index.js');
    return createAzureBackend(opts, extras);
  }
  const { openEngine } = await import('../engine/index.js');
  const { createMemoryBackend } = await import('./memory/index.js');
  const engine = await openEngine({ seed: 'demo', perf: opts.perf, statePath: opts.state });
  let caller: { objectId: string } | undefined;
  try {
    if (opts.as) caller = { objectId: resolvePrincipal(opts.as, GUID.test(opts.as) ? [] : await createMemoryBackend(engine).directory.listPrincipals()) };
  } catch (e) {
    await engine.close();
    throw e;
  }
  const backend = createMemoryBackend(engine, caller);
  // close() flushes --state: without it a short-lived process (kvdeck set) exits before the save.
  return { ...backend, close: () => engine.close() };
}
