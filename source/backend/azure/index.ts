/**
 * The Azure backend: the Backend interface over the official SDKs, against public Azure, a sovereign
 * cloud, Azure Stack Hub (`--arm URL`) or the local emulator (`--emulator URL --ca FILE --as OID`).
 * This file only resolves the cloud, the credential and the transport, then composes the parts.
 */
import type { TokenCredential } from '@azure/core-auth';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Backend, BackendInfo } from '../backend.js';
import type { Identity, Principal } from '../../domain/directory.js';
import { KeyVaultError } from '../../domain/errors.js';
import type { VaultRef } from '../../domain/vault.js';
import type { BackendOptions } from '../options.js';
import { AzureAccess } from './access.js';
import { resolvePrincipal } from '../select.js';
import { ArmRest } from './arm-rest.js';
import { AzureAudit } from './audit.js';
import { AzureCertificates } from './certificates.js';
import { builtInCloud, discoverCloud, scopeFor, vaultUriIn, type CloudProfile } from './clouds.js';
import { AzureContext, type AzureActivity, type RetrySettings } from './context.js';
import { createCredential, type DeviceCodePrompt } from './credential.js';
import { AzureDeleted } from './deleted.js';
import { AzureDirectory } from './directory.js';
import { failurePolicy, mapSdkError } from './errors.js';
import { GraphNames } from './graph.js';
import { ClaimsCapturingCredential, UNKNOWN_IDENTITY } from './identity.js';
import { AzureKeys } from './keys.js';
import { AzureLocks } from './locks.js';
import { AzurePolicies } from './policies.js';
import { AzureSecrets } from './secrets.js';
import { httpsGet, makeAgent, readCa } from './transport.js';
import { AzureVaults } from './vaults.js';

export type { AzureActivity, RetrySettings } from './context.js';
export type { DeviceCodePrompt } from './credential.js';
export type { CloudProfile } from './clouds.js';

/** The demo dataset's Operator: who `--emulator` acts as without `--as`. */
export const DEMO_OPERATOR = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
/** The emulator's fixed ARM token audience and vault host suffix (see source/emulator/metadata.ts). */
const EMULATOR_ARM_AUDIENCE = 'https://management.localhost/';
const EMULATOR_VAULT_SUFFIX = 'vault.localhost';
/** The emulator serves Microsoft Graph's reads on its ARM host; this audience is what its metadata names. */
const EMULATOR_GRAPH_AUDIENCE = 'https://graph.localhost/';

/** What the console (or a test) can add to the command-line options. */
export interface AzureBackendExtras {
  /** Use this credential instead of `--auth` (tests: ClientSecretCredential against the emulator's ADFS). */
  credential?: TokenCredential;
  /** Shows the device-code sign-in sentence inside the console; default: stderr. */
  onDeviceCode?: (prompt: DeviceCodePrompt) => void;
  onActivity?: (a: AzureActivity) => void;
  /** Per call, retries included. Default 60 s. */
  timeoutMs?: number;
  retry?: RetrySettings;
  concurrency?: number;
  /** Sign in at creation so the header can name the identity (default). One-shot commands skip it. */
  eagerIdentity?: boolean;
  /** May the default chain fall back to device code? Default: stdin and stderr are terminals. */
  interactive?: boolean;
}

export interface AzureBackend extends Backend {
  readonly cloud: CloudProfile;
  /** Requests sent, throttling answers seen, transient failures retried. */
  readonly stats: AzureContext['stats'];
  /** A vault's data-plane address from its name alone (one-shot commands skip the ARM lookup). */
  vaultRefFor(name: string): VaultRef;
  /** Hear about throttling and retries while they happen; returns the unsubscribe. */
  onActivity(listener: (a: AzureActivity) => void): () => void;
}

export function isAzureBackend(b: Backend): b is AzureBackend {
  return typeof (b as Partial<AzureBackend>).vaultRefFor === 'function';
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
async function emulatorPrincipal(as: string, cloud: CloudProfile, agent: ReturnType<typeof makeAgent>, tenantId: string | undefined, retry?: RetrySettings): Promise<string> {
  if (GUID.test(as) || !cloud.graphEndpoint || !cloud.graphScope) return as;
  const { EmulatorCredential } = await import('../../emulator/credential.js');
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

/** How long start-up waits for Graph to name the header's identity; a later answer still applies. */
const NAME_WAIT_MS = 3_000;

/**
 * Asks Graph for the header's name. Start-up waits for it only when the token's claims gave no name
 * (the header would otherwise show a GUID); a user's token usually carries `name`, and a Graph token
 * can cost a process spawn (`az`), so then the answer is applied whenever it comes.
 */
async function nameIdentity(directory: AzureDirectory, credential: ClaimsCapturingCredential, identity: Identity): Promise<void> {
  const naming = directory.resolveSelf().then((p) => p && credential.useDirectoryName(p));
  if (identity.displayName !== identity.objectId) return;
  let timer: NodeJS.Timeout | undefined;
  const wait = new Promise<void>((r) => (timer = setTimeout(r, NAME_WAIT_MS)).unref());
  await Promise.race([naming, wait]);
  clearTimeout(timer);
}

/** The cloud and the credential for the options (discovery and `--as NAME` may already talk to it). */
async function cloudAndCredential(opts: BackendOptions, extras: AzureBackendExtras, agent: ReturnType<typeof makeAgent>) {
  let cloud: CloudProfile;
  if (opts.emulator) cloud = emulatorCloud(opts.emulator);
  else if (opts.arm) cloud = await discoverCloud(opts.arm, (url) => httpsGet(url, agent));
  else cloud = builtInCloud(opts.cloud);

  let inner = extras.credential;
  if (!inner && opts.emulator) {
    const objectId = opts.as ? await emulatorPrincipal(opts.as, cloud, agent, opts.tenant, extras.retry) : DEMO_OPERATOR;
    const { EmulatorCredential } = await import('../../emulator/credential.js');
    inner = new EmulatorCredential({ objectId, tenantId: opts.tenant });
  }
  inner ??= await createCredential({
    auth: opts.auth ?? 'default',
    cloud,
    tenant: opts.tenant,
    onDeviceCode: extras.onDeviceCode,
    agent,
    interactive: extras.interactive ?? (!!process.stdin.isTTY && !!process.stderr.isTTY),
  });
  return { cloud, inner };
}

/** `opts` come with a saved profile already applied (the CLI does it). */
export async function createAzureBackend(opts: BackendOptions, extras: AzureBackendExtras = {}): Promise<AzureBackend> {
  const caPath = opts.ca ?? (opts.emulator ? defaultEmulatorCa() : undefined);
  if (opts.emulator && !caPath) throw new Error('--emulator needs --ca FILE: the CA certificate path that `kvdeck serve` printed.');
  const agent = makeAgent({ caPem: caPath ? readCa(caPath) : undefined, localhostLookup: !!opts.emulator || isLocalhost(opts.arm), caOnly: !!opts.emulator });
  let cloud: CloudProfile;
  let inner: TokenCredential;
  try {
    ({ cloud, inner } = await cloudAndCredential(opts, extras, agent));
  } catch (e) {
    agent?.destroy(); // keep-alive sockets would hold a one-shot command's process open
    throw e;
  }

  const identity = UNKNOWN_IDENTITY();
  if (opts.tenant && !cloud.adfs) identity.tenantId = opts.tenant;
  const credential = new ClaimsCapturingCredential(inner, identity, cloud.adfs);
  const ctx = new AzureContext({
    cloud,
    credential,
    identity,
    agent,
    timeoutMs: extras.timeoutMs,
    retry: extras.retry,
    concurrency: extras.concurrency ?? opts.concurrency,
    onActivity: extras.onActivity,
  });
  if (extras.eagerIdentity ?? true) {
    try {
      await credential.getToken(cloud.armScope);
    } catch (e) {
      ctx.close();
      throw mapSdkError(e);
    }
  }

  const directory = new AzureDirectory(ctx, [...(opts.subscriptions ?? [])]);
  if (extras.eagerIdentity ?? true) await nameIdentity(directory, credential, identity);
  const vaults = new AzureVaults(ctx, directory);
  const info: BackendInfo = {
    kind: opts.emulator ? 'emulator' : 'azure',
    label: cloud.label,
    identity,
    features: cloud.features,
    concurrency: ctx.concurrency,
  };
  return {
    info,
    cloud,
    stats: ctx.stats,
    directory,
    vaults,
    secrets: new AzureSecrets(ctx),
    keys: new AzureKeys(ctx),
    certificates: new AzureCertificates(ctx),
    policies: new AzurePolicies(ctx, directory),
    locks: new AzureLocks(ctx),
    access: new AzureAccess(ctx, directory),
    deleted: new AzureDeleted(ctx, vaults),
    audit: new AzureAudit(ctx),
    vaultRefFor: (name) => ({ subscriptionId: '', resourceGroup: '', name, vaultUri: vaultUriIn(cloud, name) }),
    onActivity: (listener) => {
      ctx.activityListeners.add(listener);
      return () => ctx.activityListeners.delete(listener);
    },
    close: async () => ctx.close(),
  };
}
