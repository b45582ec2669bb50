/**
 * `kvdeck access VAULT [--json]`: who can do what in a vault, in whichever model it uses. An
 * access-policy vault lists its policies; an Azure RBAC vault lists the role assignments that apply
 * to it — its own, those inherited from its resource group and subscription, and those on single
 * secrets, keys or certificates — each with the role's data actions. Text for people, `--json` for
 * scripts. Names come from the directory (Graph on Azure); text from it is never sent raw to a terminal.
 */
import type { Backend } from '../backend/backend.js';
import { assignmentsApplying } from '../domain/access-advice.js';
import { grants, PERMISSIONS, type PermissionArea, type Permissions } from '../domain/access-policy.js';
import { parseAccessScope, scopeContains, type AccessScopeKind } from '../domain/access-scope.js';
import { ALL_DATA_ACTIONS, roleAllows } from '../domain/actions.js';
import type { Principal } from '../domain/directory.js';
import { errors } from '../domain/errors.js';
import { roleById } from '../domain/role-definitions.js';
import type { Vault } from '../domain/vault.js';
import { parseTarget, run } from './oneshot.js';

export interface AccessReportPrincipal {
  principalId: string;
  /** The directory's name for it, when it has one. */
  principalName?: string;
  principalKind?: Principal['kind'];
}

export interface AccessReport {
  vault: string;
  id: string;
  model: 'accessPolicies' | 'rbac';
  accessPolicies?: (AccessReportPrincipal & { permissions: Permissions })[];
  roleAssignments?: AccessReportAssignment[];
}

export interface AccessReportAssignment extends AccessReportPrincipal {
  id: string;
  role?: string;
  roleDefinitionId: string;
  scope: string;
  scopeKind?: AccessScopeKind;
  /** How the assignment reaches the vault: at it, inherited from above, or on one object in it. */
  applies: 'vault' | 'inherited' | 'object';
  /** The role's data actions (what it allows inside the vault). */
  dataActions: string[];
}

/**
 * Where an assignment applies, in words (this command's table and the console's Access pane): "this
 * vault", "secrets/smtp-password", "inherited from subscription Contoso Production".
 */
export function assignmentWhere(a: AccessReportAssignment, vaultId: string, subscriptionNames: ReadonlyMap<string, string> = new Map()): string {
  if (a.applies === 'vault') return 'this vault';
  if (a.applies === 'object') return printable(a.scope.slice(vaultId.length + 1));
  const s = parseAccessScope(a.scope);
  if (s?.kind === 'subscription') return `inherited from subscription ${printable(subscriptionNames.get(s.subscriptionId.toLowerCase()) ?? s.subscriptionId)}`;
  if (s?.kind === 'resourceGroup') return `inherited from resource group ${printable(s.resourceGroup!)}`;
  return `inherited from ${printable(a.scope)}`;
}

/** The report of one vault (also what the Access pane can render). */
export async function accessReport(backend: Backend, vault: Vault): Promise<AccessReport> {
  const principals = new Map<string, Principal | undefined>();
  const who = async (principalId: string): Promise<AccessReportPrincipal> => {
    if (!principals.has(principalId)) principals.set(principalId, await backend.directory.getPrincipal(principalId).catch(() => undefined));
    const p = principals.get(principalId);
    return { principalId, ...(p ? { principalName: p.displayName, principalKind: p.kind } : {}) };
  };
  const base = { vault: vault.name, id: vault.id };
  if (!vault.enableRbacAuthorization) {
    const accessPolicies = await Promise.all(vault.accessPolicies.map(async (p) => ({ ...(await who(p.objectId)), permissions: p.permissions })));
    return { ...base, model: 'accessPolicies', accessPolicies };
  }
  const all = await backend.access.listRoleAssignments(vault.id);
  const above = new Set(assignmentsApplying(all, vault.id).filter((a) => a.inherited).map((a) => a.assignment.id));
  const order = { vault: 0, object: 1, inherited: 2 };
  const roleAssignments = (await Promise.all(
    all
      .filter((a) => scopeContains(a.scope, vault.id) || scopeContains(vault.id, a.scope))
      .map(async (a) => {
        const role = roleById(a.roleDefinitionId);
        return {
          ...(await who(a.principalId)),
          id: a.id,
          ...(role ? { role: role.roleName } : {}),
          roleDefinitionId: a.roleDefinitionId,
          scope: a.scope,
          ...(parseAccessScope(a.scope) ? { scopeKind: parseAccessScope(a.scope)!.kind } : {}),
          applies: above.has(a.id) ? 'inherited' as const : scopeContains(a.scope, vault.id) ? 'vault' as const : 'object' as const,
          dataActions: role ? ALL_DATA_ACTIONS.filter((d) => roleAllows(role, d, 'dataAction')) : [],
        };
      }),
  )).sort((a, b) => order[a.applies] - order[b.applies] || b.scope.length - a.scope.length);
  return { ...base, model: 'rbac', roleAssignments };
}

/** Control characters (escape sequences) from the directory never reach the terminal. */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

const nameOf = (p: AccessReportPrincipal) => printable(p.principalName ?? p.principalId);
const AREAS = ['secrets', 'keys', 'certificates', 'storage'] as const;

/** A permission list in few words: `all`, `all but release`, or the list itself. */
function compact(area: PermissionArea, list: readonly string[]): string {
  if (list.length === 0) return '-';
  if (list.some((x) => x.toLowerCase() === 'all')) return 'all';
  const missing = PERMISSIONS[area].filter((x) => x !== 'all' && !grants(list, x));
  if (missing.length === 0) return 'all';
  return missing.length <= 2 ? `all but ${missing.join(',')}` : list.join(',');
}

export function accessText(r: AccessReport, subscriptionNames: ReadonlyMap<string, string> = new Map()): string {
  if (r.model === 'accessPolicies') {
    const rows = [['PRINCIPAL', 'KIND', ...AREAS.map((a) => a.toUpperCase())]];
    for (const p of r.accessPolicies ?? []) rows.push([nameOf(p), p.principalKind ?? '', ...AREAS.map((a) => compact(a, p.permissions[a]))]);
    return `${r.vault}: access policies (${(r.accessPolicies ?? []).length})\n${table(rows)}\n`;
  }
  const rows = [['PRINCIPAL', 'KIND', 'ROLE', 'WHERE']];
  for (const a of r.roleAssignments ?? []) rows.push([nameOf(a), a.principalKind ?? '', printable(a.role ?? a.roleDefinitionId), assignmentWhere(a, r.id, subscriptionNames)]);
  return `${r.vault}: Azure RBAC (${(r.roleAssignments ?? []).length} role assignments)\n${table(rows)}\n`;
}

export function runAccess(argv: string[]): Promise<number> {
  return run('access', argv, ({ arg, opts }) => parseTarget(arg ?? opts.defaultVault, undefined, false), async (backend, t, { flags }) => {
    const vault = (await backend.vaults.list()).find((v) => v.name.toLowerCase() === t.vault.toLowerCase());
    if (!vault) throw errors.vaultNotFound(t.vault);
    const report = await accessReport(backend, vault);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const subscriptions = await backend.directory.listSubscriptions().catch(() => []);
    process.stdout.write(accessText(report, new Map(subscriptions.map((x) => [x.id.toLowerCase(), x.displayName]))));
  });
}
