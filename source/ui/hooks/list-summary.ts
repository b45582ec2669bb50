/**
 * The words of a list's top line while it may still be loading, the same in every pane: Key Vault says
 * nothing of a listing's total until its last page, so a streaming count is "so far", never a guess.
 */
import type { Loaded } from './use-load.js';

/** "1 secret", "10,000 secrets", "1,250 secrets so far". */
export function countText(n: number, noun: string, partial: boolean): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}${partial ? ' so far' : ''}`;
}

/** What to add after the count: nothing once loaded, "loading more…" while pages arrive, or why it stopped. */
export function loadNote(loaded: Pick<Loaded<unknown>, 'loading' | 'error'>, explain: (error: unknown) => string): string {
  if (loaded.loading) return ' · loading more…';
  if (loaded.error) return ` · the listing stopped: ${explain(loaded.error)}`;
  return '';
}
