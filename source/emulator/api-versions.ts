/**
 * The api-versions the emulator answers: what SDKs and command-line tools of recent years send,
 * previews included (Azure's own Key Vault accepts every version it has published, e.g. the
 * Debian python3-azure KeyClient's default 7.4-preview.1). With the Stack Hub profile, only what
 * a stamp's 2020-09-01-hybrid profile speaks: Key Vault data plane 2016-10-01 (Azure SDK for Go's
 * profiles/2020-09-01/keyvault), Microsoft.KeyVault 2019-09-01 and older, locks 2016-09-01.
 */
import { wireErrors } from './errors.js';

export type ArmArea = 'keyvault' | 'locks' | 'authorization' | 'resources' | 'subscriptions' | 'metadata' | 'insights';
export type EmulatorProfile = 'azure' | 'stackhub';

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

/** What a stamp's Resource Manager accepts where it is narrower than Azure's. */
const STACK_HUB_ARM: Partial<Record<ArmArea, Range>> = {
  keyvault: { from: '2015-06-01', to: '2019-09-01' },
  locks: { from: '2015-01-01', to: '2016-09-01' },
  /** Role assignments and definitions at the hybrid profile's one version (no data actions, no principalType). */
  authorization: { from: '2015-07-01', to: '2015-07-01' },
};

/**
 * Data plane: the numbered versions and their previews as published in azure-rest-api-specs
 * (specification/keyvault/data-plane), and the dated versions since 2025 (secrets 4.12 sends 2026-04-01).
 */
const DATA_NUMBERED = new Set([
  '2016-10-01', '7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6',
  '7.2-preview', '7.3-preview', '7.4-preview.1', '7.5-preview.1', '7.6-preview.1', '7.6-preview.2', '2025-06-01-preview',
]);
const DATA_DATED: Range = { from: '2025-07-01', to: '2026-12-31' };
const DATA_LATEST = { azure: '2025-07-01', stackhub: '2016-10-01' } as const;

const DATE = /^(\d{4}-\d{2}-\d{2})(-preview)?$/;

function inRange(version: string, range: Range): boolean {
  if (range.extra?.includes(version)) return true;
  const m = DATE.exec(version);
  return !!m && m[1] >= range.from && m[1] <= range.to;
}

export function checkArmApiVersion(version: string | null, area: ArmArea, profile: EmulatorProfile = 'azure'): void {
  if (!version) throw wireErrors.missingApiVersionArm();
  const range = (profile === 'stackhub' && STACK_HUB_ARM[area]) || ARM_RANGES[area];
  if (!inRange(version, range)) {
    throw wireErrors.badApiVersionArm(version, `${range.from} … ${range.to}${range.extra ? `, ${range.extra.join(', ')}` : ''}`);
  }
}

export function checkDataApiVersion(version: string | null, profile: EmulatorProfile = 'azure'): void {
  if (!version) throw wireErrors.missingApiVersionData();
  const ok = profile === 'stackhub' ? version === DATA_LATEST.stackhub : DATA_NUMBERED.has(version) || inRange(version, DATA_DATED);
  if (!ok) throw wireErrors.badApiVersionData(version, DATA_LATEST[profile]);
}
