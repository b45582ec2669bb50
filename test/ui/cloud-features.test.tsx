/**
 * Issue 5: what a cloud cannot do is hidden, not broken (Azure Stack Hub's older API versions have no
 * retention days or RBAC mode), and on Azure the audit pane says whose operations it shows and where the
 * vault's full log lives.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Backend } from '../../source/backend/backend.js';
import { createAzureBackend } from '../../source/backend/azure/index.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { createEngine } from '../../source/engine/index.js';
import { startEmulator } from '../../source/emulator/index.js';
import { VAULT_COLUMNS, vaultColumns } from '../../source/ui/panes/vaults/columns.js';
import { KEYS, renderApp } from './helpers.js';

process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));

const STACK_HUB_FEATURES = { softDeleteRetentionDays: false, rbacAuthorization: false, purgeProtection: true, keyRotationPolicy: false, networkRules: false };

test('vault columns drop retention and access model where the cloud lacks them', () => {
  const keys = vaultColumns(STACK_HUB_FEATURES).map((c) => c.key);
  assert.ok(!keys.includes('ret') && !keys.includes('model'));
  assert.equal(vaultColumns({ softDeleteRetentionDays: true, rbacAuthorization: true, purgeProtection: true, keyRotationPolicy: true, networkRules: true }).length, VAULT_COLUMNS.length);
});

test('on a cloud without retention days or RBAC mode, the vaults pane and the new-vault form leave them out', async () => {
  const memory = createMemoryBackend(createEngine({ seed: 'demo' }));
  const backend: Backend = { ...memory, info: { ...memory.info, features: STACK_HUB_FEATURES } };
  const app = renderApp({ backend, size: { columns: 120, rows: 30 } });
  try {
    const f = await app.waitFor((x) => x.includes('contoso-app-kv') && x.includes('PURGE PROT'), 'the vault list');
    assert.ok(!f.includes('RETAIN') && !f.includes('ACCESS'), 'no retention or access-model column');
    await app.press('n');
    const form = await app.waitFor((x) => x.includes('Purge protection'), 'the new-vault form');
    assert.ok(!form.includes('Retention days') && !form.includes('Access model'), 'the form does not offer what the cloud cannot take');
  } finally {
    app.unmount();
  }
});

test('on the Azure backend the audit pane shows this session\'s operations and where the vault\'s log goes', { timeout: 60_000 }, async () => {
  const emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
  const backend = await createAzureBackend({ emulator: emu.arm, ca: emu.caCertPath });
  after(async () => { await backend.close?.(); await emu.close(); });
  const app = renderApp({ backend, size: { columns: 140, rows: 30 } });
  try {
    await app.waitFor((x) => x.includes('ase-edge01-kv') && x.includes('contoso-app-kv'), 'the vault list', 20_000);
    await app.press(KEYS.enter); // the first row, ase-edge01-kv, becomes the selected vault
    await app.waitFor((x) => x.includes('Vault URI'), 'the vault detail', 10_000);
    await app.pane('audit');
    const f = await app.waitFor((x) => x.includes('aseedge01kvlogs'), 'the diagnostics hint', 20_000);
    assert.match(f, /This session's own operations\./);
    assert.match(f, /VaultList|VaultGet/, 'the session audit lists what the console did');
  } finally {
    app.unmount();
  }
});
