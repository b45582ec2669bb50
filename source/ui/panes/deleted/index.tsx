// Placeholder: the second UI helper replaces this file with the real pane (see ../README.md).
import type { PaneDefinition } from '../contract.js';
import { placeholder } from '../placeholder.js';

export const deletedPane: PaneDefinition = { id: 'deleted', title: 'Deleted', vaultScoped: 'optional', Component: placeholder('Deleted') };
