/** The seven panes, in key order 1–7. */
export const PANE_IDS = ['vaults', 'secrets', 'keys', 'policies', 'locks', 'deleted', 'audit'] as const;
export type PaneId = (typeof PANE_IDS)[number];
