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
