/**
 * The wire of each object kind, as one table: what a list item, a bin entry (as listed and as got) and a
 * recovered or restored object look like on the wire. The lifecycle routes (lifecycle.ts) are written
 * once over this table.
 */
import type { ObjectKindTypes } from '../../backend/backend.js';
import type { ObjectKind } from '../../domain/object-kind.js';
import { certificateBundle, certificateItem, deletedCertificateBody, deletedCertificateItem } from './certificate-wire.js';
import { deletedKeyBody, deletedKeyItem, deletedSecretBody, keyBundle, keyItem, secretBundle, secretItem, secretWithValue } from './wire.js';

export interface KindWire<K extends ObjectKind> {
  kind: K;
  item(p: ObjectKindTypes[K]['props']): unknown;
  deletedItem(d: ObjectKindTypes[K]['deleted']): unknown;
  deleted(d: ObjectKindTypes[K]['deleted']): unknown;
  restored(x: ObjectKindTypes[K]['restored']): unknown;
  /** A get's answer. */
  full(x: ObjectKindTypes[K]['full']): unknown;
}

export const KIND_WIRES: { [K in ObjectKind]: KindWire<K> } = {
  secret: { kind: 'secret', item: secretItem, deletedItem: deletedSecretBody, deleted: deletedSecretBody, restored: (p) => secretBundle(p), full: secretWithValue },
  key: { kind: 'key', item: keyItem, deletedItem: deletedKeyItem, deleted: deletedKeyBody, restored: keyBundle, full: keyBundle },
  certificate: {
    kind: 'certificate', item: certificateItem, deletedItem: deletedCertificateItem, deleted: deletedCertificateBody, restored: certificateBundle, full: certificateBundle,
  },
};
