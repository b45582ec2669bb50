/** Types for scripts/patches.mjs (the build runs it with plain Node; the tests import it). */
import type { Plugin } from 'esbuild';

export const ONE_CELL_OR_EMOJI: string;
export const PATCHES: Record<'lazy-form-data' | 'yoga-without-fetch' | 'string-width-fast-path', { filter: RegExp; find: string; apply: (text: string) => string }>;
export type PatchName = keyof typeof PATCHES;
export function patchText(name: PatchName, text: string, path: string): string;
export function patchPlugin(name: PatchName): Plugin;
