/**
 * Backup blobs: opaque bytes to the caller. Inside, a versioned JSON envelope (base64url) with a kind
 * marker, so a secret backup cannot be restored as a key. The blob holds the values and private key
 * material, as Azure's does (Azure's is encrypted with a vault-geography key; this one is only encoded —
 * treat it like the secret it carries).
 */
import { errors } from '../domain/errors.js';
import { isValidObjectName, isValidVersion } from '../domain/names.js';
import type { KeyRecord, SecretRecord } from './state.js';

const MAGIC = 'KVDECK-BACKUP.';
const FORMAT_VERSION = 1;

type Kind = 'secret' | 'key';
interface Envelope {
  format: 'kvdeck-backup';
  v: number;
  kind: Kind;
  item: SecretRecord | KeyRecord;
}

function encode(kind: Kind, item: SecretRecord | KeyRecord): Uint8Array {
  const envelope: Envelope = { format: 'kvdeck-backup', v: FORMAT_VERSION, kind, item };
  return new Uint8Array(Buffer.from(MAGIC + Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url'), 'ascii'));
}

const corrupt = () => errors.badParameter('The backup blob is corrupt or was not produced by Key Vault.');

function decode(blob: Uint8Array, kind: Kind): unknown {
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
    throw errors.badParameter(`The backup blob holds a ${env.kind === 'key' ? 'key' : 'secret'}, not a ${kind}.`);
  }
  return env.item;
}

/** Shape checks shared by both kinds: a valid name and at least one version with the common fields. */
function checkCommon(item: unknown): item is { name: string; versions: Record<string, unknown>[] } {
  const r = item as { name?: unknown; versions?: unknown };
  if (typeof r?.name !== 'string' || !isValidObjectName(r.name) || !Array.isArray(r.versions) || r.versions.length === 0) return false;
  return r.versions.every(
    (v: Record<string, unknown>) =>
      v && typeof v.version === 'string' && isValidVersion(v.version) && typeof v.enabled === 'boolean' &&
      typeof v.created === 'number' && typeof v.updated === 'number' && typeof v.tags === 'object' && v.tags !== null,
  );
}

export const encodeSecretBackup = (record: SecretRecord): Uint8Array => encode('secret', record);
export const encodeKeyBackup = (record: KeyRecord): Uint8Array => encode('key', record);

export function decodeSecretBackup(blob: Uint8Array): SecretRecord {
  const item = decode(blob, 'secret');
  if (!checkCommon(item) || !item.versions.every((v) => typeof v.value === 'string')) throw corrupt();
  return item as unknown as SecretRecord;
}

export function decodeKeyBackup(blob: Uint8Array): KeyRecord {
  const item = decode(blob, 'key');
  if (
    !checkCommon(item) ||
    !item.versions.every((v) => typeof v.keyType === 'string' && Array.isArray(v.keyOps) && typeof v.privateJwk === 'object' && v.privateJwk !== null)
  ) {
    throw corrupt();
  }
  return item as unknown as KeyRecord;
}
