/**
 * Input rules every object kind applies, in the engine's terms: the domain's rules (names, tags,
 * dates) turned into Key Vault's BadParameter refusals. Messages never include values.
 */
import { errors } from '../../domain/errors.js';
import { wholeSeconds } from '../../domain/dates.js';
import { isValidObjectName, objectKey } from '../../domain/names.js';
import { tagsProblem } from '../../domain/tags.js';
import type { EngineCore } from '../core.js';

/** A valid object name's map key; BadParameter otherwise. */
export function checkName(name: string): string {
  if (typeof name !== 'string' || !isValidObjectName(name)) throw errors.badParameterName(String(name));
  return objectKey(name);
}

export function checkTags(tags: Record<string, string> | undefined): Record<string, string> {
  if (tags === undefined) return {};
  const problem = tagsProblem(tags);
  if (problem) throw errors.badParameter(problem);
  return { ...tags };
}

/** Key Vault keeps times in whole Unix seconds; so do we, so every backend answers the same dates. */
export function toSeconds(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw errors.badParameter(`The ${field} date is not a valid date.`);
  return wholeSeconds(ms);
}

/** An optional date of a create call. */
export const optionalSeconds = (d: Date | undefined, field: string): number | undefined => (d === undefined ? undefined : toSeconds(d, field));

export const nowSeconds = (core: EngineCore): number => wholeSeconds(core.now());

/** Applies an optional date of an update: undefined keeps, null clears. */
export function applyDate(current: number | undefined, next: Date | null | undefined, field: string): number | undefined {
  if (next === undefined) return current;
  if (next === null) return undefined;
  return toSeconds(next, field);
}
