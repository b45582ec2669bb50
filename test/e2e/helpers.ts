/** Shared steps of the end-to-end scenarios: start kvdeck on the demo engine and wait for its first full frame. */
import { openTerm, type Term, type TermOptions } from './tmux.js';

/** Generous: three test files run at once on a 2-core machine. */
export const SLOW = 15_000;

export interface Ctx { after(fn: () => unknown): void }

/** Starts kvdeck and waits until the vault list is drawn. */
export async function launch(t: Ctx, options: TermOptions = {}): Promise<Term> {
  const term = await openTerm(t, { cols: 100, rows: 30, ...options });
  await term.waitFor((s) => s.includes('contoso-app-kv') && s.includes('1 Vaults'), SLOW);
  return term;
}

/** Opens pane N by its number key and waits for text that proves it is there. */
export async function pane(term: Term, n: number, proof: string | RegExp): Promise<string> {
  await term.keys(String(n));
  return term.waitFor(proof, SLOW);
}

/** Moves the selection of the focused list onto the row whose text includes `name` (filter, then Esc keeps it). */
export async function selectRow(term: Term, name: string): Promise<string> {
  await term.keys('/');
  await term.type(name);
  const s = await term.waitFor((x) => x.split('\n').some((l) => l.includes(name)), SLOW);
  await term.keys('Enter');
  return s;
}
