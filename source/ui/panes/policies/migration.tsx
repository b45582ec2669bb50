/**
 * "Switch this vault to Azure RBAC": from its access policies, the role assignments that give each
 * principal at least what it had (domain proposeRbacMigration: the smallest set of built-in roles),
 * shown with what each grants beyond the policy; on confirmation the assignments are made first and
 * only then the vault's mode changes, so nobody is locked out in between. A failed assignment stops
 * before the switch (the ones made are harmless while the vault still uses access policies).
 */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import { useState } from 'react';
import type { Backend } from '../../../backend/backend.js';
import { proposeRbacMigration, type MigrationEntry } from '../../../domain/access-advice.js';
import type { AccessPolicy } from '../../../domain/access-policy.js';
import type { Principal } from '../../../domain/directory.js';
import { isKeyVaultError } from '../../../domain/errors.js';
import { principalTypeOf } from '../../../domain/role-assignment.js';
import type { Vault } from '../../../domain/vault.js';
import { useApp, type AppServices } from '../../app-context.js';
import { Modal } from '../../components/modal.js';
import { useCapture } from '../../input-router.js';
import { hintLine } from '../../keymap/keymap.js';
import { KIND_LABEL, summarizePermissions } from './format.js';

export interface ProposedGrant extends MigrationEntry {
  principal?: Principal;
}

/** The proposal for a vault's policies, with the directory's names. */
export function proposeFor(policies: readonly AccessPolicy[], principals: readonly Principal[]): ProposedGrant[] {
  return proposeRbacMigration(policies).map((e) => ({ ...e, principal: principals.find((p) => p.objectId.toLowerCase() === e.principalId.toLowerCase()) }));
}

const who = (g: ProposedGrant) => (g.principal ? `${g.principal.displayName} (${KIND_LABEL[g.principal.kind] ?? g.principal.kind})` : g.principalId);

/** Beyond the policy, in words: "nothing more", or "also: secrets: list delete …". */
export function overGrant(g: ProposedGrant): string {
  const extra = summarizePermissions(g.extraPermissions);
  if (extra !== 'nothing') return `also: ${extra}`;
  return g.extraDataActions.length ? `also ${g.extraDataActions.length} data action${g.extraDataActions.length === 1 ? '' : 's'} it had no permission for` : 'nothing more than its policy';
}

/** The proposal as lines: who, the roles, and what they add. */
export function proposalLines(grants: readonly ProposedGrant[]): { text: string; tone?: 'muted' | 'warn' }[] {
  return grants.flatMap((g) => {
    if (g.roles.length === 0) return [{ text: `${who(g)}: its policy grants nothing, so no role`, tone: 'muted' as const }];
    const extra = overGrant(g);
    return [
      { text: who(g) },
      { text: `    ${g.roles.map((r) => r.roleName).join(' + ')}` },
      { text: `    ${extra}${g.applicationId ? ` · its policy's application ${g.applicationId} has no RBAC equivalent: the role goes to the principal alone` : ''}`, tone: extra.startsWith('also') ? 'warn' as const : 'muted' as const },
    ];
  });
}

const ANSWERS = ['confirm.yes', 'confirm.no', 'up', 'down'] as const;

function MigrationView({ vault, grants, width, height, onDone }: { vault: Vault; grants: ProposedGrant[]; width: number; height: number; onDone: (ok: boolean) => void }) {
  const { keymap, theme } = useApp();
  const lines = proposalLines(grants);
  const page = Math.max(3, height - 8);
  const [top, setTop] = useState(0);
  useCapture((_input, _key, name) => {
    const cmd = keymap.commandFor(name, ANSWERS);
    if (cmd === 'confirm.yes') onDone(true);
    else if (cmd === 'confirm.no') onDone(false);
    else if (cmd === 'down') setTop((t) => Math.min(Math.max(0, lines.length - page), t + 1));
    else if (cmd === 'up') setTop((t) => Math.max(0, t - 1));
    return true;
  });
  const count = grants.reduce((n, g) => n + g.roles.length, 0);
  return (
    <Modal title={`Switch ${vault.name} to Azure RBAC?`} width={width} theme={theme}
      hint={hintLine(keymap, [['confirm.yes', `make ${count} role assignment${count === 1 ? '' : 's'}, then switch`], ['confirm.no', 'cancel'], ['down', 'scroll']])}>
      <Text wrap="wrap">These role assignments on the vault give each principal at least what its access policy gives:</Text>
      <Box flexDirection="column" marginY={1}>
        {lines.slice(top, top + page).map((l, i) => <Text key={top + i} wrap="truncate" color={l.tone === 'warn' ? theme.warn : l.tone === 'muted' ? theme.muted : undefined}>{l.text}</Text>)}
        {lines.length > page && <Text color={theme.muted}>{`(${top + 1}–${Math.min(lines.length, top + page)} of ${lines.length} lines)`}</Text>}
      </Box>
      <Text wrap="wrap" color={theme.muted}>The assignments are made first, then the vault switches, so nobody is locked out in between. Its access policies stay in the vault but no longer count.</Text>
    </Modal>
  );
}

/** Shows the proposal; resolves true when the user confirms. */
export function showProposal(app: AppServices, vault: Vault, grants: ProposedGrant[]): Promise<boolean> {
  return new Promise((resolve) => {
    app.overlay((close) => <MigrationView vault={vault} grants={grants} width={Math.min(96, app.size.columns - 2)} height={app.size.rows} onDone={(ok) => { close(); resolve(ok); }} />);
  });
}

/**
 * Makes the proposed assignments (one already there counts as made), then switches the vault.
 * `progress` hears each step; answers the vault as it is afterwards.
 */
export async function applyMigration(backend: Backend, vault: Vault, grants: readonly ProposedGrant[], progress?: (done: number, total: number) => void): Promise<Vault> {
  const steps = grants.flatMap((g) => g.roles.map((role) => ({ g, role })));
  let done = 0;
  for (const { g, role } of steps) {
    try {
      await backend.access.createRoleAssignment({
        scope: vault.id, roleDefinitionId: role.id, principalId: g.principalId,
        ...(g.principal && g.principal.kind !== 'unknown' ? { principalType: principalTypeOf(g.principal.kind) } : {}),
      });
    } catch (e) {
      if (!(isKeyVaultError(e) && e.code === 'RoleAssignmentExists')) throw e;
    }
    progress?.(++done, steps.length);
  }
  return backend.vaults.update(vault, { enableRbacAuthorization: true });
}
