/**
 * "Who can read this": for one secret or key, the principals that may read it — through role
 * assignments on it, on its vault or above (Azure RBAC), or through the vault's access policies — and
 * those who could grant themselves that access (they may assign roles, or change access policies,
 * there). Opened from the detail of a secret (pane Secrets) or a key (pane Keys) by `access.whoCanRead`.
 */
import { Box } from 'ink';
import { Text } from '../../components/text.js';
import { useEffect, useState } from 'react';
import type { Backend } from '../../../backend/backend.js';
import { policiesAllowing, principalsAllowed, type AllowedPrincipal } from '../../../domain/access-advice.js';
import { objectScopeId, parseAccessScope } from '../../../domain/access-scope.js';
import { DATA_OPERATIONS, MANAGEMENT_ACTIONS } from '../../../domain/actions.js';
import type { Principal } from '../../../domain/directory.js';
import { scopeWords } from '../../../domain/error-text.js';
import type { Vault } from '../../../domain/vault.js';
import { useApp, type AppServices } from '../../app-context.js';
import { Modal } from '../../components/modal.js';
import { Spinner } from '../../components/spinner.js';
import { explainError } from '../../explain-error.js';
import { useCapture } from '../../input-router.js';
import type { Binding } from '../../keymap/bindings.js';
import { hintLine } from '../../keymap/keymap.js';
import { KIND_LABEL, summarizeArea } from './format.js';

export type ReadableKind = 'secret' | 'key';

interface Who {
  name: string;
  /** "Key Vault Secrets User on vault contoso-shared-kv", "access policy: get list". */
  why: string;
}

export interface WhoCanRead {
  /** What reading means here: the data action or the access-policy permission. */
  means: string;
  readers: Who[];
  /** Who could grant themselves the access (and how). */
  granters: Who[];
}

const OPERATION = { secret: DATA_OPERATIONS['secrets/get'], key: DATA_OPERATIONS['keys/get'] };

/** Who can read one secret or key of a vault, in either access model. */
export async function whoCanRead(backend: Backend, vault: Vault, kind: ReadableKind, name: string, signal?: AbortSignal): Promise<WhoCanRead> {
  const o = { signal };
  const known = new Map<string, Principal | undefined>();
  const label = async (id: string) => {
    if (!known.has(id)) known.set(id, await backend.directory.getPrincipal(id, o).catch(() => undefined));
    const p = known.get(id);
    return p ? `${p.displayName} (${KIND_LABEL[p.kind] ?? p.kind})` : id;
  };
  const subs = new Map((await backend.directory.listSubscriptions(o).catch(() => [])).map((s) => [s.id.toLowerCase(), s.displayName]));
  const where = (scope: string, own: string) => {
    const s = parseAccessScope(scope);
    if (s?.kind === 'object') return `this ${kind}`;
    if (s?.kind === 'subscription') return `subscription ${subs.get(s.subscriptionId.toLowerCase()) ?? s.subscriptionId} (inherited)`;
    return s?.kind === 'vault' ? own : `${scopeWords(scope)} (inherited)`;
  };
  const describe = (list: AllowedPrincipal[]) => Promise.all(list.map(async (p) => ({
    name: await label(p.principalId),
    why: p.via.map((v) => `${v.role?.roleName ?? v.assignment.roleDefinitionId} on ${where(v.assignment.scope, 'the vault')}`).join('; '),
  })));
  const op = OPERATION[kind];

  if (vault.enableRbacAuthorization) {
    const scope = objectScopeId(vault.id, kind === 'secret' ? 'secrets' : 'keys', name);
    const assignments = await backend.access.listRoleAssignments(scope, {}, o);
    const readers = principalsAllowed(assignments, scope, op.dataAction, 'dataAction');
    const readerIds = new Set(readers.map((r) => r.principalId.toLowerCase()));
    const granters = principalsAllowed(assignments, scope, MANAGEMENT_ACTIONS.roleAssignmentsWrite, 'action').filter((g) => !readerIds.has(g.principalId.toLowerCase()));
    return { means: `the data action ${op.dataAction}`, readers: await describe(readers), granters: await describe(granters) };
  }
  const policies = await backend.policies.list(vault, o);
  const readers = await Promise.all(policiesAllowing(policies, op.area, op.permission).map(async (p) => ({
    name: await label(p.objectId), why: `access policy: ${op.area} ${summarizeArea(op.area as 'secrets' | 'keys', p.permissions[op.area])}`,
  })));
  // Who may change the policies (a management role): reading role assignments may itself be refused.
  const assignments = await backend.access.listRoleAssignments(vault.id, { atScope: true }, o).catch(() => []);
  const granters = await describe(principalsAllowed(assignments, vault.id, MANAGEMENT_ACTIONS.accessPoliciesWrite, 'action')
    .filter((g) => !policies.some((p) => p.objectId.toLowerCase() === g.principalId.toLowerCase() && policiesAllowing([p], op.area, op.permission).length)));
  return { means: `the access-policy permission ${op.area}/${op.permission}`, readers, granters };
}

const KEYS = ['close', 'up', 'down'] as const;

function WhoCanReadView({ vault, kind, name, onClose }: { vault: Vault; kind: ReadableKind; name: string; onClose: () => void }) {
  const app = useApp();
  const [result, setResult] = useState<WhoCanRead | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [top, setTop] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    whoCanRead(app.backend, vault, kind, name, ac.signal).then(setResult, (e) => { if (!ac.signal.aborted) setError(explainError(e, {}, app.key)); });
    return () => ac.abort();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const lines: { text: string; bold?: boolean; muted?: boolean }[] = result ? [
    { text: `Can read it (${result.means}):`, bold: true },
    ...(result.readers.length ? result.readers.map((w) => ({ text: `  ${w.name} — ${w.why}` })) : [{ text: '  nobody', muted: true }]),
    ...(result.granters.length ? [
      { text: 'Could grant themselves access (they may manage access there):', bold: true },
      ...result.granters.map((w) => ({ text: `  ${w.name} — ${w.why}`, muted: true })),
    ] : []),
  ] : [];
  const page = Math.max(3, app.size.rows - 5);
  useCapture((_input, _key, key) => {
    const cmd = app.keymap.commandFor(key, KEYS);
    if (cmd === 'down') setTop((t) => Math.min(Math.max(0, lines.length - page), t + 1));
    else if (cmd === 'up') setTop((t) => Math.max(0, t - 1));
    else if (cmd === 'close') onClose();
    return true;
  });
  const theme = app.theme;
  return (
    <Modal title={`Who can read ${kind} ${name} in ${vault.name}`} width={Math.min(100, app.size.columns - 2)} theme={theme}
      hint={hintLine(app.keymap, [['close', 'close'], ['down', 'scroll']])}>
      {error ? <Text color={theme.error} wrap="wrap">{error}</Text> : !result ? <Spinner label="Reading who has access…" theme={theme} /> : (
        <Box flexDirection="column">
          {lines.slice(top, top + page).map((l, i) => <Text key={top + i} bold={l.bold} color={l.muted ? theme.muted : undefined} wrap="truncate">{l.text}</Text>)}
        </Box>
      )}
    </Modal>
  );
}

/**
 * The binding the Secrets and Keys panes add to an open item's detail: `name()` is the item shown (or
 * undefined when none is).
 */
export function whoCanReadBinding(app: AppServices, vault: Vault, kind: ReadableKind, name: () => string | undefined): Binding {
  return {
    command: 'access.whoCanRead', label: 'who can read it', when: () => !!name(),
    run: () => { const n = name()!; app.overlay((close) => <WhoCanReadView vault={vault} kind={kind} name={n} onClose={close} />); },
  };
}
