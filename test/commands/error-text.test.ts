/**
 * One sentence core, two surfaces: the console and the one-shot commands say the same thing about an
 * error, and differ only in what they suggest — the console with panes and keys, a script without.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneshotError } from '../../source/commands/error-text.js';
import { describeError } from '../../source/domain/error-text.js';
import { errors, KeyVaultError } from '../../source/domain/errors.js';
import { explainError } from '../../source/ui/explain-error.js';
import { paneNumber } from '../../source/ui/panes/ids.js';

const vaultId = '/subscriptions/s1/resourceGroups/rg-edge/providers/Microsoft.KeyVault/vaults/ase-edge01-kv';

const SAMPLES: [string, unknown][] = [
  ['permission', errors.accessDenied({ objectId: 'o', tenantId: 't' }, 'get', 'secrets', 'contoso-app-kv', 'westeurope')],
  ['data action', errors.forbiddenByRbac({ objectId: 'o', tenantId: 't' }, 'Microsoft.KeyVault/vaults/secrets/getSecret/action', `${vaultId}/secrets/x`, 'ase-edge01-kv', 'westeurope')],
  ['management action', errors.authorizationFailed('app', 'o', 'Microsoft.Authorization/locks/write', vaultId)],
  ['lock', errors.scopeLocked(vaultId, 'delete', [vaultId])],
  ['name in the bin', errors.objectDeletedButRecoverable('Secret', 'db-password')],
  ['vault name taken', errors.vaultAlreadyExists('billing-old-kv')],
  ['purge protection', errors.objectPurgeProtected()],
  ['disabled secret', errors.secretDisabled()],
  ['disabled key', errors.keyDisabled('sign')],
  ['throttled', errors.throttled(7)],
  ['not found', errors.secretNotFound('gone-secret')],
  ['signed out', new KeyVaultError(401, 'Unauthorized', 'AKV10032: Invalid issuer.')],
  ['service down', new KeyVaultError(503, 'ServiceUnavailable', 'The service is unavailable.')],
];

test('both surfaces start with the one sentence, and only the console names panes and keys', () => {
  for (const [what, e] of SAMPLES) {
    const { sentence } = describeError(e);
    const inConsole = explainError(e);
    const inScript = oneshotError(e);
    assert.ok(inConsole.startsWith(sentence), `${what}: the console says "${sentence}" (${inConsole})`);
    assert.ok(inScript.startsWith(sentence), `${what}: the one-shot says "${sentence}" (${inScript})`);
    assert.doesNotMatch(inScript, /pane \d|press|\([a-zA-Z]\)|\(R\)/i, `${what}: no console hint in "${inScript}"`);
  }
  assert.match(explainError(SAMPLES[0][1]), new RegExp(`\\(pane ${paneNumber('access')}\\)\\.$`));
  assert.match(oneshotError(SAMPLES[0][1]), /An access policy on the vault can grant it/);
  // A script is told the role and the command that grants it.
  assert.match(oneshotError(SAMPLES[1][1]), /it needs Key Vault Secrets User, .* az role assignment create --role "Key Vault Secrets User" --scope \/subscriptions\/s1\/resourcegroups\/rg-edge\/providers\/microsoft\.keyvault\/vaults\/ase-edge01-kv\/secrets\/x --assignee <object id>\.$/);
});

test('the console names keys as the user has them bound', () => {
  const rebound = (c: string) => ({ recover: 'z', purge: 'X', refresh: 'F5' } as Record<string, string>)[c] ?? '?';
  assert.match(explainError(errors.objectDeletedButRecoverable('Secret', 'db-password'), {}, rebound), new RegExp(`Recover it \\(pane ${paneNumber('deleted')}, z\\) or purge it \\(X\\) first`));
  assert.match(explainError(errors.throttled(3), {}, rebound), /Wait 3 s, then press F5\./);
});

test('asked for by name, a "not found" says which part is missing', () => {
  const target = { vault: 'contoso-app-kv', secret: 'sql-admin-password', version: 'deadbeef' };
  assert.equal(oneshotError(errors.secretNotFound('sql-admin-password/deadbeef'), { target }), 'Secret sql-admin-password in vault contoso-app-kv has no version deadbeef.');
  assert.equal(oneshotError(errors.badParameter('The request URI contains an invalid version: deadbeef'), { target }), 'Secret sql-admin-password in vault contoso-app-kv has no version deadbeef.');
  assert.equal(oneshotError(errors.secretNotFound('nope'), { target: { vault: 'contoso-app-kv', secret: 'nope' } }), 'Secret nope was not found in vault contoso-app-kv.');
  assert.equal(oneshotError(errors.vaultNotFound('nope-kv'), { target: { vault: 'nope-kv', secret: 'x' } }), 'Vault nope-kv was not found.');
});
