/** What every kind's SDK properties carry (place, attributes, tags) → the domain's VersionProperties. */
import type { RecoveryLevel, VersionProperties } from '../../domain/secret.js';

export interface SdkVersionProperties {
  name?: string;
  version?: string;
  id?: string;
  enabled?: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  createdOn?: Date;
  updatedOn?: Date;
  tags?: Record<string, string>;
  recoveryLevel?: string;
  recoverableDays?: number;
}

export function versionPropertiesFromSdk(vaultName: string, p: SdkVersionProperties): VersionProperties {
  return {
    vaultName,
    name: p.name ?? '',
    version: p.version ?? '',
    id: p.id ?? '',
    tags: { ...(p.tags ?? {}) },
    enabled: p.enabled ?? true,
    ...(p.notBefore ? { notBefore: p.notBefore } : {}),
    ...(p.expiresOn ? { expiresOn: p.expiresOn } : {}),
    createdOn: p.createdOn ?? new Date(0),
    updatedOn: p.updatedOn ?? p.createdOn ?? new Date(0),
    recoveryLevel: (p.recoveryLevel ?? 'Recoverable+Purgeable') as RecoveryLevel,
    recoverableDays: p.recoverableDays ?? 0,
  };
}
