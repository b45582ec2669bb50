/**
 * The purge-protection rule, written once for the engine (which refuses) and the console (which
 * explains before calling): in a purge-protected vault a deleted object is never purged by hand, and a
 * purge-protected deleted vault only once its scheduled purge date has passed. Recovery is always allowed.
 */
export interface PurgeTarget {
  /** A vault, or an object inside one. */
  isVault: boolean;
  /** The vault's (or the deleted vault's own) purge protection. */
  purgeProtection: boolean;
  scheduledPurge: number;
}

export function purgeAllowed(t: PurgeTarget, now: number): boolean {
  if (!t.purgeProtection) return true;
  return t.isVault && now >= t.scheduledPurge;
}
