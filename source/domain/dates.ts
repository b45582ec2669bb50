/**
 * Dates with one grammar, for every place a person types one (forms, one-shot flags): "YYYY-MM-DD" or
 * "YYYY-MM-DD HH:MM", always UTC. Key Vault keeps whole Unix seconds; so does every backend here.
 * The validity-window rules (expiry after not-before) live here too, so forms warn before the engine refuses.
 */
const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

export const DATE_INPUT_HINT = 'Use YYYY-MM-DD (or YYYY-MM-DD HH:MM, UTC), or leave empty.';

/** "" → undefined (no date); a valid date → Date; anything else → the hint sentence. */
export function parseDateInput(text: string): Date | undefined | string {
  const t = text.trim();
  if (t === '') return undefined;
  const m = DATE_INPUT.exec(t);
  if (!m) return DATE_INPUT_HINT;
  const [y, mo, d, h = '00', mi = '00'] = m.slice(1).map((x) => x ?? '00');
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi));
  // Date.UTC rolls 2026-02-30 over into March: a typed date must be a real one.
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d || +h > 23 || +mi > 59) return DATE_INPUT_HINT;
  return date;
}

/** The input form of a date: "YYYY-MM-DD", or with " HH:MM" when it is not midnight UTC. */
export function formatDateInput(d: Date | undefined): string {
  if (!d) return '';
  const iso = d.toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Whole Unix seconds, as Key Vault keeps times (milliseconds dropped). */
export const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** Why an activation window is not allowed, or undefined. `now` turns on the "already expired" warning. */
export function validityProblem(notBefore: Date | undefined, expiresOn: Date | undefined, now?: number): string | undefined {
  if (notBefore && expiresOn && expiresOn.getTime() <= notBefore.getTime()) return 'The expiry date must be after the not-before date.';
  if (now !== undefined && expiresOn && expiresOn.getTime() <= now) return 'The expiry date is in the past: the object would be expired at once.';
  return undefined;
}
