/** The pure rendering of panes 3–7: permission summaries, days-left bars, purge refusals, scopes, targets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PERMISSION_TEMPLATES } from '../../source/domain/access-policy.js';
import { opsText, shortBase64, sizeOrCurve } from '../../source/ui/panes/keys/columns.js';
import { signatureAlgorithm, tryOperations } from '../../source/ui/panes/keys/try-it.js';
import { matchingTemplate, summarizeArea, summarizePermissions } from '../../source/ui/panes/policies/format.js';
import { scopeText, levelText } from '../../source/ui/panes/locks/columns.js';
import { daysLeft, daysLeftBar, purgeRefusal, type BinRow } from '../../source/ui/panes/deleted/columns.js';
import { shortTarget } from '../../source/ui/panes/audit/columns.js';

const DAY = 86_400_000;
const t = (name: string) => PERMISSION_TEMPLATES.find((x) => x.name === name)!.permissions;

test('permission summaries say "all management", "+ crypto", extras, or the list in Azure order', () => {
  assert.equal(summarizeArea('secrets', ['list', 'get']), 'get list');
  assert.equal(summarizeArea('secrets', ['get', 'list', 'set']), 'get list set');
  assert.equal(summarizeArea('secrets', []), '');
  assert.equal(summarizeArea('secrets', ['all']), 'all');
  assert.equal(summarizeArea('secrets', t('Secret Management').secrets), 'all management');
  assert.equal(summarizeArea('keys', [...t('Key Management').keys, 'sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'purge']), 'all management + crypto + purge');
  assert.equal(summarizeArea('keys', [...t('Key Management').keys, 'sign']), 'all management + sign');
  assert.equal(summarizePermissions({ keys: [], secrets: ['get', 'set'], certificates: [], storage: [] }), 'secrets: get set');
  assert.equal(summarizePermissions({ keys: [], secrets: [], certificates: [], storage: [] }), 'nothing');
  assert.equal(matchingTemplate({ ...t('Azure Stack Edge device (secrets get, set)') }), 'Azure Stack Edge device (secrets get, set)');
  assert.equal(matchingTemplate({ keys: ['get'], secrets: [], certificates: [], storage: [] }), undefined);
});

test('the days-left bar shrinks as the purge date nears and never goes below zero', () => {
  const deleted = new Date(0);
  const purge = new Date(90 * DAY);
  assert.equal(daysLeftBar(deleted, purge, 0), '██████████ 90d');
  assert.equal(daysLeftBar(deleted, purge, 45 * DAY), '█████░░░░░ 45d');
  assert.equal(daysLeftBar(deleted, purge, 89.5 * DAY), '░░░░░░░░░░ 1d');
  assert.equal(daysLeftBar(deleted, purge, 100 * DAY), '░░░░░░░░░░ 0d');
  assert.equal(daysLeft(purge, 80 * DAY), 10);
});

test('purge is refused up front under purge protection until the scheduled date, with the date', () => {
  const base = { name: 'ase-edge00-kv', deletedOn: new Date(0), scheduledPurgeDate: new Date(Date.UTC(2030, 0, 2)), where: 'Contoso Edge Devices' };
  const vault = { ...base, kind: 'vault', purgeProtection: true } as BinRow;
  assert.match(purgeRefusal(vault, 0)!, /purge protection is on.*2030-01-02/);
  assert.equal(purgeRefusal(vault, Date.UTC(2030, 0, 3)), undefined);
  assert.equal(purgeRefusal({ ...vault, purgeProtection: false } as BinRow, 0), undefined);
  const secret = { ...base, kind: 'secret', name: 's', where: 'ase-edge01-kv', purgeProtection: true } as BinRow;
  assert.match(purgeRefusal(secret, 0)!, /vault ase-edge01-kv.*2030-01-02/);
});

test('lock scopes read as "this vault", "resource group rg-x", "subscription <name>"; levels in portal words', () => {
  const sub = '/subscriptions/22222222-2222-4222-8222-222222222222';
  assert.equal(scopeText(`${sub}/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/contoso-app-kv`, 'contoso-app-kv'), 'this vault');
  assert.equal(scopeText(`${sub}/resourceGroups/rg-apps`, 'contoso-app-kv'), 'resource group rg-apps');
  assert.equal(scopeText(sub, 'x', { '22222222-2222-4222-8222-222222222222': 'Contoso Production' }), 'subscription Contoso Production');
  assert.equal(levelText('CanNotDelete'), 'Delete (CanNotDelete)');
  assert.equal(levelText('ReadOnly'), 'Read-only (ReadOnly)');
});

test('audit targets are shortened to vault/kind/name or a few words', () => {
  assert.equal(shortTarget('https://contoso-app-kv.vault.azure.net/secrets/sql-admin-password/0123456789abcdef0123456789abcdef'), 'contoso-app-kv/secrets/sql-admin-password');
  assert.equal(shortTarget('/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v1'), 'vault v1');
  assert.equal(shortTarget('/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v1/providers/Microsoft.Authorization/locks/l1'), 'lock l1');
  assert.equal(shortTarget('/subscriptions/s/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/old'), 'deleted vault old');
  assert.equal(shortTarget('/'), 'all subscriptions');
});

test('keys: operations in order, size or curve, what "try it" can do and which algorithm it signs with', () => {
  assert.equal(opsText(['verify', 'sign']), 'sign verify');
  assert.equal(opsText([]), 'none');
  assert.equal(sizeOrCurve({ keySize: 2048 }), '2048');
  assert.equal(sizeOrCurve({ curve: 'P-384' }), 'P-384');
  assert.deepEqual(tryOperations({ keyType: 'RSA', keyOps: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] }), ['encrypt', 'wrap']);
  assert.deepEqual(tryOperations({ keyType: 'EC', keyOps: ['sign', 'verify'] }), ['sign']);
  assert.deepEqual(tryOperations({ keyType: 'EC', keyOps: ['verify'] }), []);
  assert.deepEqual(signatureAlgorithm({ keyType: 'EC', curve: 'P-521' }), { algorithm: 'ES512', hash: 'sha512' });
  assert.deepEqual(signatureAlgorithm({ keyType: 'RSA' }), { algorithm: 'RS256', hash: 'sha256' });
  assert.equal(shortBase64('a'.repeat(10)), 'a'.repeat(10));
  assert.match(shortBase64('a'.repeat(100)), /^a{16}…a{8} \(100 chars\)$/);
});
