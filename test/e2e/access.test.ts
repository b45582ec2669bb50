/**
 * Issue 10's scenario in a real terminal, on the demo engine kept in one --state file across runs: as
 * contoso-web-app, reading smtp-password in contoso-shared-kv works and setting it is refused with
 * "needs Key Vault Secrets Officer"; as Operator, the Access pane grants contoso-web-app that role
 * (principal and role picked by typing part of their names); as contoso-web-app again, the set works.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { launch, pane, quit, selectRow, SLOW } from './helpers.js';
import type { Term } from './tmux.js';

const flat = (s: string) => s.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

/** In the secret's detail: n, the value (Tab past "Value from"), save. */
async function setNewVersion(term: Term, value: string): Promise<void> {
  await term.press('new');
  await term.waitFor('New version of smtp-password', SLOW);
  await term.press('form.next');
  await term.type(value);
  await term.press('form.save');
}

async function openSmtpPassword(term: Term): Promise<void> {
  await selectRow(term, 'contoso-shared-kv');
  await pane(term, 'secrets', (s) => s.includes('Secrets › contoso-shared-kv') && s.includes('smtp-password'));
  await selectRow(term, 'smtp-password');
  await term.press('open');
  await term.waitFor('Secrets › contoso-shared-kv › smtp-password', SLOW);
}

test('contoso-web-app reads smtp-password but may not set it ("needs Key Vault Secrets Officer"); Operator grants that role in the Access pane; then the set works', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-access-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const state = join(dir, 'state.json');

  // 1. contoso-web-app (Key Vault Secrets User on the vault): reads, and is refused the write.
  const web = await launch(t, { args: ['--state', state, '--as', 'contoso-web-app'] });
  await openSmtpPassword(web);
  await web.press('reveal');
  await web.waitFor('smtp-demo-password', SLOW);
  await setNewVersion(web, 'rotated-by-web-app');
  const refused = flat(await web.waitFor(/needs\s+Key Vault Secrets Officer/, SLOW));
  assert.match(refused, /You lack the data action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action on secret smtp-password in vault contoso-shared-kv: it needs Key Vault Secrets Officer/);
  await web.press('form.cancel');
  await web.waitFor('Discard what you typed in this form?', SLOW);
  await web.press('confirm.yes');
  await web.waitForGone('New version of smtp-password', SLOW);
  await quit(web);

  // 2. Operator (Owner of the subscription): the Access pane of contoso-shared-kv, n, "web", "secrets officer".
  const operator = await launch(t, { args: ['--state', state] });
  await selectRow(operator, 'contoso-shared-kv');
  await pane(operator, 'access', (s) => s.includes('contoso-shared-kv uses Azure RBAC') && s.includes('role assignments apply'));
  await operator.press('new');
  await operator.waitFor('Assign a role on contoso-shared-kv: to whom?', SLOW);
  await operator.type('web');
  await operator.waitFor((s) => s.includes('1 of 4') && s.includes('contoso-web-app'), SLOW);
  await operator.press('open');
  await operator.waitFor('Which role for contoso-web-app on contoso-shared-kv?', SLOW);
  await operator.type('secrets officer');
  await operator.waitFor((s) => s.includes('1 of 16') && s.includes('Key Vault Secrets Officer'), SLOW);
  await operator.press('open');
  await operator.waitFor('contoso-web-app now has Key Vault Secrets Officer on contoso-shared-kv.', SLOW);
  const listed = await operator.waitFor('7 role assignments apply', SLOW);
  assert.ok(listed.split('\n').some((l) => /^contoso-web-app\s+application\s+Key Vault Secrets Officer\s+this vault/.test(l)), `the new assignment is listed:\n${listed}`);
  await quit(operator);

  // 3. contoso-web-app again: the same set now works.
  const again = await launch(t, { args: ['--state', state, '--as', 'contoso-web-app'] });
  await openSmtpPassword(again);
  await setNewVersion(again, 'rotated-by-web-app');
  await again.waitFor('New version of smtp-password saved.', SLOW);
  await quit(again);
});
