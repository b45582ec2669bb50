/** The automatic purge of a bin (vaults or objects): every entry whose scheduled purge date has passed goes. */
import type { Deleted } from '../state.js';

/** Purges (through the table's own purge, so the sink hears of it) what is due; how many went. */
export function purgeDue(bin: ReadonlyMap<string, Deleted<{ name: string }>>, now: number, purge: (name: string) => void): number {
  let n = 0;
  for (const d of [...bin.values()]) {
    if (d.scheduledPurge <= now) {
      purge(d.item.name);
      n++;
    }
  }
  return n;
}
