/**
 * The wire of each object kind, as one table: what a list item, a bin entry (as listed and as got) and a
 * recovered or restored object look like on the wire. The lifecycle routes (lifecycle.ts) are written
 * once over this table.
 */
import type { ObjectKindTypes } from '../../backend/backend.js';
import type { ObjectKind } from '../../domain/object-kind.js';
import { certificateBundle, certificateItem, deletedCertificateBody, listedCertificate, listedDeletedCertificate } from './certificate-wire.js';
import { deletedKeyBody, deletedSecretBody, keyBundle, keyItem, listedDeletedKey, listedDeletedSecret, listedKey, listedSecret, secretBundle, secretItem, secretWithValue } from './wire.js';

export interface KindWire<K extends ObjectKind> {
  kind: K;
  /** A listed object: Key Vault lists unversioned ids. */
  item(p: ObjectKindTypes[K]['props']): unknown;
  /** One entry of a version listing: versioned id. */
  versionItem(p: ObjectKindTypes[K]['props']): unknown;
  deletedItem(d: ObjectKindTypes[K]['deleted']): unknown;
  deleted(d: ObjectKindTypes[K]['deleted']): unknown;
  restored(x: ObjectKindTypes[K]['restored']): unknown;
  /** A get's answer. */
  full(x: ObjectKindTypes[K]['full']): unknown;
}

export const KIND_WIRES: { [K in ObjectKind]: KindWire<K> } = {
  secret: { kind: 'secret', item: listedSecret, versionItem: secretItem, deletedItem: listedDeletedSecret, deleted: deletedSecretBody, restored: (p) => secretBundle(p), full: secretWithValue },
  key: { kind: 'key', item: listedKey, versionItem: keyItem, deletedItem: listedDeletedKey, deleted: deletedKeyBody, restored: keyBundle, full: keyBundle },
  certificate: {
    kind: 'certificate', item: listedCertificate, versionItem: certificateItem, deletedItem: listedDeletedCertificate, deleted: deletedCertificateBody,
    restored: certificateBundle, full: certificateBundle,
  },
};
