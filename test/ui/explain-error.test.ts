import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errors, KeyVaultError } from '../../source/domain/errors.js';
import { explainError } from '../../source/ui/explain-error.js';
import { paneNumber } from '../../source/ui/panes/ids.js';

const vaultId = '/subscriptions/s1/resourceGroups/rg-edge/providers/Microsoft.KeyVault/vaults/ase-edge01-kv';

test('a missing permission names the permission, the vault and where to grant it', () => {
  const e = errors.accessDenied({ objectId: 'o', tenantId: 't' }, 'get', 'secrets', 'contoso-app-kv', 'westeurope');
  assert.equal(explainError(e), `You lack the secrets/get permission on vault contoso-app-kv. An access policy can grant it (pane ${paneNumber('access')}).`);
});

test('a lock refusal names the lock and how to remove it', () => {
  const e = errors.scopeLocked(vaultId, 'delete', [vaultId]);
  const text = explainError(e, { locks: [{ id: `${vaultId}/providers/Microsoft.Authorization/locks/edge-lock`, name: 'edge-lock', level: 'CanNotDelete', scope: vaultId }] });
  assert.match(text, /Vault ase-edge01-kv cannot be deleted: the lock edge-lock \(Delete, on vault ase-edge01-kv\) blocks it/);
  assert.ok(text.includes(`pane ${paneNumber('locks')} (Locks, d)`), text);
  assert.match(explainError(e), /a lock on vault ase-edge01-kv blocks it/);
});

test('a soft-deleted name collision offers recover or purge', () => {
  assert.match(explainError(errors.objectDeletedButRecoverable('Secret', 'db-password')), new RegExp(`deleted secret named db-password is in the bin.*Recover it \\(pane ${paneNumber('deleted')}, r\\)`));
  assert.match(explainError(errors.vaultAlreadyExists('billing-old-kv')), new RegExp(`soft-deleted vault.*pane ${paneNumber('deleted')} \\(Deleted`));
});

test('purge protection gives the date the item will be purged', () => {
  const text = explainError(errors.objectPurgeProtected(), { scheduledPurgeDate: new Date('2027-02-01T00:00:00Z') });
  assert.match(text, /Purge protection is on.*2027-02-01/);
  assert.match(explainError(errors.deletedVaultPurgeNotAllowed()), /Purge protection is on/);
});

test('disabled secret, throttling and not found are actionable sentences', () => {
  assert.match(explainError(errors.secretDisabled()), /disabled.*Enable it \(e\)/);
  assert.match(explainError(errors.throttled(7)), /throttling.*Wait 7 s/);
  assert.match(explainError(errors.secretNotFound('gone-secret')), /gone-secret was not found.*R to refresh/);
});

test('no stack trace and no link noise ever reach the user', () => {
  const e = new Error('boom\n    at x (file.js:1:1)');
  assert.equal(explainError(e), 'boom');
  const text = explainError(new KeyVaultError(400, 'BadParameter', 'The request URI contains an invalid name: a_b. For help resolving this issue, please see https://go.microsoft.com/x'));
  assert.doesNotMatch(text, /https?:/);
});

test('an RBAC refusal names the missing data action, where, and the smallest built-in role that allows it', () => {
  const resource = '/subscriptions/s1/resourcegroups/rg-shared/providers/microsoft.keyvault/vaults/contoso-shared-kv/secrets/smtp-password';
  const e = errors.forbiddenByRbac({ objectId: 'b', tenantId: 't' }, 'Microsoft.KeyVault/vaults/secrets/setSecret/action', resource, 'contoso-shared-kv', 'westeurope');
  assert.equal(explainError(e),
    'You lack the data action Microsoft.KeyVault/vaults/secrets/setSecret/action on secret smtp-password in vault contoso-shared-kv: it needs Key Vault Secrets Officer, the smallest built-in role that allows it. '
    + 'Someone who may assign roles on secret smtp-password in vault contoso-shared-kv (an Owner or User Access Administrator) can grant it (pane 5).');
  const list = errors.forbiddenByRbac({ objectId: 'b', tenantId: 't' }, 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', resource.replace(/\/secrets\/.*/, ''), 'contoso-shared-kv', 'westeurope');
  assert.match(explainError(list), /on vault contoso-shared-kv: it needs Key Vault Reader,/);
});

test('a management refusal names the action and the smallest role; a failed role condition says so', () => {
  const e = errors.authorizationFailed('app', 'b', 'Microsoft.KeyVault/vaults/delete', vaultId);
  assert.match(explainError(e), /^You lack the action Microsoft\.KeyVault\/vaults\/delete on vault ase-edge01-kv: it needs Key Vault Contributor, the smallest built-in role that allows it\. Someone who may assign roles on vault ase-edge01-kv/);
  const c = errors.conditionNotFulfilled('app', 'b', 'Microsoft.Authorization/roleAssignments/write', `${vaultId}/providers/Microsoft.Authorization/roleAssignments/0000`);
  assert.match(explainError(c), /^Your role lets you assign only the Key Vault data roles on vault ase-edge01-kv, and this role assignment is outside that condition\./);
});
