/**
 * Backup blobs: opaque bytes to the caller. Inside, a versioned JSON envelope (base64url) with a kind
 * marker, so a secret backup cannot be restored as a key. The blob holds the values and private key
 * material, as Azure's does (Azure's is encrypted with a vault-geography key; this one is only encoded —
 * treat it like the secret it carries).
 */
import { errors } from '../../domain/errors.js';
import { isValidObjectName, isValidVersion } from '../../domain/names.js';
import { OBJECT_KINDS, type ObjectKind } from '../../domain/object-kind.js';
import type { ObjectRecord } from '../state.js';

const MAGIC = 'KVDECK-BACKUP.';
const FORMAT_VERSION = 1;

interface Envelope {
  format: 'kvdeck-backup';
  v: number;
  kind: ObjectKind;
  item: ObjectRecord;
  /** The objects this one owns (a certificate's key and secret), by kind. */
  linked?: Partial<Record<ObjectKind, ObjectRecord>>;
}

export type LinkedRecords = Partial<Record<ObjectKind, ObjectRecord>>;

export function encodeBackup(kind: ObjectKind, item: ObjectRecord, linked?: LinkedRecords): Uint8Array {
  const envelope: Envelope = { format: 'kvdeck-backup', v: FORMAT_VERSION, kind, item, ...(linked && Object.keys(linked).length ? { linked } : {}) };
  return new Uint8Array(Buffer.from(MAGIC + Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url'), 'ascii'));
}

const corrupt = () => errors.badParameter('The backup blob is corrupt or was not produced by Key Vault.');

/** Shape checks every kind shares: a valid name and at least one version with the common fields. */
function isObjectRecord(item: unknown): item is ObjectRecord & { versions: Record<string, unknown>[] } {
  const r = item as { name?: unknown; versions?: unknown };
  if (typeof r?.name !== 'string' || !isValidObjectName(r.name) || !Array.isArray(r.versions) || r.versions.length === 0) return false;
  return r.versions.every(
    (v: Record<string, unknown>) =>
      v && typeof v.version === 'string' && isValidVersion(v.version) && typeof v.enabled === 'boolean' &&
      typeof v.created === 'number' && typeof v.updated === 'number' && typeof v.tags === 'object' && v.tags !== null,
  );
}

type VersionCheck = (v: Record<string, unknown>) => boolean;

/**
 * The record inside a blob of this kind, and the records it owns; `versionOk` checks what each kind adds
 * to its versions. A blob of another kind says so; anything else is "corrupt".
 */
export function decodeBackup<R extends ObjectRecord>(
  blob: Uint8Array, kind: ObjectKind, versionOk: VersionCheck, linkedOk: Partial<Record<ObjectKind, VersionCheck>> = {},
): { item: R; linked: LinkedRecords } {
  const text = Buffer.from(blob).toString('ascii');
  if (!text.startsWith(MAGIC)) throw corrupt();
  let env: Partial<Envelope>;
  try {
    env = JSON.parse(Buffer.from(text.slice(MAGIC.length), 'base64url').toString('utf8')) as Partial<Envelope>;
  } catch {
    throw corrupt();
  }
  if (!env || env.format !== 'kvdeck-backup' || env.v !== FORMAT_VERSION || !env.item) throw corrupt();
  if (env.kind !== kind) {
    // The kind comes from the blob: name it only when it is one we know.
    if (!Object.hasOwn(OBJECT_KINDS, String(env.kind))) throw corrupt();
    throw errors.badParameter(`The backup blob holds a ${env.kind}, not a ${kind}.`);
  }
  const item = env.item as unknown;
  if (!isObjectRecord(item) || !item.versions.every(versionOk)) throw corrupt();
  const linked: LinkedRecords = {};
  for (const [k, ok] of Object.entries(linkedOk) as [ObjectKind, VersionCheck][]) {
    const r = env.linked?.[k] as unknown;
    if (r === undefined) continue;
    if (!isObjectRecord(r) || r.name.toLowerCase() !== item.name.toLowerCase() || !r.versions.every(ok)) throw corrupt();
    linked[k] = r;
  }
  return { item: item as unknown as R, linked };
}
