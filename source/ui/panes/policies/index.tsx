/**
 * The Access pane: who may use the selected vault, in whichever model it uses. A vault with access
 * policies lists them here — principal (name, kind, objectId) and permissions in compact form; detail;
 * add from a portal template or one by one; edit; remove; and "switch to Azure RBAC" (migration.tsx).
 * A vault that uses Azure RBAC shows its role assignments instead (rbac-view.tsx).
 */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import { useEffect, useState } from 'react';
import type { Backend } from '../../../backend/backend.js';
import { emptyPermissions, type AccessPolicy, type Permissions } from '../../../domain/access-policy.js';
import type { Principal } from '../../../domain/directory.js';
import { useApp, type AppServices } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import type { PaneDefinition, PaneProps } from '../contract.js';
import { POLICY_COLUMNS } from './columns.js';
import { PolicyDetail } from './detail.js';
import { AREAS, principalName, summarizePermissions, type PolicyRow } from './format.js';
import { addPolicyForm, CUSTOM, objectIdOf } from './forms.js';
import { applyMigration, proposeFor, showProposal } from './migration.js';
import { PermissionPicker } from './picker.js';
import { RoleAssignmentsView } from './rbac-view.js';


async function withPrincipals(backend: Backend, policies: AccessPolicy[], known: Principal[], signal?: AbortSignal): Promise<PolicyRow[]> {
  return Promise.all(policies.map(async (policy) => {
    const principal = known.find((p) => p.objectId.toLowerCase() === policy.objectId.toLowerCase())
      ?? (await backend.directory.getPrincipal(policy.objectId, { signal }).catch(() => undefined));
    return { policy, principal };
  }));
}

/** Opens the checkbox picker and resolves with the chosen permissions (undefined on Esc). */
const pickPermissions = (app: AppServices, title: string, initial: Permissions, width: number) =>
  new Promise<Permissions | undefined>((resolve) => {
    app.overlay((close) => <PermissionPicker title={title} initial={initial} width={Math.min(90, width - 2)} theme={app.theme} onDone={(p) => { close(); resolve(p); }} />);
  });

const isEmpty = (p: Permissions) => AREAS.every((a) => p[a].length === 0);

function PoliciesView({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault!;
  const me = app.backend.info.identity.objectId.toLowerCase();
  const [detail, setDetail] = useState(false);
  const principals = useLoad(cacheKeys.principals(), (signal) => app.backend.directory.listPrincipals({ signal }).catch(() => [] as Principal[]), { cache: true });
  const loaded = useLoad(!principals.data ? undefined : cacheKeys.policies(vault),
    async (signal) => withPrincipals(app.backend, await app.backend.policies.list(vault, { signal }), principals.data ?? [], signal), { cache: true });
  const rows = loaded.data ?? [];
  const list = useList<PolicyRow>({ items: rows, text: (r) => `${principalName(r)} ${r.policy.objectId}`, height: height - LIST_CHROME });
  const cur = list.current;
  usePaneCrumbs(detail && cur ? [principalName(cur)] : []);

  /** Shows the vault's policies as the service returned them after a change. */
  const applied = async (policies: AccessPolicy[], objectId?: string) => {
    const next = await withPrincipals(app.backend, policies, principals.data ?? []);
    loaded.setData(() => next);
    // What the identity may read may have changed: quick lookup lists again.
    app.invalidate(stale.vaultLists, stale.lookup);
    if (objectId) setSelectId(objectId.toLowerCase());
  };
  // Selects the principal just granted once the new rows are in the list.
  const [selectId, setSelectId] = useState<string | undefined>();
  useEffect(() => {
    if (selectId && list.select((r) => r.policy.objectId.toLowerCase() === selectId)) setSelectId(undefined);
  }, [rows, selectId]); // eslint-disable-line react-hooks/exhaustive-deps
  const nameOf = (objectId: string) => (principals.data ?? []).find((p) => p.objectId.toLowerCase() === objectId.toLowerCase())?.displayName ?? objectId;

  const refresh = () => { app.invalidate(stale.principals); principals.reload(); loaded.reload(); };
  const mine = (r: PolicyRow) => r.policy.objectId.toLowerCase() === me;
  /** Removing your own policy takes away your own access: say so first. */
  const ownWarning = (r: PolicyRow) => ({
    title: `Remove your own access policy on ${vault.name}?`,
    body: `You (${principalName(r)}) lose ${summarizePermissions(r.policy.permissions)} on ${vault.name}; only someone who may change its access policies can give them back.`,
    action: 'remove',
  });

  /** Proposes the role assignments that replace the policies; applies them, then switches the vault. */
  const migrate = async () => {
    const grants = proposeFor(rows.map((r) => r.policy), principals.data ?? []);
    if (!(await showProposal(app, vault, grants))) return app.flash('info', 'Cancelled: the vault still uses access policies.');
    let made = 0;
    const total = grants.reduce((n, g) => n + g.roles.length, 0);
    try {
      const updated = await applyMigration(app.backend, vault, grants, (done) => { made = done; app.flash('info', `Role assignments made: ${done} of ${total}…`); });
      app.invalidate(stale.vaultLists, stale.vault(vault), stale.access, stale.lookup);
      app.selectVault(updated);
      app.flash('success', `${vault.name} now uses Azure RBAC (${total} role assignments made).`);
    } catch (e) {
      app.flash('error', `${explainError(e, {}, app.key)} ${vault.name} still uses access policies (${made} of ${total} role assignments made; they count only once it switches).`);
    }
  };

  const bindings: Binding[] = [
    ...(detail ? [] : list.bindings),
    { command: 'back', label: 'back', when: () => detail, run: () => setDetail(false) },
    { command: 'open', label: 'details', when: () => !detail && !!cur, run: () => setDetail(true) },
    {
      command: 'new', label: 'add policy', mutating: true,
      run: async () => {
        const values = await app.form(addPolicyForm({
          backend: app.backend, vault, principals: principals.data ?? [], existing: rows.map((r) => r.policy),
          onAdded: (policies, objectId, template) => { void applied(policies, objectId); app.flash('success', `${nameOf(objectId)} now has the ${template} permissions on ${vault.name}.`); },
        }));
        if (!values || values.template !== CUSTOM) return;
        const objectId = objectIdOf(values);
        const perms = await pickPermissions(app, `Permissions for ${nameOf(objectId)} on ${vault.name}`, emptyPermissions(), width);
        if (!perms) return app.flash('info', 'Cancelled.');
        if (isEmpty(perms)) return app.flash('info', 'Nothing chosen, so no policy was added.');
        try {
          await applied(await app.backend.policies.update(vault, 'add', [{ tenantId: vault.tenantId, objectId, permissions: perms }]), objectId);
          app.flash('success', `Granted ${nameOf(objectId)}: ${summarizePermissions(perms)}.`);
        } catch (e) { app.fail(e); }
      },
    },
    {
      command: 'edit', label: 'edit permissions', mutating: true, when: () => !!cur,
      run: async () => {
        const r = cur!;
        const perms = await pickPermissions(app, `Permissions for ${principalName(r)} on ${vault.name}`, r.policy.permissions, width);
        if (!perms) return app.flash('info', 'Cancelled.');
        if (isEmpty(perms) && mine(r) && !(await app.confirm(ownWarning(r)))) return app.flash('info', 'Cancelled: your permissions are as they were.');
        try {
          const kind = isEmpty(perms) ? 'remove' : 'replace';
          const policy = { ...r.policy, permissions: isEmpty(perms) ? r.policy.permissions : { ...perms, storage: r.policy.permissions.storage } };
          await applied(await app.backend.policies.update(vault, kind, [policy]), r.policy.objectId);
          app.flash('success', isEmpty(perms) ? `Nothing left: the policy of ${principalName(r)} was removed.` : `${principalName(r)} now has ${summarizePermissions(perms)}.`);
        } catch (e) { app.fail(e); }
      },
    },
    {
      command: 'delete', label: 'remove', mutating: true, busy: 'Removing…', when: () => !!cur,
      confirm: () => cur && mine(cur) ? ownWarning(cur) : cur && { title: `Remove the access policy of ${principalName(cur)}?`, body: `${principalName(cur)} (${cur.policy.objectId}) loses ${summarizePermissions(cur.policy.permissions)} on ${vault.name}.`, action: 'remove' },
      run: async () => {
        const r = cur!;
        try {
          await applied(await app.backend.policies.update(vault, 'remove', [r.policy]));
          setDetail(false);
          app.flash('success', `The access policy of ${principalName(r)} was removed from ${vault.name}.`);
        } catch (e) { app.fail(e); }
      },
    },
    {
      // Hidden where the cloud has no RBAC vaults (Azure Stack Hub). Not async: the proposal is an overlay, not a wait.
      // The proposal is made from the policies on screen: none before they have loaded.
      command: 'access.migrate', label: 'switch to Azure RBAC', mutating: true,
      when: () => app.backend.info.features.rbacAuthorization && (loaded.data ? true : `the access policies of ${vault.name} have not loaded`),
      run: () => { void migrate(); },
    },
    { command: 'refresh', label: 'refresh', run: refresh },
  ];
  usePaneBindings(bindings);

  if ((loaded.loading || principals.loading) && rows.length === 0) return <Spinner label={`Loading the access policies of ${vault.name}…`} theme={app.theme} />;
  if (loaded.error) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again, or pick another vault (${app.key('pane.1')}).`} theme={app.theme} />;
  if (detail && cur) return <PolicyDetail row={cur} theme={app.theme} height={height} />;
  return (
    <ListView list={list} columns={POLICY_COLUMNS} width={width} theme={app.theme}
      summary={`${rows.length} access polic${rows.length === 1 ? 'y' : 'ies'} on ${vault.name} · Enter every permission`}
      empty={{ title: `No access policies on ${vault.name}: nobody can use its secrets or keys.`, hint: app.readonly ? 'Start without --readonly to add one.' : `Press ${app.key('new')} to add one from a template.` }} />
  );
}

/** Access policies or role assignments, whichever the vault uses (a migration switches at once). */
function PoliciesPane(props: PaneProps) {
  return useApp().vault!.enableRbacAuthorization ? <RoleAssignmentsView {...props} /> : <PoliciesView {...props} />;
}

export const policiesPane: PaneDefinition = { id: 'access', vaultScoped: true, Component: PoliciesPane };
