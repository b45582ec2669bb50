/**
 * The grant from a refusal on the Azure path: the Azure backend (official SDK clients) against the
 * emulator reads the refusal from Azure's own words, asks ARM for the identity's permissions on the
 * vault, and makes the role assignment through @azure/arm-authorization — the same flow as the demo's.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { roleDefinitionGuid, ROLE_IDS } from '../../source/domain/role-definitions.js';
import { DEMO } from '../../source/engine/index.js';
import { emulatorSession } from '../backend/emulator-session.js';
import { KEYS, renderApp } from './helpers.js';

const session = emulatorSession({}, async (emu) => {
  await createMemoryBackend(emu.engine).vaults.create({ subscriptionId: DEMO.subscriptions.production, resourceGroup: DEMO.resourceGroups.apps, name: 'fresh-rbac-kv', location: 'westeurope', enableRbacAuthorization: true });
});

after(() => cleanup());

test('Azure backend on the emulator: a refused listing names Key Vault Reader, the footer offers it, and Ctrl-G, y grants it', async () => {
  const backend = await session.open();
  const app = renderApp({ backend });
  await app.waitFor((f) => f.includes('fresh-rbac-kv'), 'vaults', 10_000);
  await app.press('/');
  await app.type('fresh-rbac');
  await app.press(KEYS.enter, '2');
  const f = await app.waitFor((f) => f.includes('Ctrl-G grant'), 'the offer', 10_000);
  assert.match(f.replace(/\s+/g, ' '), /readMetadata\/action on vault fresh-rbac-kv: it needs Key Vault Reader/);
  await app.press('\u0007');
  await app.waitFor((f) => f.includes('Grant yourself Key Vault Reader on vault fresh-rbac-kv?'), 'confirmation', 10_000);
  await app.press('y');
  await app.waitFor((f) => f.includes('No secrets in fresh-rbac-kv'), 'the list, now readable', 10_000);
  const vault = (await backend.vaults.list()).find((v) => v.name === 'fresh-rbac-kv')!;
  const mine = await backend.access.listRoleAssignments(vault.id, { atScope: true, principalId: DEMO.principals.operator });
  assert.ok(mine.some((a) => a.scope.toLowerCase() === vault.id.toLowerCase() && roleDefinitionGuid(a.roleDefinitionId) === ROLE_IDS.keyVaultReader));
  app.unmount();
});
