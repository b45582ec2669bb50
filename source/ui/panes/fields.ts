/**
 * Form fields the panes share, over the domain's rules (written once, so the form warns with the same
 * rule the engine enforces): an object name, a date in the one input grammar, tags, and the validity
 * window (expiry after not-before; an expiry already past).
 */
import { formatDateInput, parseDateInput, validityProblem } from '../../domain/dates.js';
import { objectNameProblem } from '../../domain/names.js';
import { formatTagsText, parseTagsText } from '../../domain/tags.js';
import type { FieldSpec, FormValues } from '../components/form.js';

export const nameField = (): FieldSpec => ({
  name: 'name', label: 'Name', placeholder: '1–127 letters, digits, hyphens', validate: (v) => objectNameProblem(String(v)),
});

const dateProblem = (v: unknown): string | undefined => {
  const d = parseDateInput(String(v));
  return typeof d === 'string' ? d : undefined;
};

/** A validated date field's value (undefined when empty). */
export const dateValue = (v: unknown): Date | undefined => parseDateInput(String(v)) as Date | undefined;

/**
 * The expiry and (optionally) not-before fields, checked together: a window that ends before it
 * starts is refused, an expiry already past is pointed out (`now` is the app clock).
 */
export function validityFields(now: () => number, initial: { expiresOn?: Date; notBefore?: Date } = {}, withNotBefore = true): FieldSpec[] {
  const windowProblem = (all: FormValues) => {
    const expires = dateValue(all.expires);
    // An expiry already past is pointed out only when the user typed it: an expired object stays editable.
    const changed = expires?.getTime() !== initial.expiresOn?.getTime();
    return validityProblem(withNotBefore ? dateValue(all.notBefore) : undefined, expires, changed ? now() : undefined);
  };
  return [
    { name: 'expires', label: 'Expires (UTC)', initial: formatDateInput(initial.expiresOn), placeholder: 'YYYY-MM-DD or empty', validate: (v, all) => dateProblem(v) ?? windowProblem(all) },
    ...(withNotBefore ? [{ name: 'notBefore', label: 'Not before (UTC)', initial: formatDateInput(initial.notBefore), placeholder: 'YYYY-MM-DD or empty', validate: dateProblem }] : []),
  ];
}

export const tagsField = (tags?: Record<string, string>): FieldSpec => ({
  name: 'tags', label: 'Tags', initial: tags ? formatTagsText(tags) : '', placeholder: 'name=value, …',
  validate: (v) => { const t = parseTagsText(String(v)); return typeof t === 'string' ? t : undefined; },
});

export const tagsValue = (v: unknown): Record<string, string> => parseTagsText(String(v)) as Record<string, string>;
