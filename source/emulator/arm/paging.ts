/**
 * ARM paging for listings: `$top` items per page (at most 1000, ARM's usual page), and while more
 * remain an absolute `nextLink` carrying the same query plus an opaque `$skiptoken`, which the
 * official SDKs' pagers follow. The token names the next item, so a page boundary stays put when
 * items are added or removed meanwhile. Items arrive sorted by name (the backend's order).
 */
import type { RequestContext } from '../router.js';

const MAX_PAGE = 1000;

const encode = (name: string) => Buffer.from(name.toLowerCase(), 'utf8').toString('base64url');
const decode = (token: string) => Buffer.from(token, 'base64url').toString('utf8');

export function page<T extends { name: string }>(ctx: RequestContext, items: T[], toBody: (item: T) => unknown): { value: unknown[]; nextLink?: string } {
  const top = Number(ctx.query.get('$top'));
  const size = Number.isInteger(top) && top > 0 ? Math.min(top, MAX_PAGE) : MAX_PAGE;
  const token = ctx.query.get('$skiptoken');
  const from = token ? decode(token) : '';
  const start = from ? items.findIndex((i) => i.name.toLowerCase() >= from) : 0;
  const rest = start < 0 ? [] : items.slice(start);
  const value = rest.slice(0, size).map(toBody);
  if (rest.length <= size) return { value };
  const query = new URLSearchParams(ctx.query);
  query.set('$skiptoken', encode(rest[size].name));
  return { value, nextLink: `${ctx.origin}${ctx.path}?${query.toString()}` };
}
