/**
 * What every Azure conversation starts from, before any SDK client exists: the cloud (built in,
 * discovered from a Stack Hub ARM endpoint, or the emulator's), the HTTPS agent (an extra CA, and
 * `*.localhost` for the emulator) and the credential. Kept apart from the backend (index.ts) and
 * light to load, so a one-shot read can use it alone (quick-read.ts) and hand it on to the backend
 * only when the SDK's path is needed.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { Agent } from 'node:https';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../../domain/directory.js';
import { EmulatorCredential } from '../../emulator/credential.js';
import { KeyVaultError } from '../../domain/errors.js';
import type { BackendOptions } from '../options.js';
import { resolvePrincipal } from '../select.js';
import { builtInCloud, discoverCloud, scopeFor, type CloudProfile } from './clouds.js';
import type { RetrySettings } from './context.js';
import { createCredential, type DeviceCodePrompt } from './credential.js';
import { failurePolicy, mapSdkError } from './errors.js';
import { httpsGet, makeAgent, readCa } from './transport.js';

/** How long one call may take, its retries included, unless told otherwise. */
export const CALL_TIMEOUT_MS = 60_000;

/** The demo dataset's Operator: who `--emulator` acts as without `--as`. */
export const DEMO_OPERATOR = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
/** The emulator's fixed ARM token audience and vault host suffix (see source/emulator/metadata.ts). */
const EMULATOR_ARM_AUDIENCE = 'https://management.localhost/';
const EMULATOR_VAULT_SUFFIX = 'vault.localhost';
/** The emulator serves Microsoft Graph's reads on its ARM host; this audience is what its metadata names. */
const EMULATOR_GRAPH_AUDIENCE = 'https://graph.localhost/';

export interface AzureSession {
  cloud: CloudProfile;
  /** The credential as the options chose it (the backend wraps it to read the identity's claims). */
  credential: TokenCredential;
  agent: Agent | undefined;
  /** Drops the keep-alive sockets (they would hold a one-shot command's process open). */
  close(): void;
}

export interface SessionExtras {
  /** Use this credential instead of `--auth` (tests: ClientSecretCredential against the emulator's ADFS). */
  credential?: TokenCredential;
  /** Shows the device-code sign-in sentence inside the console; default: stderr. */
  onDeviceCode?: (prompt: DeviceCodePrompt) => void;
  retry?: RetrySettings;
  /** May the default chain fall back to device code? Default: stdin and stderr are terminals. */
  interactive?: boolean;
}

function emulatorCloud(url: string): CloudProfile {
  const u = new URL(url);
  return {
    name: 'Emulator',
    label: `Emulator ${u.origin}`,
    armEndpoint: u.origin,
    armScope: scopeFor(EMULATOR_ARM_AUDIENCE),
    authorityHost: `${u.origin}`,
    keyVaultDnsSuffix: EMULATOR_VAULT_SUFFIX,
    keyVaultPort: u.port ? Number(u.port) : undefined,
    adfs: false,
    graphEndpoint: u.origin,
    graphScope: scopeFor(EMULATOR_GRAPH_AUDIENCE),
    apiVersions: { subscriptions: '2022-12-01', resources: '2021-04-01' },
    features: { softDeleteRetentionDays: true, rbacAuthorization: true, purgeProtection: true, keyRotationPolicy: true, networkRules: true },
  };
}

/** RFC 6761: *.localhost is loopback — a Stack Hub profile pointed at the emulator needs it too. */
function isLocalhost(url: string | undefined): boolean {
  if (!url) return false;
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost');
}

/** `kvdeck serve` keeps its CA here unless told otherwise (source/emulator/tls.ts). */
function defaultEmulatorCa(): string | undefined {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  const path = join(base, 'kvdeck', 'emulator', 'ca.pem');
  return existsSync(path) ? path : undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `--as NAME` on the emulator: the objectId of the user or application with that display name or
 * user principal name, asked of the emulator's Microsoft Graph as the demo Operator (the emulator
 * answers Graph only for principals its directory knows).
 */
async function emulatorPrincipal(as: string, cloud: CloudProfile, agent: Agent | undefined, tenantId: string | undefined, retry?: RetrySettings): Promise<string> {
  if (GUID.test(as) || !cloud.graphEndpoint || !cloud.graphScope) return as;
  const [{ ArmRest }, { GraphNames }] = await Promise.all([import('./arm-rest.js'), import('./graph.js')]);
  const operator = new EmulatorCredential({ objectId: DEMO_OPERATOR, tenantId });
  const graph = new GraphNames(new ArmRest(cloud.graphEndpoint, cloud.graphScope, operator, agent, retry, [failurePolicy()]));
  let found: Principal[];
  try {
    found = await graph.find(as, AbortSignal.timeout(15_000));
  } catch (e) {
    const mapped = mapSdkError(e);
    // A directory that will not answer the Operator (an empty seed has no principals at all) names nobody.
    if (!(mapped instanceof KeyVaultError && mapped.status === 403)) throw mapped;
    found = [];
  }
  return resolvePrincipal(as, found);
}

/** The cloud and the credential for the options (discovery and `--as NAME` may already talk to it). */
async function cloudAndCredential(opts: BackendOptions, extras: SessionExtras, agent: Agent | undefined) {
  let cloud: CloudProfile;
  if (opts.emulator) cloud = emulatorCloud(opts.emulator);
  else if (opts.arm) cloud = await discoverCloud(opts.arm, (url) => httpsGet(url, agent));
  else cloud = builtInCloud(opts.cloud);

  let credential = extras.credential;
  if (!credential && opts.emulator) {
    const objectId = opts.as ? await emulatorPrincipal(opts.as, cloud, agent, opts.tenant, extras.retry) : DEMO_OPERATOR;
    credential = new EmulatorCredential({ objectId, tenantId: opts.tenant });
  }
  credential ??= await createCredential({
    auth: opts.auth ?? 'default',
    cloud,
    tenant: opts.tenant,
    onDeviceCode: extras.onDeviceCode,
    agent,
    interactive: extras.interactive ?? (!!process.stdin.isTTY && !!process.stderr.isTTY),
  });
  return { cloud, credential };
}

/** `opts` come with a saved profile already applied (the CLI does it). */
export async function openAzureSession(opts: BackendOptions, extras: SessionExtras = {}): Promise<AzureSession> {
  const caPath = opts.ca ?? (opts.emulator ? defaultEmulatorCa() : undefined);
  if (opts.emulator && !caPath) throw new Error('--emulator needs --ca FILE: the CA certificate path that `kvdeck serve` printed.');
  const agent = makeAgent({ caPem: caPath ? readCa(caPath) : undefined, localhostLookup: !!opts.emulator || isLocalhost(opts.arm), caOnly: !!opts.emulator });
  try {
    const { cloud, credential } = await cloudAndCredential(opts, extras, agent);
    return { cloud, credential, agent, close: () => agent?.destroy() };
  } catch (e) {
    agent?.destroy();
    throw e;
  }
}
