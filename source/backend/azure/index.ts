/**
 * The Azure backend: the Backend interface over the official SDKs, against public Azure, a sovereign
 * cloud, Azure Stack Hub (`--arm URL`) or the local emulator (`--emulator URL --ca FILE --as OID`).
 * The cloud, the transport and the credential come from session.ts; this file composes the parts.
 */
import type { Backend, BackendInfo } from '../backend.js';
import type { Identity } from '../../domain/directory.js';
import type { VaultRef } from '../../domain/vault.js';
import type { BackendOptions } from '../options.js';
import { AzureAccess } from './access.js';
import { AzureAudit } from './audit.js';
import { AzureCertificates } from './certificates.js';
import { vaultUriIn, type CloudProfile } from './clouds.js';
import { AzureContext, type AzureActivity } from './context.js';
import { AzureDeleted } from './deleted.js';
import { AzureDirectory } from './directory.js';
import { mapSdkError } from './errors.js';
import { ClaimsCapturingCredential, UNKNOWN_IDENTITY } from './identity.js';
import { AzureKeys } from './keys.js';
import { AzureLocks } from './locks.js';
import { AzurePolicies } from './policies.js';
import { AzureSecrets } from './secrets.js';
import { openAzureSession, type AzureSession, type SessionExtras } from './session.js';
import { AzureVaults } from './vaults.js';

export type { AzureActivity, RetrySettings } from './context.js';
export type { DeviceCodePrompt } from './credential.js';
export type { CloudProfile } from './clouds.js';
export { DEMO_OPERATOR } from './session.js';

/** What the console (or a test) can add to the command-line options. */
export interface AzureBackendExtras extends SessionExtras {
  onActivity?: (a: AzureActivity) => void;
  /** Per call, retries included. Default 60 s. */
  timeoutMs?: number;
  concurrency?: number;
  /** Sign in at creation so the header can name the identity (default). One-shot commands skip it. */
  eagerIdentity?: boolean;
  /** A session already open (a one-shot read that needs the SDK after all): not opened again. */
  session?: AzureSession;
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

/** `opts` come with a saved profile already applied (the CLI does it). */
export async function createAzureBackend(opts: BackendOptions, extras: AzureBackendExtras = {}): Promise<AzureBackend> {
  const session = extras.session ?? (await openAzureSession(opts, extras));
  const { cloud, agent, credential: inner } = session;
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
