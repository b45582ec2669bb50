/**
 * `kvdeck access VAULT [--json]` as a child process of the real binary: on the demo engine and against
 * the emulator through the Azure backend, in both access models.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AccessReport } from '../../source/commands/access.js';
import { DEMO } from '../../source/engine/index.js';
import { demoEmulator, ensureBuilt, kvdeck } from './helpers.js';

before(ensureBuilt);

describe('kvdeck access on the demo engine', () => {
  it('lists an RBAC vault\'s role assignments, its own first, then those inherited from the subscription', async () => {
    const r = await kvdeck(['access', DEMO.vaults.shared]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'contoso-shared-kv: Azure RBAC (6 role assignments)');
    assert.match(lines[2], /^Operator\s+user\s+Key Vault Administrator\s+this vault$/);
    assert.match(lines[3], /^contoso-web-app\s+application\s+Key Vault Secrets User\s+this vault$/);
    assert.match(lines[5], /^Operator\s+user\s+Owner\s+inherited from subscription Contoso Production$/);
  });

  it('lists an access-policy vault\'s policies, compactly', async () => {
    const r = await kvdeck(['access', DEMO.vaults.app]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^contoso-app-kv: access policies \(3\)\n/);
    assert.match(r.stdout, /\ncontoso-web-app\s+application\s+get,list\s+-\s+-\s+-\n/);
    assert.match(r.stdout, /\nOperator\s+user\s+all\s+all but release\s+all\s+-\n/);
  });

  it('--json gives scripts the whole report, data actions included', async () => {
    const r = await kvdeck(['access', DEMO.vaults.shared, '--json', '--as', 'contoso-web-app']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as AccessReport;
    assert.equal(report.model, 'rbac');
    const mine = report.roleAssignments!.find((a) => a.principalId === DEMO.principals.webApp && a.applies === 'vault')!;
    assert.equal(mine.role, 'Key Vault Secrets User');
    assert.deepEqual(mine.dataActions, ['Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/action']);
    assert.equal(report.roleAssignments!.find((a) => a.applies === 'inherited')?.scopeKind, 'subscription');
  });
});

describe('kvdeck access against the emulator', () => {
  const { flags } = demoEmulator();

  it('reads role assignments through @azure/arm-authorization and names principals through Graph', async () => {
    const r = await kvdeck(['access', DEMO.vaults.shared, '--json', ...flags]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as AccessReport;
    assert.equal(report.roleAssignments!.length, 6);
    assert.ok(report.roleAssignments!.some((a) => a.principalName === 'Security Admin' && a.role === 'Key Vault Reader'));
    const policies = JSON.parse((await kvdeck(['access', DEMO.vaults.app, '--json', ...flags])).stdout) as AccessReport;
    assert.deepEqual(policies.accessPolicies!.find((p) => p.principalId === DEMO.principals.webApp)?.permissions.secrets, ['get', 'list']);
  });

  it('a vault the identity cannot see through ARM is "not found" (exit 3)', async () => {
    const r = await kvdeck(['access', DEMO.vaults.shared, ...flags, '--as', DEMO.principals.edgeIdentity]);
    assert.equal(r.code, 3);
    assert.equal(r.stdout, '');
  });
});
