/**
 * The state file's text form: JSON, with Maps written as arrays and Dates as ISO strings. Serializing
 * is a generator of small pieces so the writer can slice the work and let reads run in between.
 */
import type { AuditEntry } from '../domain/audit.js';
import { OBJECT_KIND_LIST, type ObjectKind } from '../domain/object-kind.js';
import type { RoleAssignment } from '../domain/role-assignment.js';
import type { Deleted, ObjectRecord, VaultHeaderInput, VaultRecord } from './state.js';
import type { ObjectStore } from './store/object-store.js';
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

/**
 * Where each kind's objects go in a vault's JSON. Certificates came later: a file without them is a
 * state from before, with none.
 */
const KIND_FIELDS: Record<ObjectKind, { active: string; deleted: string; optional?: boolean }> = {
  secret: { active: 'secrets', deleted: 'deletedSecrets' },
  key: { active: 'keys', deleted: 'deletedKeys' },
  certificate: { active: 'certificates', deleted: 'deletedCertificates', optional: true },
};

function* vaultPieces(v: VaultRecord): Generator<string> {
  const { objects, ...header } = v;
  yield j(header).slice(0, -1);
  for (const kind of OBJECT_KIND_LIST) {
    const store = objects[kind] as ObjectStore<ObjectRecord>;
    yield `,${j(KIND_FIELDS[kind].active)}:[`;
    let first = true;
    for (const r of store.records()) {
      yield (first ? '' : ',') + j(r);
      first = false;
    }
    yield `],${j(KIND_FIELDS[kind].deleted)}:${j([...store.deletedRecords()])}`;
  }
  yield '}';
}

function fail(what: string): never {
  throw new Error(what);
}

const isArray = (x: unknown, what: string): unknown[] => (Array.isArray(x) ? x : fail(`${what} is not a list`));

/** The header of a vault as written, and fills a record created from it with its objects. */
function readVault(raw: unknown): { header: VaultHeaderInput; fill: (v: VaultRecord) => void } {
  const r = raw as Record<string, unknown>;
  if (!r || typeof r.name !== 'string' || typeof r.subscriptionId !== 'string') fail('a vault record has no name or subscription');
  isArray(r.accessPolicies, `access policies of ${r.name}`);
  const header: Record<string, unknown> = { ...r };
  const lists = OBJECT_KIND_LIST.map((kind) => {
    const f = KIND_FIELDS[kind];
    const read = (field: string) => (f.optional && r[field] === undefined ? [] : isArray(r[field], `${field} of ${r.name}`));
    const active = read(f.active) as ObjectRecord[];
    for (const o of active) if (typeof o?.name !== 'string' || !Array.isArray(o.versions)) fail(`an object in ${f.active} of ${r.name} is malformed`);
    delete header[f.active];
    delete header[f.deleted];
    return { kind, active, deleted: read(f.deleted) as Deleted<ObjectRecord>[] };
  });
  return {
    header: header as unknown as VaultHeaderInput,
    fill: (v) => {
      for (const l of lists) {
        const store = v.objects[l.kind] as ObjectStore<ObjectRecord>;
        for (const o of l.active) store.insert(o);
        for (const d of l.deleted) store.insertDeleted(d);
      }
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
