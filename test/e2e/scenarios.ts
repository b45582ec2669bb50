/**
 * User stories, driven by keys in a real terminal. Each takes a Term showing the vault list of the demo
 * dataset — on the demo engine or through the emulator — so both backends run the very same steps.
 */
import assert from 'node:assert/strict';
import { confirm, pane, rowOf, selectRow, SLOW } from './helpers.js';
import { paneNumber } from '../../source/ui/panes/ids.js';
import type { Term } from './tmux.js';

const osc52 = (value: string) => `\u001b]52;c;${Buffer.from(value).toString('base64')}\u0007`;

/** Ctrl-P, type part of the name, ↓ to the results, c: the terminal receives OSC 52 with the value. */
export async function quickLookupAndCopy(term: Term): Promise<void> {
  const value = 'cik-demo-value';
  await term.press('lookup');
  await term.waitFor('Find a secret', SLOW);
  await term.type('chan');
  // The list narrows to what matches as the user types.
  await term.waitFor((s) => s.includes('› chan') && /channel-integrity-key\s+secret\s+ase-edge01-kv/.test(s) && !s.includes('bmc-password'), SLOW);
  await term.record();
  await term.press('down', 'copy');
  const flashed = await term.waitFor('Copied the value of channel-integrity-key', SLOW);
  assert.ok(!flashed.includes(value), 'the value itself is never drawn on screen');
  // The raw output carries ESC ] 52 ; c ; base64(value) BEL…
  assert.ok(term.recorded().includes(osc52(value)), 'kvdeck wrote the OSC 52 sequence with the value');
  // …and tmux (set-clipboard on) took it as a clipboard write: its newest paste buffer holds the value.
  assert.equal(await term.pasteBuffer(), value);
}

/** The bin: recover billing-old-kv; it is back in the Vaults pane and its secret invoice-api-key in the Secrets pane. */
export async function recoverDeletedVault(term: Term): Promise<void> {
  await pane(term, 'deleted', (s) => s.includes('billing-old-kv') && s.includes('ase-edge00-kv'));
  await selectRow(term, 'billing-old-kv');
  await term.press('recover');
  await term.waitFor(/Vault billing-old-kv is back/, SLOW);
  await pane(term, 'vaults', (s) => s.includes('4 vaults') && s.includes('billing-old-kv'));
  await selectRow(term, 'billing-old-kv');
  const secrets = await pane(term, 'secrets', (s) => s.includes('Secrets › billing-old-kv') && s.includes('invoice-api-key'));
  assert.match(secrets, /1 secret in billing-old-kv/);
}

/** The bin: P on ase-edge00-kv is refused up front, with the reason and the date it will be purged. */
export async function purgeProtectionRefusal(term: Term): Promise<void> {
  const bin = await pane(term, 'deleted', 'ase-edge00-kv');
  // The bin's own "scheduled purge" column gives the date the refusal must name.
  const date = /\d{4}-\d\d-\d\d\s+(\d{4}-\d\d-\d\d)/.exec(rowOf(bin, 'ase-edge00-kv'))?.[1];
  assert.ok(date, 'the bin shows the scheduled purge date');
  await selectRow(term, 'ase-edge00-kv');
  await term.press('purge');
  const s = await term.waitFor(/purge protection/i, SLOW);
  const message = s.split('\n').filter((l) => /✗|purge/.test(l)).join(' ');
  assert.match(message, /ase-edge00-kv/);
  assert.ok(message.includes(date), `the refusal names the date ${date}: ${message}`);
  assert.ok(!/Type .* to confirm|type the name/i.test(s), 'no purge confirmation is offered');
  // Still in the bin.
  await term.press('back');
  await term.waitFor((x) => x.includes('ase-edge00-kv') && x.includes('billing-old-kv'), SLOW);
}

/** Vaults: deleting ase-edge01-kv is refused and the message names the lock ase-edge01-kv-lock. */
export async function lockBlocksDelete(term: Term): Promise<void> {
  await selectRow(term, 'ase-edge01-kv');
  await term.press('delete');
  await confirm(term, 'Delete vault ase-edge01-kv?');
  const s = await term.waitFor(/cannot be deleted/, SLOW);
  const message = s.split('\n').slice(-6).join(' ');
  assert.match(message, /lock ase-edge01-kv-lock/);
  assert.ok(message.includes(`pane ${paneNumber('locks')} (Locks`), `it says where to remove the lock: ${message}`);
}

/** After lockBlocksDelete (ase-edge01-kv selected) — Locks: remove the lock; Vaults: the delete now succeeds; the vault is in the bin. */
export async function removeLockThenDelete(term: Term): Promise<void> {
  await pane(term, 'locks', (s) => s.includes('Locks › ase-edge01-kv') && s.includes('ase-edge01-kv-lock'));
  await term.press('delete');
  await confirm(term, 'Remove the lock ase-edge01-kv-lock?');
  await term.waitFor(/Lock ase-edge01-kv-lock removed/, SLOW);
  await term.waitFor(/0 locks on ase-edge01-kv/, SLOW);
  await pane(term, 'vaults', (s) => s.includes('ase-edge01-kv') && s.includes('3 vaults'));
  await selectRow(term, 'ase-edge01-kv');
  await term.press('delete');
  await confirm(term, 'Delete vault ase-edge01-kv?');
  await term.waitFor(/Vault ase-edge01-kv deleted/, SLOW);
  await term.press('back');
  const vaults = await term.waitFor('2 vaults', SLOW);
  assert.ok(!vaults.split('\n').some((l) => /ase-edge01-kv\s+Contoso Edge/.test(l)), `the vault left the list:\n${vaults}`);
  const bin = await pane(term, 'deleted', (s) => /vault\s+ase-edge01-kv\s/.test(s));
  assert.match(rowOf(bin, 'ase-edge01-kv'), /vault\s+ase-edge01-kv\s+Contoso Edge/);
}

/** Secrets: delete a secret (confirmed), it is in the bin; r there brings it back to the Secrets pane. */
export async function deleteThenRecoverSecret(term: Term): Promise<void> {
  await selectRow(term, 'contoso-app-kv');
  await pane(term, 'secrets', (s) => s.includes('Secrets › contoso-app-kv') && s.includes('sql-admin-password'));
  await selectRow(term, 'sql-admin-password');
  await term.press('delete');
  await confirm(term, 'Delete secret sql-admin-password?');
  await term.waitFor(/Secret sql-admin-password deleted/, SLOW);
  await term.press('back');
  await term.waitFor((s) => s.includes('6 secrets in contoso-app-kv') && !s.includes('sql-admin-password  '), SLOW);
  const bin = await pane(term, 'deleted', (s) => /secret\s+sql-admin-password\s/.test(s));
  assert.match(rowOf(bin, 'sql-admin-password'), /secret\s+sql-admin-password\s+contoso-app-kv/);
  await selectRow(term, 'sql-admin-password');
  await term.press('recover');
  await term.waitFor(/sql-admin-password.*(back|recovered)/i, SLOW);
  await pane(term, 'secrets', (s) => s.includes('7 secrets in contoso-app-kv') && s.includes('sql-admin-password'));
}

/** Access: give contoso-web-app secrets/set on contoso-app-kv with the permission picker. */
export async function grantSecretsSet(term: Term): Promise<void> {
  await selectRow(term, 'contoso-app-kv');
  const before = await pane(term, 'access', (s) => s.includes('Access › contoso-app-kv') && s.includes('contoso-web-app'));
  assert.match(rowOf(before, 'contoso-web-app'), /get list(\s|$)/);
  assert.doesNotMatch(rowOf(before, 'contoso-web-app'), /\bset\b/);
  await selectRow(term, 'contoso-web-app');
  await term.press('edit');
  await term.waitFor('Permissions for contoso-web-app', SLOW);
  await term.press('policies.nextArea'); // keys → secrets
  await term.waitFor(/\[x\] get\s+\[x\] list\s+\[ \] set/, SLOW);
  // Each move waits for the cursor (drawn inverse) to get there: keys sent together can be handled before
  // the picker has redrawn (see the report: the picker toggles the cursor of its last render).
  await term.press('policies.right');
  await term.waitForStyled(/\u001b\[7m\[x\] list/, SLOW);
  await term.press('policies.right');
  await term.waitForStyled(/\u001b\[7m\[ \] set/, SLOW);
  await term.press('policies.toggle');
  await term.waitFor(/\[x\] set/, SLOW);
  await term.press('policies.save');
  await term.waitFor(/contoso-web-app now has secrets: get list set/, SLOW);
  const after = await term.waitFor((s) => /contoso-web-app\s.*get list set/.test(s), SLOW);
  assert.match(rowOf(after, 'contoso-web-app'), /application\s+bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb\s+—\s+get list set/);
}

/**
 * Certificates: import a PFX (password typed masked) into contoso-app-kv; it is listed in the
 * Certificates pane with its subject, self-signed, auto-renew off (an import's policy emails instead).
 */
export async function importPfx(term: Term, pfx: string, password: string): Promise<void> {
  await selectRow(term, 'contoso-app-kv');
  await pane(term, 'certificates', (s) => s.includes('Certificates › contoso-app-kv') && s.includes('contoso-web-tls'));
  await term.press('certs.import');
  await term.waitFor('Import a certificate into contoso-app-kv', SLOW);
  await term.type(pfx);
  await term.press('form.next');
  await term.type('imported-tls');
  await term.press('form.next');
  await term.type(password);
  const typed = await term.waitFor('•'.repeat(password.length), SLOW);
  assert.ok(!typed.includes(password), 'the password is masked as it is typed');
  await term.press('form.save');
  const s = await term.waitFor(/Certificate imported-tls imported/, SLOW);
  assert.ok(!s.includes(password), 'the password is in no flash');
  const listed = await term.waitFor((x) => x.includes('3 certificates in contoso-app-kv') && /imported-tls\s+imported\.contoso\.com\s+self-signed/.test(x), SLOW);
  assert.match(rowOf(listed, 'imported-tls'), /imported-tls\s+imported\.contoso\.com\s+self-signed\s+[0-9A-F]{10}\s+\d{4}-\d\d-\d\d ⚠ (29|30)d left\s+off$/);
}
