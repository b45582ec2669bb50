/** Every pane, in key order 1–7. Adding a pane: write panes/<id>/index.tsx exporting a PaneDefinition and list it here. */
import type { PaneDefinition } from './contract.js';
import { auditPane } from './audit/index.js';
import { deletedPane } from './deleted/index.js';
import { keysPane } from './keys/index.js';
import { locksPane } from './locks/index.js';
import { policiesPane } from './policies/index.js';
import { secretsPane } from './secrets/index.js';
import { vaultsPane } from './vaults/index.js';

export const PANES: readonly PaneDefinition[] = [vaultsPane, secretsPane, keysPane, policiesPane, locksPane, deletedPane, auditPane];
