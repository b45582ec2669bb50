/** Shared steps of the end-to-end scenarios: start kvdeck and wait for its first frame, pick rows, switch panes. */
import assert from 'node:assert/strict';
import { PANE_IDS, type PaneId } from '../../source/ui/panes/ids.js';
import { openTerm, type Term, type TermOptions } from './tmux.js';

/** Generous: three test files run at once on a 2-core machine. */
export const SLOW = 15_000;

export interface Ctx { after(fn: () => unknown): void }

/** Starts kvdeck and waits until the vault list is drawn. */
export async function launch(t: Ctx, options: TermOptions = {}): Promise<Term> {
  const term = await openTerm(t, { cols: 100, rows: 30, ...options });
  await term.waitFor((s) => s.includes('contoso-app-kv') && s.includes('1 Vaults') && s.includes(`${term.shown('quit')} quit`), SLOW);
  return term;
}

/** Opens pane N (the command pane.N) and waits for text that proves it is there. */
export async function pane(term: Term, n: 1 | 2 | 3 | 4 | 5 | 6 | 7, proof: string | RegExp | ((s: string) => boolean)): Promise<string> {
  await term.press(`pane.${n}`);
  return term.waitFor(proof, SLOW);
}

/** The pane's first data row under the table header, when the list is filtered. */
function firstRowAfterFilter(screen: string): string | undefined {
  const lines = screen.split('\n');
  const at = lines.findIndex((l) => l.startsWith('/'));
  return at >= 0 ? lines[at + 2] : undefined;
}

/**
 * Selects the row named `name` in the focused list: `/`, types the name, keeps the filter with Enter
 * (the best match is first and selected). Each step waits for its effect on screen.
 */
export async function selectRow(term: Term, name: string): Promise<string> {
  await term.press('filter');
  await term.waitFor(`${term.shown('filter.keep')} keep`, SLOW);
  await term.type(name);
  await term.waitFor((s) => s.split('\n').some((l) => l.startsWith(`/${name}`)) && (firstRowAfterFilter(s) ?? '').includes(name), SLOW);
  await term.press('filter.keep');
  const s = await term.waitFor(`${term.shown('back')} clears`, SLOW);
  assert.ok(firstRowAfterFilter(s)?.includes(name), `the first row is ${name}:\n${s}`);
  return s;
}

/** Answers a confirmation dialog whose title matches, yes. */
export async function confirm(term: Term, title: string | RegExp): Promise<void> {
  await term.waitFor(title, SLOW);
  await term.press('confirm.yes');
  await term.waitForGone(title, SLOW);
}

/** The line of the screen that mentions `name` (a row), or fails. */
export function rowOf(screen: string, name: string): string {
  const row = screen.split('\n').find((l) => new RegExp(`(^|\\s)${name}(\\s|$)`).test(l));
  assert.ok(row, `no row for ${name}:\n${screen}`);
  return row;
}

/** The number of a pane by its id, for `pane()`: scenarios survive the panes being renumbered. */
export const paneNo = (id: PaneId) => (PANE_IDS.indexOf(id) + 1) as Parameters<typeof pane>[1];
