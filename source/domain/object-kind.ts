/**
 * The kinds of versioned objects a vault holds, as one table every layer reads: the engine's
 * lifecycle, the backends, the emulator's routes and the bin all dispatch on `ObjectKind` instead of
 * writing a copy per kind. Adding a kind is adding a row here (and its own operations elsewhere).
 */
import type { PermissionArea } from './access-policy.js';

export type ObjectKind = 'secret' | 'key' | 'certificate';

export interface ObjectKindInfo {
  kind: ObjectKind;
  /** "Secret", "Key", "Certificate": how Key Vault's messages name the kind ("Secret X is currently in a deleted…"). */
  label: ObjectLabel;
  /** The access-policy area and the data-plane path segment: /secrets, /keys, /certificates. */
  area: Extract<PermissionArea, 'secrets' | 'keys' | 'certificates'>;
  /** The data-plane path of the bin: /deletedsecrets, /deletedkeys, /deletedcertificates. */
  deletedArea: 'deletedsecrets' | 'deletedkeys' | 'deletedcertificates';
  /** Prefix of Key Vault's audit operation names: SecretGet, KeyDelete, CertificateCreate, … */
  auditPrefix: ObjectLabel;
  /**
   * The kinds whose same-named objects this kind owns: a certificate is three objects with one name (its
   * key and its secret are `managed`), and they are deleted, recovered and purged with it.
   */
  linked: readonly ObjectKind[];
}

export type ObjectLabel = 'Secret' | 'Key' | 'Certificate';

export const OBJECT_KINDS: Readonly<Record<ObjectKind, ObjectKindInfo>> = {
  secret: { kind: 'secret', label: 'Secret', area: 'secrets', deletedArea: 'deletedsecrets', auditPrefix: 'Secret', linked: [] },
  key: { kind: 'key', label: 'Key', area: 'keys', deletedArea: 'deletedkeys', auditPrefix: 'Key', linked: [] },
  certificate: {
    kind: 'certificate', label: 'Certificate', area: 'certificates', deletedArea: 'deletedcertificates', auditPrefix: 'Certificate', linked: ['key', 'secret'],
  },
};

export const OBJECT_KIND_LIST: readonly ObjectKind[] = Object.keys(OBJECT_KINDS) as ObjectKind[];
