/**
 * Key rotation policies (data plane 7.3+): lifetime actions (Rotate, or Notify) triggered a time after
 * creation or a time before expiry, and the expiry each new version gets. Durations are ISO 8601
 * ("P90D", "P2Y", "P1Y6M"). The rules here serve the engine (refusals), the emulator (wire) and the console.
 */
export type LifetimeActionType = 'Rotate' | 'Notify';

export interface KeyRotationLifetimeAction {
  action: LifetimeActionType;
  timeAfterCreate?: string;
  timeBeforeExpiry?: string;
}

export interface KeyRotationPolicy {
  /** {vaultUri}keys/{name}/rotationpolicy */
  id?: string;
  lifetimeActions: KeyRotationLifetimeAction[];
  /** The expiry each new version gets (ISO 8601 duration from its creation). */
  expiresIn?: string;
  createdOn?: Date;
  updatedOn?: Date;
}

/** What a key without a policy answers: notify 30 days before expiry. */
export const DEFAULT_ROTATION_ACTIONS: readonly KeyRotationLifetimeAction[] = [{ action: 'Notify', timeBeforeExpiry: 'P30D' }];

export interface Duration {
  years: number;
  months: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** An ISO 8601 duration, or undefined when it is not one (or is empty: "P", "PT"). */
export function parseDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!m || text.trim().toUpperCase().replace(/T$/, '') === 'P') return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), days: n(3) * 7 + n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** A time plus a duration, with calendar years and months (UTC). */
export function addDuration(ms: number, d: Duration, sign: 1 | -1 = 1): number {
  const t = new Date(ms);
  t.setUTCFullYear(t.getUTCFullYear() + sign * d.years, t.getUTCMonth() + sign * d.months, t.getUTCDate() + sign * d.days);
  return t.getTime() + sign * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/** Roughly how many days a duration is (years 365, months 30): for the service's minimums only. */
const approxDays = (d: Duration) => d.years * 365 + d.months * 30 + d.days + (d.hours * 3600 + d.minutes * 60 + d.seconds) / 86_400;

/** Why a policy is refused, or undefined. Minimums as Azure documents them: expiry ≥ 28 days; rotation ≥ 7 days after creation or before expiry. */
export function rotationPolicyProblem(p: Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'>): string | undefined {
  const expiry = p.expiresIn === undefined ? undefined : parseDuration(p.expiresIn);
  if (p.expiresIn !== undefined && !expiry) return `The expiry time '${String(p.expiresIn).slice(0, 40)}' is not an ISO 8601 duration such as P90D or P2Y.`;
  if (expiry && approxDays(expiry) < 28) return 'The expiry time of a rotation policy must be at least 28 days (P28D).';
  const seen = new Set<string>();
  for (const a of p.lifetimeActions) {
    if (a.action !== 'Rotate' && a.action !== 'Notify') return `The lifetime action '${String(a.action).slice(0, 40)}' is not valid. Use Rotate or Notify.`;
    if (seen.has(a.action)) return `A rotation policy may have at most one ${a.action} action.`;
    seen.add(a.action);
    const given = [a.timeAfterCreate, a.timeBeforeExpiry].filter((x) => x !== undefined);
    if (given.length !== 1) return `The ${a.action} action needs exactly one trigger: timeAfterCreate or timeBeforeExpiry.`;
    const d = parseDuration(given[0]!);
    if (!d) return `The trigger '${String(given[0]).slice(0, 40)}' is not an ISO 8601 duration such as P90D.`;
    if (a.action === 'Notify' && a.timeAfterCreate !== undefined) return 'A Notify action can only be triggered a time before expiry (timeBeforeExpiry).';
    if (a.action === 'Rotate' && approxDays(d) < 7) return 'A Rotate action must be at least 7 days after creation or before expiry (P7D).';
    if (a.timeBeforeExpiry !== undefined && expiry && approxDays(d) >= approxDays(expiry)) {
      return `The ${a.action} action's time before expiry must be shorter than the policy's expiry time.`;
    }
  }
  return undefined;
}

/** Whether the latest version is due for automatic rotation at `now` under this policy. */
export function rotationDue(p: Pick<KeyRotationPolicy, 'lifetimeActions'>, latest: { created: number; expiresOn?: number }, now: number): boolean {
  for (const a of p.lifetimeActions) {
    if (a.action !== 'Rotate') continue;
    if (a.timeAfterCreate !== undefined) {
      const d = parseDuration(a.timeAfterCreate);
      if (d && addDuration(latest.created, d) <= now) return true;
    }
    if (a.timeBeforeExpiry !== undefined && latest.expiresOn !== undefined) {
      const d = parseDuration(a.timeBeforeExpiry);
      if (d && addDuration(latest.expiresOn, d, -1) <= now) return true;
    }
  }
  return false;
}
