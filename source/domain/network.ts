/**
 * A vault's network rules (Microsoft.KeyVault/vaults properties): public network access, and the
 * firewall — a default action, the trusted-services bypass, IPv4 rules (addresses or CIDR ranges) and
 * virtual network rules. Network rules decide data-plane calls only; the management plane ignores them.
 * The rules are written once here: the engine enforces them, the forms and the console explain them.
 */
export type PublicNetworkAccess = 'Enabled' | 'Disabled';

export interface NetworkAcls {
  defaultAction: 'Allow' | 'Deny';
  bypass: 'AzureServices' | 'None';
  ipRules: { value: string }[];
  virtualNetworkRules: { id: string; ignoreMissingVnetServiceEndpoint?: boolean }[];
}

/** How the console summarises a vault's exposure: open to all, behind a firewall, or private only. */
export type NetworkExposure = 'public' | 'firewall' | 'private';

export function networkExposure(v: { publicNetworkAccess?: PublicNetworkAccess; networkAcls?: NetworkAcls }): NetworkExposure {
  if (v.publicNetworkAccess === 'Disabled') return 'private';
  return v.networkAcls?.defaultAction === 'Deny' ? 'firewall' : 'public';
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address as a 32-bit number, or undefined. Accepts the IPv4-mapped IPv6 form sockets report (::ffff:a.b.c.d). */
export function ipv4ToNumber(address: string): number | undefined {
  const m = IPV4.exec(address.replace(/^::ffff:/i, ''));
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** The address as a rule would name it (without the ::ffff: prefix). */
export const plainAddress = (address: string): string => address.replace(/^::ffff:/i, '');

/** Why an IP rule value is not an IPv4 address or CIDR range, or undefined. */
export function ipRuleProblem(value: string): string | undefined {
  const [addr, bits, extra] = value.split('/');
  const ok = extra === undefined && ipv4ToNumber(addr) !== undefined && (bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32));
  return ok ? undefined : `The IP rule '${value.slice(0, 64)}' is not an IPv4 address or CIDR range (such as 203.0.113.0/24).`;
}

/** Whether an address falls in an IP rule (an address, or a CIDR range). */
export function ipRuleMatches(rule: string, address: string): boolean {
  const ip = ipv4ToNumber(address);
  const [addr, bitsText] = rule.split('/');
  const base = ipv4ToNumber(addr);
  if (ip === undefined || base === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ip & mask) >>> 0 === (base & mask) >>> 0;
}

/**
 * Why the network rules refuse a data-plane call from this address, or undefined when they let it in.
 * 'connection': public access is disabled (only private links would do); 'firewall': the default action
 * is Deny and no IP rule matches. Trusted services and private endpoints do not exist here.
 */
export function networkRefusal(v: { publicNetworkAccess?: PublicNetworkAccess; networkAcls?: NetworkAcls }, address: string): 'connection' | 'firewall' | undefined {
  if (v.publicNetworkAccess === 'Disabled') return 'connection';
  const acls = v.networkAcls;
  if (!acls || acls.defaultAction !== 'Deny') return undefined;
  return acls.ipRules.some((r) => ipRuleMatches(r.value, address)) ? undefined : 'firewall';
}

/**
 * A data-plane refusal by the network rules, read back from Azure's words (so it works the same on
 * the demo engine, the emulator and Azure): the firewall (with the client address Azure saw) or public
 * access turned off. The console's explanation and its "allow this address" offer both read it here.
 */
export function networkRefusalOf(e: { innerCode?: string; message: string }): { kind: 'firewall' | 'connection'; address?: string; vault?: string } | undefined {
  const kind = e.innerCode === 'ForbiddenByFirewall' ? 'firewall' : e.innerCode === 'ForbiddenByConnection' ? 'connection' : undefined;
  if (!kind) return undefined;
  return { kind, address: /Client address: ([^\r\n]+)/.exec(e.message)?.[1]?.trim(), vault: /Vault: ([^;\r\n]+)/.exec(e.message)?.[1] };
}

/** Whether two IP rules name the same thing: ARM may answer a single address as a /32 range. */
export const sameIpRule = (a: string, b: string): boolean => a.replace(/\/32$/, '') === b.replace(/\/32$/, '');

/** Why a set of network rules cannot be stored, or undefined. */
export function networkAclsProblem(acls: NetworkAcls): string | undefined {
  if (acls.defaultAction !== 'Allow' && acls.defaultAction !== 'Deny') return `The network default action '${String(acls.defaultAction)}' is invalid. Use Allow or Deny.`;
  if (acls.bypass !== 'AzureServices' && acls.bypass !== 'None') return `The network bypass '${String(acls.bypass)}' is invalid. Use AzureServices or None.`;
  for (const r of acls.ipRules) {
    const problem = ipRuleProblem(String(r?.value ?? ''));
    if (problem) return problem;
  }
  return undefined;
}

/** A deep copy, so callers never edit stored rules through what they were handed. */
export const copyNetworkAcls = (a: NetworkAcls): NetworkAcls => ({
  defaultAction: a.defaultAction,
  bypass: a.bypass,
  ipRules: a.ipRules.map((r) => ({ value: r.value })),
  virtualNetworkRules: a.virtualNetworkRules.map((r) => ({ ...r })),
});
