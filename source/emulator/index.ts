/**
 * startEmulator: the engine behind a local HTTPS server that speaks Azure Resource Manager and the
 * Key Vault data plane, for `kvdeck serve`, our tests and users' own tests.
 */
import type { AddressInfo } from 'node:net';
import { ensureMinimalDirectory, openEngine, type Clock, type Engine, type EstateSize } from '../engine/index.js';
import { Faults, type FaultOptions } from './faults.js';
import { VAULT_SUFFIX } from './metadata.js';
import { armRouter, dataRouter, graphRouter } from './routes.js';
import { createListener } from './listener.js';
import { createEmulatorServer, type RequestObserver } from './server.js';
import type { EmulatorProfile } from './api-versions.js';
import { loadOrCreateTls } from './tls.js';

export { EmulatorCredential, type EmulatorCredentialOptions } from './credential.js';
export type { EmulatorProfile } from './api-versions.js';
export {
  emulatorAgent, emulatorArmClientOptions, emulatorClientOptions, localhostLookup,
  type EmulatorArmClientOptions, type EmulatorClientOptions, type EmulatorEndpoint,
} from './client-options.js';
export { VAULT_SUFFIX, ARM_AUDIENCE, GRAPH_AUDIENCE } from './metadata.js';

export interface EmulatorOptions extends FaultOptions {
  /** Default 8443; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (never all interfaces unless asked). */
  host?: string;
  /** Persist the engine here (loaded at start, saved atomically on every change). */
  statePath?: string;
  /** Default 'demo'. */
  seed?: 'demo' | 'empty';
  /** Adds a perf-kv vault with this many generated secrets. */
  perf?: number;
  /** Adds an estate of small generated vaults estate-000-kv, … (`--perf-estate`: 200 × 250 secrets). */
  estate?: EstateSize;
  /** Where the CA and server certificates live (default ~/.config/kvdeck/emulator). */
  certDir?: string;
  clock?: Clock;
  /**
   * 'azure' (default) accepts the api-versions Azure accepts; 'stackhub' only what an Azure Stack
   * Hub stamp's 2020-09-01-hybrid profile speaks (data plane 2016-10-01), to test Stack Hub clients.
   */
  profile?: EmulatorProfile;
  /** Unexpected errors (answered with 500) are reported here; default: stderr. */
  onUnexpected?: (e: unknown) => void;
  /** Hears every request as it arrives and (through the function it returns) when it is answered: tests count requests in flight. */
  onRequest?: RequestObserver;
}

/** What clients need to reach the emulator (also the --ready-file JSON, minus caPem). */
export interface EmulatorReadyInfo {
  arm: string;
  port: number;
  vaultSuffix: string;
  caCert: string;
  tenantId: string;
  subscriptions: string[];
}

export interface RunningEmulator extends EmulatorReadyInfo {
  caCertPath: string;
  caPem: string;
  engine: Engine;
  /** https://{name}.vault.localhost:PORT/ */
  vaultUrl(name: string): string;
  readyInfo(): EmulatorReadyInfo;
  /** Stops listening, closes connections, and flushes the state file. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  let port = options.port ?? 8443;
  const vaultUrl = (name: string) => `https://${name}.${VAULT_SUFFIX}:${port}/`;
  const [tls, engine] = await Promise.all([
    loadOrCreateTls(options.certDir),
    openEngine({ seed: options.seed ?? 'demo', statePath: options.statePath, perf: options.perf, estate: options.estate, clock: options.clock, vaultUri: vaultUrl }),
  ]);
  ensureMinimalDirectory(engine.core);
  const tenantId = () => engine.core.state.tenants[0]?.id ?? '';
  const https = createEmulatorServer({
    engine,
    tls,
    arm: armRouter(engine),
    graph: graphRouter(),
    data: dataRouter(),
    faults: new Faults(options),
    tenantId,
    port: () => port,
    profile: options.profile ?? 'azure',
    onUnexpected: options.onUnexpected ?? ((e) => console.error('kvdeck serve: unexpected error:', e)),
    onRequest: options.onRequest,
  });

  // The same port also answers CONNECT for its own names (see listener.ts).
  const { server, closeAll } = createListener(https, () => port);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const readyInfo = (): EmulatorReadyInfo => ({
    arm: `https://localhost:${port}`,
    port,
    vaultSuffix: VAULT_SUFFIX,
    caCert: tls.caCertPath,
    tenantId: tenantId(),
    subscriptions: engine.core.state.subscriptions.map((s) => s.id),
  });

  let closing: Promise<void> | undefined;
  return {
    ...readyInfo(),
    caCertPath: tls.caCertPath,
    caPem: tls.caPem,
    engine,
    vaultUrl,
    readyInfo,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          https.closeAllConnections();
          closeAll();
        });
        await engine.close();
      })()),
  };
}
