/** What the data-plane routes share: the vault being addressed, name checks and paging. */
import { errors, KeyVaultError } from '../../domain/errors.js';
import { isValidObjectName, isValidVersion } from '../../domain/names.js';
import type { Page, PageOptions } from '../../domain/page.js';
import type { VaultRef } from '../../domain/vault.js';
import type { RequestContext } from '../router.js';

export const DATA_PAGE_SIZE = 25;

/** Data-plane calls address a vault by its (global) name; ARM coordinates are not needed there. */
export function vaultOf(ctx: RequestContext): VaultRef {
  return { subscriptionId: '', resourceGroup: '', name: ctx.vaultName!, vaultUri: `${ctx.origin}/` };
}

/** A secret or key name from the path; bad names are refused before anything is touched. */
export function objectName(name: string): string {
  if (!isValidObjectName(name)) throw errors.badParameterName(name);
  return name;
}

/** An optional version segment: empty means latest. */
export function versionOf(version: string | undefined): string | undefined {
  if (!version) return undefined;
  if (!isValidVersion(version.toLowerCase())) throw errors.badParameter(`The request URI contains an invalid version: ${version}`);
  return version.toLowerCase();
}

function pageSize(ctx: RequestContext): number {
  const raw = ctx.query.get('maxresults');
  if (raw === null || raw === '') return DATA_PAGE_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > DATA_PAGE_SIZE) {
    throw new KeyVaultError(400, 'BadParameter', `Invalid value for maxresults: ${raw}. It must be between 1 and 25.`);
  }
  return n;
}

function nextLink(ctx: RequestContext, token: string | undefined, size: number): string | null {
  if (!token) return null;
  const q = new URLSearchParams({ 'api-version': ctx.query.get('api-version') ?? '', $skiptoken: token, maxresults: String(size) });
  return `${ctx.origin}${ctx.path}?${q.toString()}`;
}

/** A page from a backend listing that pages itself. */
export async function backendPage<T, W>(
  ctx: RequestContext,
  fetch: (p: PageOptions) => Promise<Page<T>>,
  toWire: (item: T) => W,
): Promise<{ value: W[]; nextLink: string | null }> {
  const size = pageSize(ctx);
  const page = await fetch({ maxPageSize: size, continuationToken: ctx.query.get('$skiptoken') ?? undefined });
  return { value: page.items.map(toWire), nextLink: nextLink(ctx, page.continuationToken, size) };
}

/** A page cut out of a whole listing (versions, deleted items); the token is the offset. */
export function arrayPage<T, W>(ctx: RequestContext, items: T[], toWire: (item: T) => W): { value: W[]; nextLink: string | null } {
  const size = pageSize(ctx);
  const token = ctx.query.get('$skiptoken');
  const start = token ? Number.parseInt(token, 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw new KeyVaultError(400, 'BadParameter', 'The $skiptoken is not valid.');
  const end = start + size;
  return { value: items.slice(start, end).map(toWire), nextLink: nextLink(ctx, end < items.length ? String(end) : undefined, size) };
}
