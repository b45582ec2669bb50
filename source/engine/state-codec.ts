/**
 * The state file's text form: JSON, with Maps written as arrays and Dates as ISO strings. Serializing
 * is a generator of small pieces so the writer can slice the work and let reads run in between.
 */
import type { AuditEntry } from '../domain/audit.js';
import { objectKey } from '../domain/names.js';
import { emptyState, type Deleted, type EngineState, type KeyRecord, type SecretRecord, type VaultRecord } from './state.js';

export const STATE_FORMAT = 'kvdeck-state';
export const STATE_VERSION = 1;

const j = JSON.stringify;

/** Yields the JSON text in pieces (one record at a time). `audit` is a copy taken by the caller. */
export function* serializeState(st: EngineState, audit: readonly AuditEntry[], savedAt: number): Generator<string> {
  yield `{"format":${j(STATE_FORMAT)},"version":${STATE_VERSION},"savedAt":${savedAt}`;
  yield `,"tenants":${j(st.tenants)},"subscriptions":${j(st.subscriptions)},"resourceGroups":${j(st.resourceGroups)}`;
  yield `,"principals":${j(st.principals)},"locks":${j(st.locks)},"nextAuditId":${st.nextAuditId},"audit":[`;
  for (let i = 0; i < audit.length; i++) yield (i ? ',' : '') + j(audit[i]);
  yield '],"vaults":[';
  let first = true;
  for (const v of st.vaults.values()) {
    yield first ? '' : ',';
    first = false;
    yield* vaultPieces(v);
  }
  yield '],"deletedVaults":[';
  first = true;
  for (const d of st.deletedVaults.values()) {
    yield `${first ? '' : ','}{"deletedOn":${d.deletedOn},"scheduledPurge":${d.scheduledPurge},"item":`;
    first = false;
    yield* vaultPieces(d.item);
    yield '}';
  }
  yield ']}';
}

function* vaultPieces(v: VaultRecord): Generator<string> {
  const { secrets, deletedSecrets, keys, deletedKeys, ...header } = v;
  yield j(header).slice(0, -1);
  yield ',"secrets":[';
  let first = true;
  for (const s of secrets.values()) {
    yield (first ? '' : ',') + j(s);
    first = false;
  }
  yield `],"deletedSecrets":${j([...deletedSecrets.values()])},"keys":${j([...keys.values()])},"deletedKeys":${j([...deletedKeys.values()])}}`;
}

function fail(what: string): never {
  throw new Error(what);
}

const isArray = (x: unknown, what: string): unknown[] => (Array.isArray(x) ? x : fail(`${what} is not a list`));

function reviveVault(raw: unknown): VaultRecord {
  const r = raw as Record<string, unknown>;
  if (!r || typeof r.name !== 'string' || typeof r.subscriptionId !== 'string') fail('a vault record has no name or subscription');
  const secrets = new Map<string, SecretRecord>();
  for (const s of isArray(r.secrets, `secrets of ${r.name}`) as SecretRecord[]) {
    if (typeof s?.name !== 'string' || !Array.isArray(s.versions)) fail(`a secret of ${r.name} is malformed`);
    secrets.set(objectKey(s.name), s);
  }
  const keys = new Map<string, KeyRecord>();
  for (const k of isArray(r.keys, `keys of ${r.name}`) as KeyRecord[]) keys.set(objectKey(k.name), k);
  const deletedSecrets = new Map<string, Deleted<SecretRecord>>();
  for (const d of isArray(r.deletedSecrets, `deleted secrets of ${r.name}`) as Deleted<SecretRecord>[]) deletedSecrets.set(objectKey(d.item.name), d);
  const deletedKeys = new Map<string, Deleted<KeyRecord>>();
  for (const d of isArray(r.deletedKeys, `deleted keys of ${r.name}`) as Deleted<KeyRecord>[]) deletedKeys.set(objectKey(d.item.name), d);
  isArray(r.accessPolicies, `access policies of ${r.name}`);
  return { ...(r as unknown as VaultRecord), secrets, deletedSecrets, keys, deletedKeys };
}

/** Parses a state file's text; throws an Error saying what is wrong when it is not a complete state. */
export function parseState(text: string): EngineState {
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (!raw || raw.format !== STATE_FORMAT) fail('it is not a kvdeck state file');
  if (raw.version !== STATE_VERSION) fail(`unsupported state version ${String(raw.version)}`);
  const st = emptyState();
  st.tenants = isArray(raw.tenants, 'tenants') as EngineState['tenants'];
  st.subscriptions = isArray(raw.subscriptions, 'subscriptions') as EngineState['subscriptions'];
  st.resourceGroups = isArray(raw.resourceGroups, 'resourceGroups') as EngineState['resourceGroups'];
  st.principals = isArray(raw.principals, 'principals') as EngineState['principals'];
  st.locks = isArray(raw.locks, 'locks') as EngineState['locks'];
  st.nextAuditId = typeof raw.nextAuditId === 'number' ? raw.nextAuditId : fail('nextAuditId is missing');
  st.audit = (isArray(raw.audit, 'audit') as AuditEntry[]).map((e) => ({ ...e, time: new Date(e.time as unknown as string) }));
  for (const v of isArray(raw.vaults, 'vaults')) {
    const rec = reviveVault(v);
    st.vaults.set(objectKey(rec.name), rec);
  }
  for (const d of isArray(raw.deletedVaults, 'deletedVaults') as Deleted<unknown>[]) {
    const rec = reviveVault(d.item);
    if (typeof d.deletedOn !== 'number' || typeof d.scheduledPurge !== 'number') fail(`deleted vault ${rec.name} has no dates`);
    st.deletedVaults.set(objectKey(rec.name), { item: rec, deletedOn: d.deletedOn, scheduledPurge: d.scheduledPurge });
  }
  return st;
}
