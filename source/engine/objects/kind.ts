/**
 * What an object kind tells the generic lifecycle (versioned-part.ts): its row of the domain's kind
 * table, its not-found errors, how its records become domain objects, and what its backup versions must
 * hold. Everything else about a kind (a secret's value, a key's crypto) stays in its own part.
 */
import type { KeyVaultError } from '../../domain/errors.js';
import { deletedObjectId } from '../../domain/ids.js';
import type { ObjectKind, ObjectKindInfo } from '../../domain/object-kind.js';
import type { EngineCore } from '../core.js';
import type { Deleted, ObjectRecord, VaultRecord } from '../state.js';

export interface KindSpec<R extends ObjectRecord, Props, DeletedItem, Restored, Full> {
  info: ObjectKindInfo;
  notFound(nameOrId: string): KeyVaultError;
  deletedNotFound(name: string): KeyVaultError;
  /** One version's properties (what listings return). */
  properties(core: EngineCore, vault: VaultRecord, r: R, v: R['versions'][number]): Props;
  /**
   * The vault-level parts every Props depends on, as one comparable string: listing entries are reused
   * while it is unchanged (see NameIndex.page).
   */
  stamp(core: EngineCore, vault: VaultRecord): string;
  deleted(core: EngineCore, vault: VaultRecord, d: Deleted<R>): DeletedItem;
  /** One version as `get` returns it (`latest`: no version was named — a certificate then carries its policy). */
  full(core: EngineCore, vault: VaultRecord, r: R, v: R['versions'][number], latest: boolean): Full;
  /** Refuses to read a version that may not be read (a disabled secret). */
  readable?(v: R['versions'][number]): void;
  /** What recover and restore return: the latest version (its properties, or the whole object). */
  restored(core: EngineCore, vault: VaultRecord, r: R): Restored;
  /** The kind-specific fields a version in a backup blob must have. */
  backupVersionOk(v: Record<string, unknown>): boolean;
  /** The same check for the kinds this kind owns (info.linked), whose records travel in its backups. */
  linkedBackupVersionOk?: Partial<Record<ObjectKind, (v: Record<string, unknown>) => boolean>>;
}

export const latest = <R extends ObjectRecord>(r: R): R['versions'][number] => r.versions[r.versions.length - 1];

/** What every bin entry carries, whatever its kind: its recovery id and its dates. */
export function binFields(core: EngineCore, vault: VaultRecord, info: ObjectKindInfo, d: Deleted<ObjectRecord>) {
  return {
    recoveryId: deletedObjectId(core.vaultUri(vault.name), info.kind, d.item.name),
    deletedOn: new Date(d.deletedOn),
    scheduledPurgeDate: new Date(d.scheduledPurge),
  };
}

/** The vault-level parts a kind's properties usually depend on: URI, recovery level, retention, name. */
export const vaultStamp = (core: EngineCore, vault: VaultRecord): string =>
  `${core.vaultUri(vault.name)}\n${core.recoveryLevel(vault)}\n${vault.softDeleteRetentionDays}\n${vault.name}`;
