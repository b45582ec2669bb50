/** The flags every kvdeck entry point shares (the console and the one-shot commands). */
import { parseArgs } from 'node:util';

export type AuthMethod = 'default' | 'cli' | 'device-code' | 'env' | 'managed-identity';

export interface GlobalOptions {
  readonly: boolean;
  /** Act as this principal (demo engine, emulator). */
  as?: string;
  /** Persist the demo engine to this file. */
  state?: string;
  /** Add a perf-kv vault with N generated secrets (demo engine). */
  perf?: number;
  /** Talk to a `kvdeck serve` emulator at this ARM URL. */
  emulator?: string;
  /** CA certificate to trust (emulator, Stack Hub with a private CA). */
  ca?: string;
  auth?: AuthMethod;
  /** AzureCloud | AzureUSGovernment | AzureChinaCloud, or a Stack Hub ARM endpoint through --arm. */
  cloud?: string;
  /** Azure Stack Hub ARM endpoint (cloud discovered through /metadata/endpoints). */
  arm?: string;
  tenant?: string;
  subscription?: string[];
  profile?: string;
  /** Azure: at most this many requests in flight at once (default: DEFAULT_CONCURRENCY). */
  concurrency?: number;
  help: boolean;
  version: boolean;
  /** What is left: subcommand and its arguments. */
  positionals: string[];
}

const AUTH_METHODS: AuthMethod[] = ['default', 'cli', 'device-code', 'env', 'managed-identity'];

export class UsageError extends Error {}

export function parseGlobalOptions(argv: string[]): GlobalOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        readonly: { type: 'boolean', default: false },
        as: { type: 'string' },
        state: { type: 'string' },
        perf: { type: 'string' },
        emulator: { type: 'string' },
        ca: { type: 'string' },
        auth: { type: 'string' },
        cloud: { type: 'string' },
        arm: { type: 'string' },
        tenant: { type: 'string' },
        subscription: { type: 'string', multiple: true },
        profile: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  let perf: number | undefined;
  if (v.perf !== undefined) {
    perf = Number(v.perf);
    if (!Number.isInteger(perf) || perf < 0 || perf > 1_000_000) throw new UsageError('--perf takes a whole number from 0 to 1000000');
  }
  const concurrency = v.concurrency === undefined ? undefined : Number(v.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)) {
    throw new UsageError('--concurrency takes a whole number from 1 to 256');
  }
  if (v.auth !== undefined && !AUTH_METHODS.includes(v.auth as AuthMethod)) {
    throw new UsageError(`--auth takes one of: ${AUTH_METHODS.join(', ')}`);
  }
  return {
    readonly: v.readonly ?? false,
    as: v.as,
    state: v.state,
    perf,
    emulator: v.emulator,
    ca: v.ca,
    auth: v.auth as AuthMethod | undefined,
    cloud: v.cloud,
    arm: v.arm,
    tenant: v.tenant,
    subscription: v.subscription,
    profile: v.profile,
    concurrency,
    help: v.help ?? false,
    version: v.version ?? false,
    positionals: parsed.positionals,
  };
}
