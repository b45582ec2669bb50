/**
 * How SDK clients reach the emulator: an https.Agent that trusts the emulator's CA and resolves
 * *.localhost to 127.0.0.1 (glibc does not), passed as the pipeline's `agent`. Works for
 * @azure/keyvault-secrets, @azure/keyvault-keys, @azure/identity, @azure/arm-keyvault (rest-level
 * client), @azure/arm-locks and @azure/arm-authorization alike. No NODE_TLS_REJECT_UNAUTHORIZED anywhere.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import { ARM_AUDIENCE } from './metadata.js';

/** The fields of the ready file (or of a running emulator) the options need. */
export interface EmulatorEndpoint {
  arm: string;
  /** Path of the CA certificate … */
  caCert?: string;
  /** … or its PEM text. */
  caPem?: string;
}

/** *.localhost and localhost go to the loopback address; everything else through the system resolver. */
export const localhostLookup: LookupFunction = (hostname, options, callback) => {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, options, callback as never);
};

export function emulatorAgent(endpoint: EmulatorEndpoint, extra: { maxSockets?: number } = {}): Agent {
  const ca = endpoint.caPem ?? (endpoint.caCert ? readFileSync(endpoint.caCert, 'utf8') : undefined);
  if (!ca) throw new Error('emulatorAgent needs caPem or caCert');
  return new Agent({ ca, lookup: localhostLookup, keepAlive: true, ...extra });
}

/** For SecretClient, KeyClient, CryptographyClient and @azure/identity credentials. */
export interface EmulatorClientOptions {
  agent: Agent;
}

/** For KeyVaultManagementClient (arm-keyvault 5), ManagementLockClient (arm-locks 2) and AuthorizationManagementClient (arm-authorization 9). */
export interface EmulatorArmClientOptions extends EmulatorClientOptions {
  endpoint: string;
  /** arm-authorization 9 builds its URLs from $host (its `endpoint` alone is not enough). */
  $host: string;
  /** arm-locks 2 reads credentialScopes … */
  credentialScopes: string[];
  /** … arm-keyvault 5 reads credentials.scopes. */
  credentials: { scopes: string[] };
}

/**
 * Data-plane options, e.g. new SecretClient(emu.vaultUrl('my-kv'), credential, emulatorClientOptions(emu)).
 * (Never pass `endpoint` to the data-plane clients: it overrides the vault URL.)
 */
export function emulatorClientOptions(endpoint: EmulatorEndpoint, agent = emulatorAgent(endpoint)): EmulatorClientOptions {
  return { agent };
}

/** ARM options, e.g. new KeyVaultManagementClient(credential, subscriptionId, emulatorArmClientOptions(emu)). */
export function emulatorArmClientOptions(endpoint: EmulatorEndpoint, agent = emulatorAgent(endpoint)): EmulatorArmClientOptions {
  const scopes = [`${ARM_AUDIENCE}.default`];
  return { agent, endpoint: endpoint.arm, $host: endpoint.arm, credentialScopes: scopes, credentials: { scopes } };
}
