/**
 * Tag rules, written once for the engine (which refuses) and the forms (which warn as the user types).
 * Azure's resource-tag limits: a name of 1–512 characters, a value of at most 256; a vault object
 * (secret, key) carries at most 15 tags.
 */
export const MAX_OBJECT_TAGS = 15;
export const MAX_TAG_NAME_LENGTH = 512;
export const MAX_TAG_VALUE_LENGTH = 256;

/** Why these tags are not allowed, as a sentence; undefined when they are. Never quotes more than 64 characters of a name. */
export function tagsProblem(tags: Record<string, unknown>, maxTags = MAX_OBJECT_TAGS): string | undefined {
  const entries = Object.entries(tags);
  if (entries.length > maxTags) return `At most ${maxTags} tags are allowed; ${entries.length} were given.`;
  for (const [name, value] of entries) {
    if (name.length === 0 || name.length > MAX_TAG_NAME_LENGTH) {
      return `A tag name must be 1 to ${MAX_TAG_NAME_LENGTH} characters long; one is ${name.length}.`;
    }
    const shown = name.slice(0, 64);
    if (typeof value !== 'string') return `The value of tag '${shown}' must be a string.`;
    if (value.length > MAX_TAG_VALUE_LENGTH) {
      return `The value of tag '${shown}' is ${value.length} characters long; at most ${MAX_TAG_VALUE_LENGTH} are allowed.`;
    }
  }
  return undefined;
}

/** "env=prod, owner=ops" → { env: 'prod', owner: 'ops' }, or the sentence saying what is wrong (duplicates included). */
export function parseTagsText(text: string, maxTags = MAX_OBJECT_TAGS): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `Tags are name=value pairs separated by commas ("${part.slice(0, 64)}" has no =).`;
    const name = part.slice(0, eq).trim();
    if (Object.hasOwn(out, name)) return `The tag name "${name.slice(0, 64)}" is given twice.`;
    out[name] = part.slice(eq + 1).trim();
  }
  return tagsProblem(out, maxTags) ?? out;
}

export const formatTagsText = (tags: Record<string, string>) => Object.entries(tags).map(([k, v]) => `${k}=${v}`).join(', ');
