/** Injectable time, so retention, purge dates and expiry can be tested without waiting. */
export interface Clock {
  now(): number; // epoch milliseconds
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests and the demo seed move by hand. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.UTC(2026, 10, 22, 12, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  advanceDays(days: number): void {
    this.ms += days * DAY_MS;
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;
