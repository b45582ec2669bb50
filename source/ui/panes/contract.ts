/**
 * The pane contract. A pane is a React component; the App mounts only the focused one (leaving a pane
 * unmounts it, which aborts its loads). See panes/README.md for the full guide.
 */
import type { ComponentType } from 'react';
import type { PaneId } from './ids.js';

export interface PaneProps {
  /** Body size in cells (between the breadcrumb and the status line). */
  width: number;
  height: number;
}

export interface PaneDefinition {
  /** Its row of the pane table (ids.ts), which gives its number and title. */
  id: PaneId;
  /**
   * true: works on the selected vault (breadcrumb shows it; without one the App shows a hint instead
   * of mounting the pane). 'optional': shows the vault when there is one but mounts without (Deleted).
   */
  vaultScoped: boolean | 'optional';
  Component: ComponentType<PaneProps>;
}
