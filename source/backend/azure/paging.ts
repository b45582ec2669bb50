/**
 * listPage over the SDK's byPage iterators. The data-plane clients (keyvault-secrets 4.12,
 * keyvault-keys 4.10) map each page with `page.map(...)`, which drops the page's continuationToken,
 * so the token cannot be handed back to byPage({ continuationToken }). Instead the live iterator is
 * kept behind an opaque token and resumed by the next call (lazy: one page per call). A token whose
 * iterator was evicted re-opens the listing and skips to the page. One page of look-ahead tells a
 * last page from a full one, because Key Vault may return short pages that still have a nextLink.
 */
import type { Page } from '../../domain/page.js';

interface Cursor<T> {
  listKey: string;
  iterator: AsyncIterator<T[]>;
  /** Index of the page the look-ahead holds. */
  nextIndex: number;
  ahead: Promise<IteratorResult<T[]>>;
}

interface Token {
  c: number;
  p: number;
  k: string;
}

const MAX_CURSORS = 64;

export class PageCursors {
  private readonly cursors = new Map<number, Cursor<unknown>>();
  private nextId = 1;

  async page<T>(listKey: string, continuationToken: string | undefined, open: () => AsyncIterator<T[]>): Promise<Page<T>> {
    let cursor: Cursor<T> | undefined;
    let index = 0;
    if (continuationToken) {
      const token = decode(continuationToken);
      if (!token || token.k !== listKey) throw new Error('The continuation token does not belong to this listing.');
      index = token.p;
      const found = this.cursors.get(token.c) as Cursor<T> | undefined;
      if (found && found.nextIndex === index) {
        cursor = found;
        this.cursors.delete(token.c);
      }
    }
    if (!cursor) cursor = await this.reopen(listKey, open, index);
    const current = await cursor.ahead;
    if (current.done) return { items: [] };
    // Look ahead one page: it decides whether there is a next page at all.
    cursor.ahead = cursor.iterator.next();
    cursor.nextIndex = index + 1;
    const ahead = await cursor.ahead;
    if (ahead.done) return { items: [...current.value] };
    const id = this.nextId++;
    this.cursors.set(id, cursor as Cursor<unknown>);
    if (this.cursors.size > MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value as number);
    return { items: [...current.value], continuationToken: encode({ c: id, p: index + 1, k: listKey }) };
  }

  private async reopen<T>(listKey: string, open: () => AsyncIterator<T[]>, index: number): Promise<Cursor<T>> {
    const iterator = open();
    for (let i = 0; i < index; i++) {
      const skipped = await iterator.next();
      if (skipped.done) break;
    }
    return { listKey, iterator, nextIndex: index, ahead: iterator.next() };
  }
}

const encode = (t: Token) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decode(s: string): Token | undefined {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Token;
    return typeof t.c === 'number' && typeof t.p === 'number' && typeof t.k === 'string' ? t : undefined;
  } catch {
    return undefined;
  }
}

/** An SDK item iterator with each item mapped. */
export async function* mapItems<S, T>(items: AsyncIterable<S>, map: (item: S) => T): AsyncGenerator<T> {
  for await (const item of items) yield map(item);
}
