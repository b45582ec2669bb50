/**
 * A certificate's own secret and key (managed: true, as Azure lists them) are marked in the Secrets and
 * Keys panes, and what would change them — which Key Vault refuses (403 SecretManagedByKeyVault /
 * KeyManagedByKeyVault) — is shown disabled with the reason instead of being sent.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { paneNumber } from '../../source/ui/panes/ids.js';
import type { PaneId } from '../../source/ui/panes/ids.js';
import { openOnAppVault, selectByFilter } from './helpers.js';

after(() => cleanup());

/** The frame with every run of spaces and line breaks as one space: flashes wrap over lines. */
const flat = (f: string) => f.replace(/\s+/g, ' ');
const rowOf = (f: string, name: string) => f.split('\n').find((l) => l.trimStart().startsWith(`${name} `)) ?? '';
const openOn = (pane: PaneId, proof: string) => openOnAppVault(pane, proof);
const select = selectByFilter;

const reason = (kind: string) => `contoso-web-tls is the ${kind} of certificate contoso-web-tls: it changes only with the certificate, in pane ${paneNumber('certificates')} (Certificates)`;

test('the Secrets pane marks a certificate\'s secret and refuses to edit, version or delete it, saying why; a plain secret keeps them', async () => {
  const app = await openOn('secrets', 'contoso-web-tls');
  const f = app.frame();
  assert.match(rowOf(f, 'contoso-web-tls'), /^contoso-web-tls\s+cert\s+yes\s+application\/x-pem-file/);
  assert.match(rowOf(f, 'partner-mtls'), /^partner-mtls\s+cert\s+yes\s+application\/x-pkcs12/);
  assert.doesNotMatch(rowOf(f, 'sql-admin-password'), /\bcert\b/);
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  const before = await app.backend.secrets.get(vault, 'contoso-web-tls');

  await select(app, 'contoso-web-tls');
  await app.command('edit');
  await app.waitFor((x) => flat(x).includes(`Edit attributes is not available: ${reason('secret')}.`), 'edit refused with the reason');
  await app.command('delete');
  await app.waitFor((x) => flat(x).includes(`Delete is not available: ${reason('secret')}.`), 'delete refused with the reason');
  assert.ok(!app.frame().includes('Delete secret contoso-web-tls?'), 'no confirmation is offered');
  // In the detail: the content type line says whose it is, and a new version is not offered either.
  await app.command('open');
  await app.waitFor((x) => x.includes('the PFX/PEM of certificate contoso-web-tls'), 'the detail');
  await app.command('new');
  await app.waitFor((x) => flat(x).includes(`New version is not available: ${reason('secret')}.`), 'new version refused');
  await app.command('help');
  const help = await app.waitFor((x) => x.includes('Secrets pane'), 'help');
  assert.match(help, /edit attributes — disabled \(contoso-web-tls/);
  assert.match(help, /delete — disabled \(contoso-web-tls/);
  await app.command('close');
  // Reading it still works (its value is the PEM with the private key).
  await app.command('reveal');
  await app.waitFor((x) => x.includes('-----BEGIN'), 'revealed');
  const after = await app.backend.secrets.get(vault, 'contoso-web-tls');
  assert.equal(after.properties.version, before.properties.version, 'nothing changed');

  await app.command('back');
  await app.command('back'); // clear the filter
  await select(app, 'sql-admin-password');
  await app.command('edit');
  await app.waitFor((x) => x.includes('Edit sql-admin-password'), 'a plain secret is editable');
  app.unmount();
});

test('the Keys pane marks a certificate\'s key and refuses key usage, rotate, rotation policy and delete, saying why; try it still works', async () => {
  const app = await openOn('keys', 'contoso-web-tls');
  assert.match(rowOf(app.frame(), 'contoso-web-tls'), /^contoso-web-tls\s+cert\s+RSA/);
  assert.match(rowOf(app.frame(), 'partner-mtls'), /^partner-mtls\s+cert\s+EC/);
  assert.doesNotMatch(rowOf(app.frame(), 'app-signing-key'), /\bcert\b/);
  await select(app, 'contoso-web-tls');
  for (const [command, label] of [['edit', 'Key usage'], ['keys.rotate', 'Rotate'], ['keys.rotationPolicy', 'Rotation policy'], ['delete', 'Delete']] as const) {
    await app.command(command);
    await app.waitFor((x) => flat(x).includes(`${label} is not available: ${reason('key')}.`), `${command} refused with the reason`);
  }
  await app.command('open');
  await app.waitFor((x) => flat(x).includes(`${reason('key')}.`) && x.includes('Versions'), 'the detail says whose it is');
  await app.command('keys.try');
  await app.waitFor((x) => x.includes('Try contoso-web-tls inside the vault'), 'try it is offered');
  await app.command('form.save');
  await app.waitFor((x) => x.includes('verified ✓'), 'it signs and verifies');
  app.unmount();
});
