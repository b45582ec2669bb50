/**
 * Where each cloud lives: ARM endpoint and token audience, sign-in authority, Key Vault DNS suffix,
 * the API versions its services speak, and what it cannot do (so the console hides it).
 */
import type { BackendInfo } from '../backend.js';

export interface ApiVersions {
  /** Microsoft.KeyVault management; undefined = the SDK's default. */
  keyVaultManagement?: string;
  /** Key Vault data plane (secrets, keys). */
  keyVaultData?: string;
  locks?: string;
  /** Microsoft.Authorization role assignments and definitions; undefined = the SDK's (2022-04-01). */
  authorization?: string;
  subscriptions: string;
  resources: string;
}

export interface CloudProfile {
  /** AzureCloud, AzureUSGovernment, AzureChinaCloud, AzureStackHub, Emulator. */
  name: string;
  /** The header's words. */
  label: string;
  /** No trailing slash. */
  armEndpoint: string;
  /** The token scope for ARM calls. */
  armScope: string;
  /** Sign-in host (no tenant), e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** e.g. vault.azure.net */
  keyVaultDnsSuffix: string;
  /** Data-plane port when not 443 (the emulator). */
  keyVaultPort?: number;
  /** ADFS stamps sign in with the tenant `adfs`. */
  adfs: boolean;
  /** Microsoft Graph (no trailing slash), to name principals; absent where there is none (ADFS stamps). */
  graphEndpoint?: string;
  /** The token scope for Graph calls. */
  graphScope?: string;
  apiVersions: ApiVersions;
  features: BackendInfo['features'];
}

const ALL_FEATURES: BackendInfo['features'] = { softDeleteRetentionDays: true, rbacAuthorization: true, purgeProtection: true, keyRotationPolicy: true, networkRules: true };
const PUBLIC_API: ApiVersions = { subscriptions: '2022-12-01', resources: '2021-04-01' };

/**
 * The 2020-09-01-hybrid profile (Azure Stack Hub). Its Key Vault data plane is 2016-10-01 (Azure SDK
 * for Go, profiles/2020-09-01/keyvault/keyvault → services/keyvault/2016-10-01): what a stamp accepts.
 */
export const HYBRID_API: ApiVersions = {
  keyVaultManagement: '2019-09-01',
  keyVaultData: '2016-10-01',
  locks: '2016-09-01',
  authorization: '2015-07-01',
  subscriptions: '2016-06-01',
  resources: '2019-10-01',
};
/** What Key Vault on Stack Hub's older API versions lacks. */
export const HYBRID_FEATURES: BackendInfo['features'] = { softDeleteRetentionDays: false, rbacAuthorization: false, purgeProtection: true, keyRotationPolicy: false, networkRules: false };

/** Microsoft Graph per Entra authority: the public cloud, US Government and China (21Vianet). */
const GRAPH_BY_LOGIN: Record<string, string> = {
  'login.microsoftonline.com': 'https://graph.microsoft.com',
  'login.microsoftonline.us': 'https://graph.microsoft.us',
  'login.chinacloudapi.cn': 'https://microsoftgraph.chinacloudapi.cn',
};

/** The Graph endpoint and scope for an Entra sign-in host; nothing for hosts without Microsoft Graph. */
export function graphFor(loginEndpoint: string): Pick<CloudProfile, 'graphEndpoint' | 'graphScope'> {
  const graph = GRAPH_BY_LOGIN[new URL(loginEndpoint).hostname.toLowerCase()];
  return graph ? { graphEndpoint: graph, graphScope: scopeFor(graph) } : {};
}

function publicCloud(name: string, arm: string, audience: string, login: string, suffix: string): CloudProfile {
  return {
    name,
    label: name,
    armEndpoint: arm,
    armScope: scopeFor(audience),
    authorityHost: login,
    keyVaultDnsSuffix: suffix,
    adfs: false,
    ...graphFor(login),
    apiVersions: PUBLIC_API,
    features: ALL_FEATURES,
  };
}

export const BUILT_IN_CLOUDS: Record<string, CloudProfile> = {
  AzureCloud: publicCloud('AzureCloud', 'https://management.azure.com', 'https://management.core.windows.net/', 'https://login.microsoftonline.com', 'vault.azure.net'),
  AzureUSGovernment: publicCloud('AzureUSGovernment', 'https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net/', 'https://login.microsoftonline.us', 'vault.usgovcloudapi.net'),
  AzureChinaCloud: publicCloud('AzureChinaCloud', 'https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn/', 'https://login.chinacloudapi.cn', 'vault.azure.cn'),
};

/** `https://x/` or `https://x` → `https://x/.default` (never `//.default`). */
export function scopeFor(audience: string): string {
  return `${audience.replace(/\/+$/, '')}/.default`;
}

export function builtInCloud(name: string | undefined): CloudProfile {
  const key = Object.keys(BUILT_IN_CLOUDS).find((k) => k.toLowerCase() === (name ?? 'AzureCloud').toLowerCase());
  if (!key) {
    throw new Error(`Unknown cloud '${name}'. Known clouds: ${Object.keys(BUILT_IN_CLOUDS).join(', ')}; for Azure Stack Hub pass --arm URL.`);
  }
  return BUILT_IN_CLOUDS[key];
}

/** What `GET {arm}/metadata/endpoints?api-version=2015-01-01` answers (the fields kvdeck reads). */
export interface MetadataEndpoints {
  galleryEndpoint?: string;
  graphEndpoint?: string;
  portalEndpoint?: string;
  authentication?: { loginEndpoint?: string; audiences?: string[] };
  /** Not every stamp says it; derived from the ARM host when absent. */
  suffixes?: { keyVaultDns?: string; keyvaultDns?: string };
  keyVaultDnsSuffix?: string;
}

/**
 * A Stack Hub (or emulator) cloud from its discovery document. The login endpoint tells Entra from
 * ADFS: ADFS stamps answer `https://adfs.<region>.<fqdn>/adfs/`, and @azure/identity then wants the
 * host as authority and `adfs` as the tenant.
 */
export function cloudFromMetadata(armEndpoint: string, meta: MetadataEndpoints, name = 'AzureStackHub'): CloudProfile {
  const arm = armEndpoint.replace(/\/+$/, '');
  const login = meta.authentication?.loginEndpoint;
  const audience = meta.authentication?.audiences?.[0];
  if (!login || !audience) {
    throw new Error(`${arm}/metadata/endpoints did not name a login endpoint and an audience; is this an Azure Stack Hub ARM endpoint?`);
  }
  const loginUrl = new URL(login);
  const adfs = /\/adfs\/?$/i.test(loginUrl.pathname);
  const authorityHost = adfs ? `${loginUrl.origin}${loginUrl.pathname.replace(/\/adfs\/?$/i, '')}` : loginUrl.origin;
  const armUrl = new URL(arm);
  const suffix =
    meta.suffixes?.keyVaultDns ?? meta.suffixes?.keyvaultDns ?? meta.keyVaultDnsSuffix ?? deriveVaultSuffix(armUrl.hostname);
  return {
    name,
    label: `Azure Stack Hub ${armUrl.host}`,
    armEndpoint: arm,
    armScope: scopeFor(audience),
    authorityHost: authorityHost.replace(/\/+$/, ''),
    keyVaultDnsSuffix: suffix.replace(/^\./, ''),
    keyVaultPort: armUrl.port ? Number(armUrl.port) : undefined,
    adfs,
    // ADFS stamps have no Microsoft Graph (their graphEndpoint is ADFS Graph); Entra stamps use their cloud's.
    ...(adfs ? {} : graphFor(loginUrl.origin)),
    apiVersions: HYBRID_API,
    features: HYBRID_FEATURES,
  };
}

/** management.local.azurestack.external → vault.local.azurestack.external (the ASDK convention). */
export function deriveVaultSuffix(armHost: string): string {
  return armHost.startsWith('management.') ? `vault.${armHost.slice('management.'.length)}` : `vault.${armHost}`;
}

/** The discovery call itself; `fetchImpl` lets the emulator's CA be trusted through an https agent. */
export async function discoverCloud(
  armEndpoint: string,
  get: (url: string) => Promise<{ status: number; body: string }>,
): Promise<CloudProfile> {
  const url = `${armEndpoint.replace(/\/+$/, '')}/metadata/endpoints?api-version=2015-01-01`;
  const res = await get(url);
  if (res.status !== 200) throw new Error(`Cloud discovery failed: GET ${url} answered ${res.status}.`);
  return cloudFromMetadata(armEndpoint, JSON.parse(res.body) as MetadataEndpoints);
}

/** The audience of every vault in this cloud (what Key Vault's challenge names as its resource). */
export function vaultAudience(cloud: CloudProfile): string {
  return `https://${cloud.keyVaultDnsSuffix}${cloud.keyVaultPort ? `:${cloud.keyVaultPort}` : ''}`;
}

/** The data-plane URI of a vault in this cloud (trailing slash, as VaultRef wants). */
export function vaultUriIn(cloud: CloudProfile, name: string): string {
  return `https://${name.toLowerCase()}.${cloud.keyVaultDnsSuffix}${cloud.keyVaultPort ? `:${cloud.keyVaultPort}` : ''}/`;
}
