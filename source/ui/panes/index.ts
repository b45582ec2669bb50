/**
 * Every pane's definition, in the order of the pane table (ids.ts: numbers and titles live there).
 * Adding a pane: a row in PANE_TABLE, panes/<id>/index.tsx exporting a PaneDefinition, and its place here.
 */
import type { PaneDefinition } from './contract.js';
import { auditPane } from './audit/index.js';
import { certificatesPane } from './certificates/index.js';
import { deletedPane } from './deleted/index.js';
import { PANE_IDS } from './ids.js';
import { keysPane } from './keys/index.js';
import { locksPane } from './locks/index.js';
import { policiesPane } from './policies/index.js';
import { secretsPane } from './secrets/index.js';
import { vaultsPane } from './vaults/index.js';

const DEFINITIONS: readonly PaneDefinition[] = [vaultsPane, secretsPane, keysPane, certificatesPane, policiesPane, locksPane, deletedPane, auditPane];

/** In key order: PANES[i] is pane i + 1 of the table. */
export const PANES: readonly PaneDefinition[] = PANE_IDS.map((id) => {
  const def = DEFINITIONS.find((d) => d.id === id);
  if (!def) throw new Error(`No pane definition for ${id}`);
  return def;
});
