/**
 * The Access pane of a vault that uses Azure RBAC: the role assignments that apply to it — its own,
 * those on single secrets, keys or certificates in it, and those inherited from its resource group and
 * subscription (marked) — with principal name and kind, role and where it applies. Add (pick a
 * principal, pick a role), remove (asks first; your own last role warns), details. Switching back to
 * access policies is refused, with the reason.
 */
import { Box } from 'ink';
import { useEffect, useState } from 'react';
import { accessReport } from '../../../commands/access.js';
import type { Subscription } from '../../../domain/directory.js';
import { useApp } from '../../app-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ListView, LIST_CHROME } from '../../components/list-view.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useList } from '../../hooks/use-list.js';
import { useLoad } from '../../hooks/use-load.js';
import { usePaneBindings, usePaneCrumbs } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { roleLine } from '../../access/grant-plan.js';
import type { PaneProps } from '../contract.js';
import { Property } from '../vaults/detail.js';
import { addRoleAssignment } from './assign.js';
import { ASSIGNMENT_COLUMNS, assigneeKind, assigneeName, assignmentRows, dataAccessOf, roleName, roleOf, type AssignmentRow } from './rbac-rows.js';

/** Why kvdeck does not switch an RBAC vault back to access policies. */
export const NO_WAY_BACK = 'switching back to access policies is refused: they cannot express what role assignments grant '
  + '(roles inherited from the subscription, roles on single secrets or keys, who may manage access), so principals would '
  + 'silently lose or keep access; Azure RBAC is the model Azure recommends';

function AssignmentDetail({ row, height }: { row: AssignmentRow; height: number }) {
  const app = useApp();
  const role = roleOf(row);
  const t = app.theme;
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflow="hidden">
      <Property label="Principal" value={assigneeName(row)} theme={t} />
      <Property label="Kind" value={assigneeKind(row)} theme={t} />
      <Property label="Object id" value={row.principalId} theme={t} />
      <Property label="Role" value={roleName(row)} theme={t} />
      {role && <Property label="What it allows" value={roleLine(role)} theme={t} />}
      {role && <Property label="In the vault" value={dataAccessOf(role)} theme={t} />}
      <Property label="Where" value={row.where} theme={t} />
      <Property label="Scope" value={row.scope} theme={t} />
      <Property label="Assignment id" value={row.id} theme={t} />
    </Box>
  );
}

export function RoleAssignmentsView({ width, height }: PaneProps) {
  const app = useApp();
  const vault = app.vault!;
  const me = app.backend.info.identity.objectId.toLowerCase();
  const [detail, setDetail] = useState(false);
  const loaded = useLoad(cacheKeys.access(vault), async (signal) => {
    const [report, subs] = await Promise.all([
      accessReport(app.backend, vault),
      app.backend.directory.listSubscriptions({ signal }).catch(() => [] as Subscription[]),
    ]);
    return assignmentRows(report, subs);
  }, { cache: true });
  const rows = loaded.data ?? [];
  const list = useList<AssignmentRow>({ items: rows, text: (r) => `${assigneeName(r)} ${roleName(r)}`, height: height - LIST_CHROME });
  const cur = list.current;
  usePaneCrumbs(detail && cur ? [assigneeName(cur)] : []);
  // Selects the assignment just made once the list has it.
  const [selectId, setSelectId] = useState<string | undefined>();
  useEffect(() => {
    if (selectId && list.select((r) => r.id.toLowerCase() === selectId)) setSelectId(undefined);
  }, [rows, selectId]); // eslint-disable-line react-hooks/exhaustive-deps

  /** What the identity may use changed: lists it could not read may now load, and the other way round. */
  const changed = () => { app.invalidate(stale.access, stale.lookup); loaded.reload(); };
  const inherited = (r: AssignmentRow) => (r.applies === 'inherited' ? `${r.where}: it applies to everything below its scope, so remove it there (az role assignment delete --ids …)` : true);
  /** Your own role that is the last to give you anything inside the vault (management roles give nothing there). */
  const lastOfMine = (r: AssignmentRow) => r.principalId.toLowerCase() === me && r.dataActions.length > 0
    && !rows.some((x) => x !== r && x.principalId.toLowerCase() === me && x.applies !== 'object' && x.dataActions.length > 0);

  const bindings: Binding[] = [
    ...(detail ? [] : list.bindings),
    { command: 'back', label: 'back', when: () => detail, run: () => setDetail(false) },
    { command: 'open', label: 'details', when: () => !detail && !!cur, run: () => setDetail(true) },
    {
      // Not async: the pickers are overlays, not a wait (no spinner while they are open).
      command: 'new', label: 'add role assignment', mutating: true,
      run: () => void addRoleAssignment(app, vault).then((made) => {
        if (!made) return app.flash('info', 'Cancelled.');
        app.flash('success', `${made.principal.displayName} now has ${made.role.roleName} on ${vault.name}.`);
        setSelectId(made.assignment.id.toLowerCase());
        changed();
      }, (e) => { app.fail(e); }),
    },
    {
      command: 'delete', label: 'remove', mutating: true, busy: 'Removing…', when: () => (cur ? inherited(cur) : false),
      confirm: () => cur && (lastOfMine(cur)
        ? { title: `Remove your last data role on ${vault.name}?`, body: `${roleName(cur)} is the last role that lets you (${assigneeName(cur)}) use the secrets, keys and certificates of ${vault.name}: after removing it you cannot, until someone who may assign roles there (you too, as long as you may) gives it back.`, action: 'remove' }
        : { title: `Remove ${roleName(cur)} from ${assigneeName(cur)}?`, body: `${assigneeName(cur)} (${cur.principalId}) loses ${roleName(cur)} on ${cur.applies === 'object' ? cur.where : vault.name}.`, action: 'remove' }),
      run: async () => {
        const r = cur!;
        try {
          await app.backend.access.deleteRoleAssignment(r.id);
          setDetail(false);
          app.flash('success', `${assigneeName(r)} no longer has ${roleName(r)} on ${vault.name}.`);
          changed();
        } catch (e) { app.fail(e); }
      },
    },
    // Not `mutating`: it never changes anything, and its reason is the one to read, also in --readonly.
    { command: 'access.migrate', label: 'switch to access policies', when: () => NO_WAY_BACK, run: () => {} },
    { command: 'refresh', label: 'refresh', run: changed },
  ];
  usePaneBindings(bindings);

  if (loaded.loading && rows.length === 0) return <Spinner label={`Loading the role assignments of ${vault.name}…`} theme={app.theme} />;
  if (loaded.error) return <EmptyState title={explainError(loaded.error, {}, app.key)} hint={`Press ${app.key('refresh')} to try again, or pick another vault (${app.key('pane.1')}).`} theme={app.theme} />;
  if (detail && cur) return <AssignmentDetail row={cur} height={height} />;
  const fromAbove = rows.filter((r) => r.applies === 'inherited').length;
  return (
    <ListView list={list} columns={ASSIGNMENT_COLUMNS} width={width} theme={app.theme}
      summary={`${vault.name} uses Azure RBAC: ${rows.length} role assignment${rows.length === 1 ? '' : 's'} apply${fromAbove ? ` (${fromAbove} inherited)` : ''}`}
      empty={{ title: `No role assignment applies to ${vault.name}: nobody can use its secrets, keys or certificates.`, hint: app.readonly ? 'Start without --readonly to add one.' : `Press ${app.key('new')} to assign a role.` }} />
  );
}
