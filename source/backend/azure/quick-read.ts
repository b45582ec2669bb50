/**
 * `kvdeck get`'s fast path on Azure and the emulator: one HTTPS GET of the secret with a token asked
 * for up front — no SDK loaded (its pipeline costs a one-shot process more than the request itself)
 * and no challenge round trip. It serves the common case only: a 200 with the secret's value. Any
 * other answer — a challenge for another tenant or audience, a refusal, a disabled or missing secret,
 * throttling — and any sign-in trouble give undefined, and the caller asks again through the SDK,
 * whose path owns retries and every error sentence: the fast path never says anything of its own.
 * A failure to connect is the one exception, reported at once in the transport's words (the SDK
 * would only reach the same sentence after its retries).
 */
import { scopeFor, vaultAudience, vaultUriIn } from './clouds.js';
import { CALL_TIMEOUT_MS, type AzureSession } from './session.js';
import { httpsGet } from './transport.js';

export { openAzureSession } from './session.js';

/** A GA data-plane version every Key Vault serves (a secret bundle reads the same in all of them). */
const QUICK_READ_API_VERSION = '7.6';

/** The value of secret `name` (its `version`, else the latest) in the vault called `vaultName`, or undefined. */
export async function quickSecretValue(q: AzureSession, vaultName: string, name: string, version?: string): Promise<string | undefined> {
  let token: string | undefined;
  try {
    token = (await q.credential.getToken(scopeFor(vaultAudience(q.cloud))))?.token;
  } catch {
    return undefined; // the SDK path signs in again and says what went wrong
  }
  if (!token) return undefined;
  const path = `secrets/${encodeURIComponent(name)}${version ? `/${encodeURIComponent(version)}` : ''}`;
  const apiVersion = q.cloud.apiVersions.keyVaultData ?? QUICK_READ_API_VERSION;
  const res = await httpsGet(`${vaultUriIn(q.cloud, vaultName)}${path}?api-version=${apiVersion}`, q.agent, CALL_TIMEOUT_MS, { authorization: `Bearer ${token}` });
  if (res.status !== 200) return undefined;
  try {
    const value = (JSON.parse(res.body) as { value?: unknown }).value;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
