/** Shared steps of the end-to-end scenarios: start kvdeck and wait for its first frame, pick rows, switch panes. */
import assert from 'node:assert/strict';
import { openTerm, type Term, type TermOptions } from './tmux.js';

/** Generous: three test files run at once on a 2-core machine. */
export const SLOW = 15_000;

export interface Ctx { after(fn: () => unknown): void }

/** Starts kvdeck and waits until the vault list is drawn. */
export async function launch(t: Ctx, options: TermOptions = {}): Promise<Term> {
  const term = await openTerm(t, { cols: 100, rows: 30, ...options });
  await term.waitFor((s) => s.includes('contoso-app-kv') && s.includes('1 Vaults') && /q quit/.test(s), SLOW);
  return term;
}

/** Opens pane N by its number key and waits for text that proves it is there. */
export async function pane(term: Term, n: number, proof: string | RegExp | ((s: string) => boolean)): Promise<string> {
  await term.keys(String(n));
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
  await term.keys('/');
  await term.waitFor('Enter keep', SLOW);
  await term.type(name);
  await term.waitFor((s) => s.split('\n').some((l) => l.startsWith(`/${name}`)) && (firstRowAfterFilter(s) ?? '').includes(name), SLOW);
  await term.keys('Enter');
  const s = await term.waitFor('Esc clears', SLOW);
  assert.ok(firstRowAfterFilter(s)?.includes(name), `the first row is ${name}:\n${s}`);
  return s;
}

/** Answers a confirmation dialog whose title matches, with y. */
export async function confirm(term: Term, title: string | RegExp): Promise<void> {
  await term.waitFor(title, SLOW);
  await term.keys('y');
  await term.waitForGone(title, SLOW);
}

/** The line of the screen that mentions `name` (a row), or fails. */
export function rowOf(screen: string, name: string): string {
  const row = screen.split('\n').find((l) => new RegExp(`(^|\\s)${name}(\\s|$)`).test(l));
  assert.ok(row, `no row for ${name}:\n${screen}`);
  return row;
}
