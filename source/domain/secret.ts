export const MAX_SECRET_VALUE_LENGTH = 25_600;
export const MAX_CONTENT_TYPE_LENGTH = 255;
export const MAX_TAGS = 15;
export const MAX_TAG_PART_LENGTH = 512;

export type RecoveryLevel =
  | 'Recoverable+Purgeable'
  | 'Recoverable'
  | 'CustomizedRecoverable+Purgeable'
  | 'CustomizedRecoverable';

/** What every version of every kind carries: its place, its attributes and tags (what list operations return of it). */
export interface VersionProperties {
  vaultName: string;
  name: string;
  /** 32 lowercase hex characters. */
  version: string;
  /** {vaultUri}secrets/{name}/{version}, {vaultUri}keys/…, {vaultUri}certificates/… */
  id: string;
  tags: Record<string, string>;
  enabled: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  createdOn: Date;
  updatedOn: Date;
  recoveryLevel: RecoveryLevel;
  recoverableDays: number;
}

/** A secret version's metadata: everything but the value (what list operations return). */
export interface SecretProperties extends VersionProperties {
  contentType?: string;
  /** The secret of a certificate (its PFX or PEM): it changes only with the certificate. */
  managed?: boolean;
  /** For a certificate's secret: the certificate's key, same name and version. */
  keyId?: string;
}

export interface Secret {
  properties: SecretProperties;
  value: string;
}

export interface SecretSetInput {
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled?: boolean;
  notBefore?: Date;
  expiresOn?: Date;
}

/** `null` clears a date; `undefined` leaves it as it is. */
export interface SecretUpdateInput {
  contentType?: string;
  tags?: Record<string, string>;
  enabled?: boolean;
  notBefore?: Date | null;
  expiresOn?: Date | null;
}

export interface DeletedSecret {
  properties: SecretProperties;
  /** {vaultUri}deletedsecrets/{name} */
  recoveryId: string;
  deletedOn: Date;
  scheduledPurgeDate: Date;
}
