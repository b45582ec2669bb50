/**
 * What the backends need to be chosen and created — the backend's own type, so nothing here imports
 * the command line. The CLI maps its options onto it (source/cli/global-options.ts: backendOptions);
 * a saved profile is applied by the caller before (source/config/profiles.ts).
 */

export type AuthMethod = 'default' | 'cli' | 'device-code' | 'env' | 'managed-identity';

export const AUTH_METHODS: readonly AuthMethod[] = ['default', 'cli', 'device-code', 'env', 'managed-identity'];

export interface BackendOptions {
  /** A `kvdeck serve` emulator: its ARM URL. */
  emulator?: string;
  /** A CA certificate file to trust (the emulator's, or a Stack Hub's private CA). */
  ca?: string;
  /** An Azure Stack Hub ARM endpoint (the cloud is discovered from it). */
  arm?: string;
  /** AzureCloud | AzureUSGovernment | AzureChinaCloud. */
  cloud?: string;
  auth?: AuthMethod;
  tenant?: string;
  /** Subscription ids or names to show; empty or absent: all. */
  subscriptions?: readonly string[];
  /**
   * Never set: it keeps the CLI's own options (whose filter is `subscription`) from being passed
   * unmapped, which would drop the filter without a word. Map them (cli: backendOptions).
   */
  subscription?: never;
  /** Act as this principal: an objectId, display name or UPN (demo engine, emulator). */
  as?: string;
  /** A saved profile is in use (its values already filled in above): that means Azure. */
  profile?: string;
  /** Demo engine: keep its state in this file. */
  state?: string;
  /** Demo engine: add a perf-kv vault with this many generated secrets. */
  perf?: number;
  /** Azure: at most this many requests in flight at once (every fan-out shares the limit). */
  concurrency?: number;
}

/** An option value the backend cannot use (an unknown --as name): the CLI reports it as a usage error. */
export class OptionError extends Error {}
