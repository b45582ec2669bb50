/**
 * The state file's text form: JSON, with Maps written as arrays and Dates as ISO strings. Serializing
 * is a generator of small pieces so the writer can slice the work and let reads run in between.
 */
import type { AuditEntry } from '../domain/audit.js';
import type { RoleAssignment } from '../domain/role-assignment.js';
import type { Deleted, KeyRecord, SecretRecord, VaultHeaderInput, VaultRecord } from './state.js';
import { Store } from './store/store.js';

export const STATE_FORMAT = 'kvdeck-state';
export const STATE_VERSION = 1;

const j = JSON.stringify;

/** Yields the JSON text in pieces (one record at a time). `audit` is a copy taken by the caller. */
export function* serializeState(st: Store, audit: readonly AuditEntry[], savedAt: number): Generator<string> {
  yield `{"format":${j(STATE_FORMAT)},"version":${STATE_VERSION},"savedAt":${savedAt}`;
  yield `,"tenants":${j(st.tenants)},"subscriptions":${j(st.subscriptions)},"resourceGroups":${j(st.resourceGroups)}`;
  yield `,"principals":${j(st.principals)},"locks":${j(st.locks.all())},"roleAssignments":${j([...st.roleAssignments.all()])}`;
  yield `,"nextAuditId":${st.audit.nextId},"audit":[`;
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
  for (const d of st.vaults.deletedValues()) {
    yield `${first ? '' : ','}{"deletedOn":${d.deletedOn},"scheduledPurge":${d.scheduledPurge},"item":`;
    first = false;
    yield* vaultPieces(d.item);
    yield '}';
  }
  yield ']}';
}

function* vaultPieces(v: VaultRecord): Generator<string> {
  const { objects, ...header } = v;
  yield j(header).slice(0, -1);
  yield ',"secrets":[';
  let first = true;
  for (const s of objects.secret.records()) {
    yield (first ? '' : ',') + j(s);
    first = false;
  }
  yield `],"deletedSecrets":${j([...objects.secret.deletedRecords()])},"keys":${j([...objects.key.records()])},"deletedKeys":${j([...objects.key.deletedRecords()])}}`;
}

function fail(what: string): never {
  throw new Error(what);
}

const isArray = (x: unknown, what: string): unknown[] => (Array.isArray(x) ? x : fail(`${what} is not a list`));

/** The header of a vault as written, and fills a record created from it with its objects. */
function readVault(raw: unknown): { header: VaultHeaderInput; fill: (v: VaultRecord) => void } {
  const r = raw as Record<string, unknown>;
  if (!r || typeof r.name !== 'string' || typeof r.subscriptionId !== 'string') fail('a vault record has no name or subscription');
  const secrets = isArray(r.secrets, `secrets of ${r.name}`) as SecretRecord[];
  for (const s of secrets) if (typeof s?.name !== 'string' || !Array.isArray(s.versions)) fail(`a secret of ${r.name} is malformed`);
  const keys = isArray(r.keys, `keys of ${r.name}`) as KeyRecord[];
  const deletedSecrets = isArray(r.deletedSecrets, `deleted secrets of ${r.name}`) as Deleted<SecretRecord>[];
  const deletedKeys = isArray(r.deletedKeys, `deleted keys of ${r.name}`) as Deleted<KeyRecord>[];
  isArray(r.accessPolicies, `access policies of ${r.name}`);
  const { secrets: _s, keys: _k, deletedSecrets: _ds, deletedKeys: _dk, ...header } = r;
  return {
    header: header as unknown as VaultHeaderInput,
    fill: (v) => {
      for (const s of secrets) v.objects.secret.insert(s);
      for (const k of keys) v.objects.key.insert(k);
      for (const d of deletedSecrets) v.objects.secret.insertDeleted(d);
      for (const d of deletedKeys) v.objects.key.insertDeleted(d);
    },
  };
}

/**
 * Parses a state file's text into a new store; throws an Error saying what is wrong when it is not a
 * complete state. `rolesMissing`: the file predates role assignments (the caller decides what to grant).
 */
export function parseState(text: string): { store: Store; rolesMissing: boolean } {
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (!raw || raw.format !== STATE_FORMAT) fail('it is not a kvdeck state file');
  if (raw.version !== STATE_VERSION) fail(`unsupported state version ${String(raw.version)}`);
  const st = new Store();
  for (const t of isArray(raw.tenants, 'tenants') as Store['tenants']) st.addTenant(t);
  for (const s of isArray(raw.subscriptions, 'subscriptions') as Store['subscriptions']) st.addSubscription(s);
  for (const g of isArray(raw.resourceGroups, 'resourceGroups') as Store['resourceGroups']) st.addResourceGroup(g);
  for (const p of isArray(raw.principals, 'principals') as Store['principals']) st.addPrincipal(p);
  for (const l of isArray(raw.locks, 'locks') as ReturnType<Store['locks']['all']>) st.locks.put(l);
  const rolesMissing = raw.roleAssignments === undefined;
  for (const a of rolesMissing ? [] : (isArray(raw.roleAssignments, 'roleAssignments') as RoleAssignment[])) {
    if (typeof a?.id !== 'string' || typeof a.scope !== 'string' || typeof a.principalId !== 'string') fail('a role assignment is malformed');
    st.roleAssignments.put({ ...a, ...(a.createdOn ? { createdOn: new Date(a.createdOn as unknown as string) } : {}) });
  }
  const nextAuditId = typeof raw.nextAuditId === 'number' ? raw.nextAuditId : fail('nextAuditId is missing');
  st.audit.load((isArray(raw.audit, 'audit') as AuditEntry[]).map((e) => ({ ...e, time: new Date(e.time as unknown as string) })), nextAuditId);
  for (const v of isArray(raw.vaults, 'vaults')) {
    const { header, fill } = readVault(v);
    fill(st.vaults.create(header));
  }
  for (const d of isArray(raw.deletedVaults, 'deletedVaults') as Deleted<unknown>[]) {
    const { header, fill } = readVault(d.item);
    if (typeof d.deletedOn !== 'number' || typeof d.scheduledPurge !== 'number') fail(`deleted vault ${header.name} has no dates`);
    fill(st.vaults.insertDeleted(header, { deletedOn: d.deletedOn, scheduledPurge: d.scheduledPurge }));
  }
  return { store: st, rolesMissing };
}
