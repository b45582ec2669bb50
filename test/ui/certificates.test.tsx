/**
 * The Certificates pane on the demo's contoso-app-kv: contoso-web-tls (self-signed, 20 days left,
 * auto-renew at 80 %) and partner-mtls (imported PFX from Fabrikam's CA, expired 3 days ago).
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { paneNumber } from '../../source/ui/panes/ids.js';
import { openOnAppVault, renderApp, selectByFilter, type AppOptions, type RenderedApp } from './helpers.js';
import { makePfx, needsOpenssl } from './pfx.js';

after(() => cleanup());

type App = RenderedApp;

/** Selects contoso-app-kv (the second vault) and opens the Certificates pane on it. */
const openCertificates = (options: AppOptions = {}) => openOnAppVault('certificates', 'partner-mtls', options);

const vaultOf = async (app: App) => (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
const rowOf = (f: string, name: string) => f.split('\n').find((l) => l.trimStart().startsWith(name)) ?? '';
const select = selectByFilter;

test('the pane lists each certificate with subject, issuer, thumbprint, expiry with days left (marked when expired or within 30 days) and auto-renew', async () => {
  const app = await openCertificates();
  const vault = await vaultOf(app);
  const f = app.frame();
  assert.match(f, /NAME\s+SUBJECT\s+ISSUER\s+THUMBPRINT\s+EXPIRES\s+AUTO-RENEW/);
  assert.match(f, /2 certificates in contoso-app-kv · 1 expired · 1 within 30 days/);
  const web = (await app.backend.certificates.get(vault, 'contoso-web-tls')).properties;
  const partner = (await app.backend.certificates.get(vault, 'partner-mtls')).properties;
  const webRow = rowOf(f, 'contoso-web-tls');
  assert.match(webRow, /www\.contoso\.com\s+self-signed/);
  assert.ok(webRow.includes(web.thumbprint.slice(0, 10)), `the thumbprint starts the column: ${webRow}`);
  assert.match(webRow, new RegExp(`${web.expiresOn!.toISOString().slice(0, 10)} ⚠ 20d left\\s+on$`));
  const partnerRow = rowOf(f, 'partner-mtls');
  assert.match(partnerRow, /partner-gateway\.fabrikam\.com\s+Fabrikam Partner CA/);
  assert.ok(partnerRow.includes(partner.thumbprint.slice(0, 10)));
  assert.match(partnerRow, new RegExp(`${partner.expiresOn!.toISOString().slice(0, 10)} ✗ expired\\s+off$`));
  app.unmount();
});

test('Enter opens the detail: subject, issuer, full thumbprint, SANs, the policy\'s key and lifetime action, versions', async () => {
  const app = await openCertificates();
  const web = (await app.backend.certificates.get(await vaultOf(app), 'contoso-web-tls')).properties;
  await select(app, 'contoso-web-tls');
  await app.command('open');
  const f = await app.waitFor((x) => x.includes('Lifetime action') && x.includes('1 version'), 'the detail');
  assert.match(f, /Certificates › contoso-app-kv › contoso-web-tls/);
  assert.match(f, /Subject\s+CN=www\.contoso\.com, O=Contoso Ltd/);
  assert.match(f, /Issuer\s+CN=www\.contoso\.com, O=Contoso Ltd \(self-signed\) · policy issuer Self/);
  assert.ok(f.includes(web.thumbprint), 'the whole thumbprint');
  assert.match(f, /Subject alt\. names\s+www\.contoso\.com, contoso\.com/);
  assert.match(f, /Key\s+RSA 2048 · exportable · secret as PEM/);
  assert.match(f, /Usage\s+digitalSignature, keyEncipherment · extended: serverAuth, clientAuth · 3 months/);
  assert.match(f, /Lifetime action\s+renews itself at 80 % of its lifetime/);
  assert.ok(f.includes(`${web.version} *`), 'the version list marks the latest');
  assert.match(f, /Valid\s+\d{4}-\d\d-\d\d \d\d:\d\d → \d{4}-\d\d-\d\d ⚠ 20 days left/);
  await app.command('back');
  await app.waitFor((x) => x.includes('AUTO-RENEW'), 'back to the list');
  app.unmount();
});

test('i imports a PFX made by OpenSSL: the password is masked, a wrong one keeps the form open, the right one imports it', needsOpenssl, async () => {
  const pfx = makePfx('imported.contoso.com', 's3cret');
  const app = await openCertificates();
  // The Secrets pane's list is read (and kept for the session) before the import.
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('7 secrets in contoso-app-kv'), 'secrets, listed before');
  await app.pane('certificates');
  await app.waitFor((f) => f.includes('2 certificates in contoso-app-kv'), 'certificates');
  await app.command('certs.import');
  await app.waitFor((f) => f.includes('Import a certificate into contoso-app-kv'), 'the import form');
  await app.type(pfx);
  await app.command('form.next');
  await app.type('imported-tls');
  await app.command('form.next');
  await app.type('wrong');
  await app.command('form.save');
  let f = await app.waitFor((x) => x.includes('✗'), 'the refusal, in the form');
  assert.match(f, /Import a certificate/, 'the form stays open');
  assert.ok(!f.includes('wrong'), 'the password is never drawn');
  await app.command('text.clear');
  await app.type('s3cret');
  f = await app.waitFor((x) => x.includes('••••••') && !x.includes('✗'), 'masked');
  assert.ok(!f.includes('s3cret'));
  await app.command('form.save');
  f = await app.waitFor((x) => x.includes('Certificate imported-tls imported'), 'imported');
  assert.ok(!f.includes('s3cret'), 'the password is in no flash');
  assert.match(rowOf(f, 'imported-tls'), /imported\.contoso\.com\s+self-signed/);
  const vault = await vaultOf(app);
  const c = await app.backend.certificates.get(vault, 'imported-tls');
  assert.match(c.properties.subject ?? '', /CN=imported\.contoso\.com/);
  assert.equal(c.properties.thumbprint, new X509Certificate(readFileSync(pfx.replace(/\.pfx$/, '.crt'))).fingerprint.replaceAll(':', ''));
  // Its secret came with it, and the Secrets pane (listed before the import) shows it as a certificate's.
  await app.pane('secrets');
  f = await app.waitFor((x) => x.includes('Secrets › contoso-app-kv') && x.includes('imported-tls'), 'the secret of the new certificate');
  assert.match(rowOf(f, 'imported-tls'), /^imported-tls\s+cert\s+yes\s+application\/x-pkcs12/);
  app.unmount();
});

test('w downloads the public .pem to a 0600 file; it never replaces a file without asking, and does when told to', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-download-'));
  const path = join(dir, 'web.pem');
  const app = await openCertificates();
  await select(app, 'contoso-web-tls');
  await app.command('certs.download');
  await app.waitFor((f) => f.includes('Download contoso-web-tls'), 'the download form');
  await app.command('form.optionNext'); // .cer → .pem
  await app.waitFor((f) => f.includes('public certificate, .pem'), '.pem chosen');
  await app.command('form.next');
  await app.type(path);
  await app.command('form.save');
  await app.waitFor((f) => f.includes('Wrote the public certificate (PEM) of contoso-web-tls'), 'written');
  assert.equal(statSync(path).mode & 0o777, 0o600, 'readable by its owner only');
  const pem = readFileSync(path, 'utf8');
  assert.match(new X509Certificate(pem).subject, /CN=www\.contoso\.com/);
  assert.ok(!pem.includes('PRIVATE KEY'));

  // The same file again, now with the private key: asked first; "no" leaves the file as it was.
  const fullTo = async () => {
    await app.command('certs.download');
    await app.waitFor((f) => f.includes('Download contoso-web-tls'), 'the download form');
    await app.command('form.optionPrev'); // .cer → the full PFX/PEM (the list wraps)
    await app.waitFor((f) => f.includes('with its private key'), 'full chosen');
    await app.command('form.next');
    await app.type(path);
    await app.command('form.save');
    await app.waitFor((f) => f.includes(`Replace ${path}?`), 'asked before replacing');
  };
  await fullTo();
  await app.command('confirm.no');
  await app.waitFor((x) => x.includes(`Nothing written: ${path} exists and was left as it is.`), 'not replaced');
  assert.equal(readFileSync(path, 'utf8'), pem, 'the file is untouched');
  await fullTo();
  await app.command('confirm.yes');
  await app.waitFor((x) => x.includes('Wrote the certificate with its private key (PEM) of contoso-web-tls'), 'replaced');
  const full = readFileSync(path, 'utf8');
  assert.match(full, /PRIVATE KEY/);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  app.unmount();
});

test('the full download of a PFX certificate writes the PFX itself (partner-mtls, 0600)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-download-'));
  writeFileSync(join(dir, 'other.txt'), 'x');
  const app = await openCertificates();
  await select(app, 'partner-mtls');
  await app.command('certs.download');
  await app.waitFor((f) => f.includes('Download partner-mtls'), 'the download form');
  await app.command('form.optionPrev');
  await app.command('form.next');
  await app.type(join(dir, 'partner.pfx'));
  await app.command('form.save');
  await app.waitFor((f) => f.includes('Wrote the certificate with its private key (PFX) of partner-mtls'), 'written');
  const bytes = readFileSync(join(dir, 'partner.pfx'));
  assert.equal(bytes[0], 0x30, 'DER: a PKCS#12 SEQUENCE');
  assert.equal(statSync(join(dir, 'partner.pfx')).mode & 0o777, 0o600);
  app.unmount();
});

test('n creates a self-signed certificate; the form checks the names as they are typed', async () => {
  const app = await openCertificates();
  await app.command('new');
  await app.waitFor((f) => f.includes('New self-signed certificate in contoso-app-kv'), 'the form');
  await app.type('api-tls');
  await app.command('form.next');
  await app.type('CN=api.contoso.com');
  await app.command('form.next');
  await app.type('api..contoso');
  await app.waitFor((f) => f.includes("'api..contoso' is not a DNS name."), 'the DNS name refused as typed');
  await app.command('text.clear');
  await app.type('api.contoso.com, api2.contoso.com');
  await app.command('form.save');
  const f = await app.waitFor((x) => x.includes('Certificate api-tls created'), 'created');
  assert.match(rowOf(f, 'api-tls'), /api\.contoso\.com\s+self-signed\s+[0-9A-F]{10}\s+\d{4}-\d\d-\d\d   3\d\dd left\s+on$/);
  const c = await app.backend.certificates.get(await vaultOf(app), 'api-tls');
  assert.equal(c.policy?.issuerName, 'Self');
  assert.deepEqual(c.properties.dnsNames, ['api.contoso.com', 'api2.contoso.com']);
  assert.deepEqual(c.policy?.lifetimeActions, [{ action: 'AutoRenew', lifetimePercentage: 80 }]);
  // Its key came with it: the Keys pane lists it as a certificate's.
  await app.pane('keys');
  const keys = await app.waitFor((x) => x.includes('Keys › contoso-app-kv') && x.includes('api-tls'), 'the key of the new certificate');
  assert.match(rowOf(keys, 'api-tls'), /^api-tls\s+cert\s+RSA/);
  app.unmount();
});

test('e edits the lifetime action with the policy\'s rules: days before expiry at most validity × 27', async () => {
  const app = await openCertificates();
  await select(app, 'contoso-web-tls');
  await app.command('edit');
  await app.waitFor((f) => f.includes('Lifetime action of contoso-web-tls (issuer Self, 3 months)'), 'the form');
  await app.command('form.optionNext'); // AutoRenew → EmailContacts
  await app.command('form.next');
  await app.command('form.optionNext'); // percent → days
  await app.command('form.next');
  await app.command('text.clear');
  await app.type('90');
  await app.waitFor((f) => f.includes('The days before expiry are a whole number from 1 to 81'), 'the rule, as typed');
  await app.command('text.clear');
  await app.type('10');
  await app.command('form.save');
  const f = await app.waitFor((x) => x.includes('contoso-web-tls now emails the contacts 10 days before expiry'), 'saved');
  assert.match(rowOf(f, 'contoso-web-tls'), /off$/, 'auto-renew is off now');
  const policy = await app.backend.certificates.getPolicy(await vaultOf(app), 'contoso-web-tls');
  assert.deepEqual(policy.lifetimeActions, [{ action: 'EmailContacts', daysBeforeExpiry: 10 }]);
  app.unmount();
});

test('d asks, then moves the certificate to the bin with its key and secret; the bin lists it, the Secrets pane no longer does', async () => {
  const app = await openCertificates();
  await app.pane('secrets');
  await app.waitFor((f) => rowOf(f, 'partner-mtls') !== '', 'its secret, listed before');
  await app.pane('certificates');
  await app.waitFor((f) => f.includes('2 certificates in contoso-app-kv'), 'certificates');
  await select(app, 'partner-mtls');
  await app.command('delete');
  let f = await app.waitFor((x) => x.includes('Delete certificate partner-mtls?'), 'asked');
  assert.ok(f.replace(/\s+/g, ' ').includes(`the bin (pane ${paneNumber('deleted')} (Deleted))`), 'it says where it goes');
  await app.command('confirm.yes');
  f = await app.waitFor((x) => x.includes(`Certificate partner-mtls deleted. Recover it from pane ${paneNumber('deleted')} (Deleted) with r.`), 'deleted');
  await app.command('back'); // clear the filter
  f = await app.waitFor((x) => x.includes('1 certificate in contoso-app-kv'), 'one left');
  assert.equal(rowOf(f, 'partner-mtls'), '');
  await app.pane('deleted');
  await app.waitFor((x) => /cert\s+partner-mtls\s+contoso-app-kv/.test(x), 'in the bin');
  await app.pane('secrets');
  f = await app.waitFor((x) => x.includes('6 secrets in contoso-app-kv'), 'its secret went with it');
  assert.equal(rowOf(f, 'partner-mtls'), '');
  app.unmount();
});

test('--readonly: new, import, lifetime action and delete are shown disabled with the reason; details and downloads still work', async () => {
  const app = await openCertificates({ readonly: true });
  await app.command('delete');
  await app.waitFor((f) => f.includes('Delete is not available: read-only mode'), 'delete refused');
  await app.command('certs.import');
  await app.waitFor((f) => f.includes('Import is not available: read-only mode'), 'import refused');
  await app.command('help');
  const help = await app.waitFor((f) => f.includes('Certificates pane'), 'help');
  for (const label of ['new self-signed', 'import', 'lifetime action', 'delete']) assert.match(help, new RegExp(`${label} — disabled \\(read-only mode`));
  assert.match(help, /download(?! — disabled)/);
  await app.command('close');
  await app.command('open');
  await app.waitFor((f) => f.includes('Lifetime action'), 'the detail opens');
  assert.equal((await app.backend.certificates.listPage(await vaultOf(app))).items.length, 2, 'nothing changed');
  app.unmount();
});

test('an empty vault says how to add a certificate', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j', 'j'); // contoso-shared-kv has none
  await app.pane('certificates');
  const f = await app.waitFor((x) => x.includes('No certificates in contoso-shared-kv'), 'empty');
  assert.match(f, /Press n for a self-signed one, or i to import a \.pfx or \.pem file/);
  app.unmount();
});
