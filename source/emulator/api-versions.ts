/**
 * The api-versions the emulator answers: what SDKs and command-line tools of recent years send.
 * Versions are dates (optionally with a -preview suffix) compared as strings inside a range.
 */
import { wireErrors } from './errors.js';

export type ArmArea = 'keyvault' | 'locks' | 'authorization' | 'resources' | 'subscriptions' | 'metadata' | 'insights';

interface Range {
  from: string;
  to: string;
  /** Exact versions accepted besides the range. */
  extra?: string[];
}

const ARM_RANGES: Record<ArmArea, Range> = {
  keyvault: { from: '2016-10-01', to: '2026-02-01' },
  locks: { from: '2016-09-01', to: '2020-05-01', extra: ['2015-01-01'] },
  /**
   * Microsoft.Authorization role assignments, definitions and permissions: 2015-07-01 (Azure Stack
   * Hub, old tools), the 2018 and 2020 previews, and 2022-04-01 (@azure/arm-authorization 9, az CLI).
   */
  authorization: { from: '2015-07-01', to: '2022-05-01' },
  resources: { from: '2015-11-01', to: '2026-12-31' },
  subscriptions: { from: '2016-06-01', to: '2026-12-31' },
  metadata: { from: '2015-01-01', to: '2026-12-31' },
  /** Microsoft.Insights diagnostic settings (tools send 2017-05-01-preview and 2021-05-01-preview). */
  insights: { from: '2015-07-01', to: '2026-12-31' },
};

/** Data plane: the 2016 version, 7.0–7.6 and the dated versions since 2025-07-01 (secrets 4.12 sends 2026-04-01). */
const DATA_NUMBERED = new Set(['2016-10-01', '7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6']);
const DATA_DATED: Range = { from: '2025-07-01', to: '2026-12-31' };

const DATE = /^(\d{4}-\d{2}-\d{2})(-preview)?$/;

function inRange(version: string, range: Range): boolean {
  if (range.extra?.includes(version)) return true;
  const m = DATE.exec(version);
  return !!m && m[1] >= range.from && m[1] <= range.to;
}

export function checkArmApiVersion(version: string | null, area: ArmArea): void {
  if (!version) throw wireErrors.missingApiVersionArm();
  const range = ARM_RANGES[area];
  if (!inRange(version, range)) {
    throw wireErrors.badApiVersionArm(version, `${range.from} … ${range.to}${range.extra ? `, ${range.extra.join(', ')}` : ''}`);
  }
}

export function checkDataApiVersion(version: string | null): void {
  if (!version) throw wireErrors.missingApiVersionData();
  if (DATA_NUMBERED.has(version) || inRange(version, DATA_DATED)) return;
  throw wireErrors.badApiVersionData(version);
}
