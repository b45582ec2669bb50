/**
 * Connection profiles: which cloud, tenant, subscriptions, sign-in method, default vault, or which
 * local emulator — saved with `conf`, never a secret or a token.
 *
 * Where: $KVDECK_CONFIG_DIR/config.json when set (tests point it at a temporary directory), else
 * $XDG_CONFIG_HOME/kvdeck/config.json (~/.config/kvdeck/config.json). `kvdeck config path` prints it.
 *
 * Reading is plain fs (a one-shot `kvdeck get` must not pay for loading conf); writing goes through
 * conf (atomic writes, schema).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AuthMethod, GlobalOptions } from '../cli/global-options.js';
import { UsageError } from '../cli/global-options.js';

export interface Profile {
  /** AzureCloud | AzureUSGovernment | AzureChinaCloud */
  cloud?: string;
  /** Azure Stack Hub ARM endpoint. */
  arm?: string;
  tenant?: string;
  /** Subscription ids or names to show; empty: all. */
  subscription?: string[];
  auth?: AuthMethod;
  /** The vault one-shot commands use when given a bare secret name. */
  vault?: string;
  /** A `kvdeck serve` emulator: its ARM URL, CA file and the principal to act as. */
  emulator?: string;
  ca?: string;
  as?: string;
  /** Azure: requests in flight at once (--concurrency). */
  concurrency?: number;
}

/** `kvdeck profile use demo`: no default profile, so kvdeck opens the demo engine. Reserved as a name. */
export const DEMO_PROFILE = 'demo';

export interface ProfileStore {
  current?: string;
  profiles: Record<string, Profile>;
}

export const PROFILE_FIELDS = ['cloud', 'arm', 'tenant', 'subscription', 'auth', 'vault', 'emulator', 'ca', 'as', 'concurrency'] as const;

export function configDir(): string {
  if (process.env.KVDECK_CONFIG_DIR) return process.env.KVDECK_CONFIG_DIR;
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'kvdeck');
}

export function configPath(): string {
  return join(configDir(), 'config.json');
}

/** The store as saved; an absent or unreadable file is an empty store (reported when written). */
export function readStore(): ProfileStore {
  try {
    const raw = JSON.parse(readFileSync(configPath(), 'utf8')) as Partial<ProfileStore>;
    return { current: raw.current, profiles: raw.profiles && typeof raw.profiles === 'object' ? raw.profiles : {} };
  } catch {
    return { profiles: {} };
  }
}

/** Flags that choose a backend on the command line: with one of them, the saved default stays out of the way. */
const namesBackend = (o: GlobalOptions) => !!(o.state || o.emulator || o.arm || o.cloud || o.perf !== undefined);

/** The profile the options ask for (--profile NAME, else the current one), or undefined (`--profile demo`: none). */
export function selectedProfile(o: GlobalOptions, store = readStore()): { name: string; profile: Profile } | undefined {
  if (o.profile?.toLowerCase() === DEMO_PROFILE) return undefined;
  if (o.profile) {
    const p = store.profiles[o.profile];
    if (!p) throw new UsageError(`No profile named '${o.profile}'. \`kvdeck profile list\` shows the saved ones.`);
    return { name: o.profile, profile: p };
  }
  if (store.current && !namesBackend(o) && store.profiles[store.current]) {
    return { name: store.current, profile: store.profiles[store.current] };
  }
  return undefined;
}

/** Options with the profile's values filled in where the command line said nothing. */
export function applyProfile(o: GlobalOptions): GlobalOptions & { defaultVault?: string } {
  // `--profile demo` is the demo engine for this run: no profile, and nothing that asks for Azure.
  if (o.profile?.toLowerCase() === DEMO_PROFILE) return { ...o, profile: undefined };
  const sel = selectedProfile(o);
  if (!sel) return o;
  const p = sel.profile;
  return {
    ...o,
    cloud: o.cloud ?? p.cloud,
    arm: o.arm ?? p.arm,
    tenant: o.tenant ?? p.tenant,
    subscription: o.subscription ?? p.subscription,
    auth: o.auth ?? p.auth,
    emulator: o.emulator ?? p.emulator,
    ca: o.ca ?? p.ca,
    as: o.as ?? p.as,
    concurrency: o.concurrency ?? p.concurrency,
    defaultVault: p.vault,
  };
}

/** Writes go through conf (loaded only here). */
export async function openStore() {
  const { default: Conf } = await import('conf');
  return new Conf<ProfileStore>({
    cwd: configDir(),
    configName: 'config',
    projectName: 'kvdeck',
    defaults: { profiles: {} },
  });
}
