// Placeholder: the second UI helper replaces this file with the real pane (see ../README.md).
import type { PaneDefinition } from '../contract.js';
import { placeholder } from '../placeholder.js';

export const policiesPane: PaneDefinition = { id: 'policies', title: 'Access policies', vaultScoped: true, Component: placeholder('Access policies') };
