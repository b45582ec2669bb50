/** Key Vault's limit on a secret value: 25 KB of UTF-8 bytes (not characters). */
export const MAX_SECRET_VALUE_BYTES = 25_600;

/** Why a value cannot be stored, for the engine and the forms; undefined when it can. Never quotes the value. */
export function secretValueProblem(value: string): string | undefined {
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes > MAX_SECRET_VALUE_BYTES ? `The secret value is ${bytes} bytes long in UTF-8; at most ${MAX_SECRET_VALUE_BYTES} are allowed.` : undefined;
}
export const MAX_CONTENT_TYPE_LENGTH = 255;

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
