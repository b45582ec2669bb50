/**
 * Picks the backend from the command line: the demo engine in process by default (with --as,
 * --state, --perf), the Azure backend (official SDKs) when any Azure option is given — --emulator,
 * --profile, --cloud, --arm, --auth. Both load lazily so the console pays only for the one it uses.
 */
import type { GlobalOptions } from '../cli/global-options.js';
import type { Backend } from './backend.js';

export function wantsAzure(opts: GlobalOptions): boolean {
  return !!(opts.emulator || opts.profile || opts.cloud || opts.arm || opts.auth);
}

export async function createBackend(opts: GlobalOptions): Promise<Backend> {
  if (wantsAzure(opts)) return (await import('./azure/index.js')).createAzureBackend(opts);
  const { openEngine } = await import('../engine/index.js');
  const { createMemoryBackend } = await import('./memory/index.js');
  const engine = await openEngine({ seed: 'demo', perf: opts.perf, statePath: opts.state });
  const backend = createMemoryBackend(engine, opts.as ? { objectId: opts.as } : undefined);
  // close() flushes --state: without it a short-lived process (kvdeck set) exits before the save.
  return { ...backend, close: () => engine.close() };
}
