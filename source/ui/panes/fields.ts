/**
 * Form fields the panes share, over the domain's rules (written once, so the form warns with the same
 * rule the engine enforces): an object name, a date in the one input grammar, tags (duplicates, count,
 * lengths), the validity window (expiry after not-before, on whichever of the two was typed; an expiry
 * already past), and purge protection (which can never be turned off, said before it is turned on).
 */
import { formatDateInput, parseDateInput, validityProblem } from '../../domain/dates.js';
import { objectNameProblem } from '../../domain/names.js';
import { formatTagsText, MAX_OBJECT_TAGS, parseTagsText } from '../../domain/tags.js';
import type { FieldSpec, FieldValue, FormValues } from '../components/form.js';

export const nameField = (): FieldSpec => ({
  name: 'name', label: 'Name', placeholder: '1–127 letters, digits, hyphens', validate: (v) => objectNameProblem(String(v)),
});

const dateProblem = (v: unknown): string | undefined => {
  const d = parseDateInput(String(v));
  return typeof d === 'string' ? d : undefined;
};

/** A date field's value: undefined when empty or not (yet) a date. */
export const dateValue = (v: unknown): Date | undefined => { const d = parseDateInput(String(v)); return d instanceof Date ? d : undefined; };

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
    // The window is said under the not-before too: an edit that moves only the start past the expiry is told there.
    ...(withNotBefore ? [{ name: 'notBefore', label: 'Not before (UTC)', initial: formatDateInput(initial.notBefore), placeholder: 'YYYY-MM-DD or empty', validate: (v: FieldValue, all: FormValues) => dateProblem(v) ?? windowProblem(all) }] : []),
  ];
}

/** Tags as "name=value, …"; `maxTags`: 15 on a secret, key or certificate, 50 on an Azure resource (a vault). */
export const tagsField = (tags?: Record<string, string>, maxTags = MAX_OBJECT_TAGS): FieldSpec => ({
  name: 'tags', label: 'Tags', initial: tags ? formatTagsText(tags) : '', placeholder: 'name=value, …',
  validate: (v) => { const t = parseTagsText(String(v), maxTags); return typeof t === 'string' ? t : undefined; },
});

export const tagsValue = (v: unknown): Record<string, string> => parseTagsText(String(v), Number.MAX_SAFE_INTEGER) as Record<string, string>;

/**
 * Purge protection: once on, Key Vault never lets it be turned off, so it is said before it is turned
 * on (the new-vault form, any vault edit). `retentionDays` says for how long deleted items then stay.
 */
export function purgeProtectionField(initial: boolean, retentionDays: (values: FormValues) => string | number): FieldSpec {
  return {
    name: 'purgeProtection', label: 'Purge protection', kind: 'checkbox', initial,
    validate: (v) => (initial && v !== true ? 'Purge protection is on and can never be turned off.' : undefined),
    note: (v, all) => (v === true && !initial
      ? `Purge protection can never be turned off: anything deleted from this vault (and the vault itself) stays in the bin for ${retentionDays(all)} days and cannot be purged before, not even by you.`
      : undefined),
  };
}

/** Azure's limit of tags on a resource (a vault), beside the 15 of a vault object. */
export const MAX_RESOURCE_TAGS = 50;
