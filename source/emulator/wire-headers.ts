/**
 * The headers Azure puts on every answer, so clients and tools that read them (diagnostics, the
 * firewall's "client address", request ids for support) see what they would see in Azure. Formats
 * as recorded in the Azure SDK for JavaScript's Key Vault test recordings and in ARM responses
 * quoted in hashicorp/terraform-provider-azurerm#20867.
 */
import { randomUUID } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A service build Key Vault has answered with (from a recorded response in the SDK test recordings). */
export const KEYVAULT_SERVICE_VERSION = '1.9.422.1';
/** ARM's routing id names the ARM region that served the call; the emulator is its own region. */
const ARM_REGION = 'LOCALHOST';

/** `conn_type=Ipv4;addr=203.0.113.7;act_addr_fam=InterNetwork;` — IPv4-mapped IPv6 addresses as IPv4. */
export function networkInfo(address: string): string {
  const v4 = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  return isIPv4(v4)
    ? `conn_type=Ipv4;addr=${v4};act_addr_fam=InterNetwork;`
    : `conn_type=Ipv6;addr=${v4};act_addr_fam=InterNetworkV6;`;
}

const common = (res: ServerResponse, req: IncomingMessage, requestId: string) => {
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('pragma', 'no-cache');
  res.setHeader('expires', '-1');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-ms-request-id', requestId);
  const clientRequestId = req.headers['x-ms-client-request-id'];
  if (typeof clientRequestId === 'string' && clientRequestId.length <= 256) res.setHeader('x-ms-client-request-id', clientRequestId);
};

/** Key Vault's: service version, the vault's region, how the client's connection arrived. */
export function setDataPlaneHeaders(res: ServerResponse, req: IncomingMessage, clientAddress: string, region: string | undefined): void {
  common(res, req, randomUUID());
  res.setHeader('strict-transport-security', 'max-age=31536000;includeSubDomains');
  res.setHeader('x-ms-keyvault-service-version', KEYVAULT_SERVICE_VERSION);
  if (region) res.setHeader('x-ms-keyvault-region', region);
  res.setHeader('x-ms-keyvault-network-info', networkInfo(clientAddress));
}

/** 20230319T085456Z */
const compactUtc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** ARM's: the correlation id (the client's, when it sent one), the request id and the routing id. */
export function setArmHeaders(res: ServerResponse, req: IncomingMessage, now = new Date()): void {
  const sent = req.headers['x-ms-correlation-request-id'];
  const correlation = typeof sent === 'string' && /^[0-9a-f-]{36}$/i.test(sent) ? sent : randomUUID();
  common(res, req, correlation);
  res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  res.setHeader('x-ms-correlation-request-id', correlation);
  res.setHeader('x-ms-routing-request-id', `${ARM_REGION}:${compactUtc(now)}:${correlation}`);
}
