// Placeholder: the second UI helper replaces this file with the real pane (see ../README.md).
import type { PaneDefinition } from '../contract.js';
import { placeholder } from '../placeholder.js';

export const locksPane: PaneDefinition = { id: 'locks', title: 'Locks', vaultScoped: true, Component: placeholder('Locks') };
