/**
 * The kinds of versioned objects a vault holds, as one table every layer reads: the engine's
 * lifecycle, the backends, the emulator's routes and the bin all dispatch on `ObjectKind` instead of
 * writing a copy per kind. Adding a kind is adding a row here (and its own operations elsewhere).
 */
import type { PermissionArea } from './access-policy.js';

export type ObjectKind = 'secret' | 'key';

export interface ObjectKindInfo {
  kind: ObjectKind;
  /** "Secret", "Key": how Key Vault's messages name the kind ("Secret X is currently in a deleted…"). */
  label: 'Secret' | 'Key';
  /** The access-policy area and the data-plane path segment: /secrets, /keys. */
  area: Extract<PermissionArea, 'secrets' | 'keys'>;
  /** The data-plane path of the bin: /deletedsecrets, /deletedkeys. */
  deletedArea: 'deletedsecrets' | 'deletedkeys';
  /** Prefix of Key Vault's audit operation names: SecretGet, KeyDelete, … */
  auditPrefix: 'Secret' | 'Key';
}

export const OBJECT_KINDS: Readonly<Record<ObjectKind, ObjectKindInfo>> = {
  secret: { kind: 'secret', label: 'Secret', area: 'secrets', deletedArea: 'deletedsecrets', auditPrefix: 'Secret' },
  key: { kind: 'key', label: 'Key', area: 'keys', deletedArea: 'deletedkeys', auditPrefix: 'Key' },
};

export const OBJECT_KIND_LIST: readonly ObjectKind[] = Object.keys(OBJECT_KINDS) as ObjectKind[];
