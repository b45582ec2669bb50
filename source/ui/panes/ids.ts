/**
 * The pane table: every pane in key order, with its title. A pane's number is its place here, so
 * sentences never write one as a literal: `paneRef('deleted')` says "pane 7 (Deleted)" today and
 * follows the table when it changes. (No imports: every layer of the console may read it.)
 */
export const PANE_TABLE = [
  { id: 'vaults', title: 'Vaults' },
  { id: 'secrets', title: 'Secrets' },
  { id: 'keys', title: 'Keys' },
  // The short title is what the tabs show below 100 columns, so that eight tabs fit in 80.
  { id: 'certificates', title: 'Certificates', short: 'Certs' },
  { id: 'access', title: 'Access' },
  { id: 'locks', title: 'Locks' },
  { id: 'deleted', title: 'Deleted' },
  { id: 'audit', title: 'Audit' },
] as const satisfies readonly { id: string; title: string; short?: string }[];

export type PaneId = (typeof PANE_TABLE)[number]['id'];

export const PANE_IDS: readonly PaneId[] = PANE_TABLE.map((p) => p.id);

/** 1 for Vaults … 8 for Audit. */
export const paneNumber = (id: PaneId): number => PANE_IDS.indexOf(id) + 1;

export const paneTitle = (id: PaneId): string => PANE_TABLE[PANE_IDS.indexOf(id)].title;

/** The tab's label: the short title where space is short. */
export function paneTabTitle(id: PaneId, compact: boolean): string {
  const p: { title: string; short?: string } = PANE_TABLE[PANE_IDS.indexOf(id)];
  return compact && p.short ? p.short : p.title;
}

/** "pane 4 (Certificates)", for sentences; `detail` goes inside the brackets: "pane 2 (Secrets of contoso-app-kv)". */
export const paneRef = (id: PaneId, detail = ''): string => `pane ${paneNumber(id)} (${paneTitle(id)}${detail})`;
