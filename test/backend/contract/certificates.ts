/**
 * Certificates on every backend: what the console's Certificates pane needs (listing with subject,
 * issuer, thumbprint, expiry and auto-renew; detail with policy; import; downloads through the linked
 * secret; create; lifetime action; delete to the bin), the linked key and secret, merge and permissions.
 * The shared lifecycle is lifecycle.ts's.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, it } from 'node:test';
import { listAll } from '../../../source/backend/backend.js';
import { certificateFileOf, certificatePem, type CertificateProperties } from '../../../source/domain/certificate.js';
import { buildCertificate } from '../../../source/engine/x509/certificate.js';
import { buildPfx } from '../../../source/engine/x509/pkcs12.js';
import { makeTestCa } from '../../engine/helpers/test-ca.js';
import { refOf, rejectsWith, type ContractContext } from './context.js';

const DAY = 86_400_000;

export function certificatesContract(c: ContractContext): void {
  describe('certificates', () => {
    it('lists the demo certificates with subject, issuer, thumbprint, expiry and auto-renew', async () => {
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const all = await listAll<CertificateProperties>((p) => c.backend().certificates.listPage(v, p));
      const web = all.find((x) => x.name === 'contoso-web-tls');
      const partner = all.find((x) => x.name === 'partner-mtls');
      assert.ok(web && partner, 'both demo certificates are listed');
      assert.equal(web.subject, 'CN=www.contoso.com, O=Contoso Ltd');
      assert.equal(web.issuer, web.subject, 'self-signed');
      assert.equal(web.autoRenew, true);
      assert.match(web.thumbprint, /^[0-9A-F]{40}$/);
      const left = (web.expiresOn!.getTime() - Date.now()) / DAY;
      assert.ok(left > 19 && left <= 20.01, `expires in 20 days (${left})`);
      assert.equal(partner.issuer, 'CN=Fabrikam Partner CA, O=Fabrikam Inc');
      assert.equal(partner.autoRenew, false);
      assert.ok(partner.expiresOn!.getTime() < Date.now() - 2 * DAY, 'expired 3 days ago');
      assert.ok(!all.some((x) => x.name === 'api-signing-cert'), 'api-signing-cert stays a secret');
    });

    it('the detail carries the policy, the DER certificate and the ids of its key and secret', async () => {
      const b = c.backend();
      const v = refOf(await c.demoVault(c.ids.vaults.app));
      const web = await b.certificates.get(v, 'contoso-web-tls');
      assert.equal(web.policy?.issuerName, 'Self');
      assert.deepEqual(web.policy?.lifetimeActions, [{ action: 'AutoRenew', lifetimePercentage: 80 }]);
      assert.deepEqual(web.policy?.subjectAlternativeNames?.dnsNames, ['www.contoso.com', 'contoso.com']);
      const x = new X509Certificate(web.cer);
      assert.equal(x.fingerprint.replace(/:/g, ''), web.properties.thumbprint);
      assert.match(certificatePem(web.cer), /^-----BEGIN CERTIFICATE-----\n/);
      assert.ok(web.secretId.endsWith(`/secrets/contoso-web-tls/${web.properties.version}`));
      // The full certificate with its key comes through the linked secret, as in Azure.
      const secret = await b.secrets.get(v, 'contoso-web-tls', web.properties.version);
      const file = certificateFileOf(secret);
      assert.equal(file.extension, '.pem');
      assert.match(Buffer.from(file.bytes).toString('utf8'), /BEGIN PRIVATE KEY/);
      const partnerFile = certificateFileOf(await b.secrets.get(v, 'partner-mtls'));
      assert.equal(partnerFile.extension, '.pfx');
      createSecureContext({ pfx: Buffer.from(partnerFile.bytes) });
    });

    it('creates a self-signed certificate whose linked key and secret are managed and refuse changes of their own', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('tls');
      const op = await b.certificates.create(v, name, { policy: { issuerName: 'Self', subject: `CN=${name}.example.com`, subjectAlternativeNames: { dnsNames: [`${name}.example.com`] } } });
      assert.equal(op.status, 'completed');
      const cert = await b.certificates.get(v, name);
      assert.equal(new X509Certificate(cert.cer).subjectAltName, `DNS:${name}.example.com`);
      const key = await b.keys.get(v, name);
      assert.equal(key.properties.managed, true);
      const secret = await b.secrets.get(v, name);
      assert.equal(secret.properties.managed, true);
      assert.equal(secret.properties.contentType, 'application/x-pkcs12');
      await rejectsWith(b.secrets.set(v, name, { value: 'x' }), { status: 403, code: 'Forbidden', innerCode: 'SecretManagedByKeyVault' });
      await rejectsWith(b.secrets.delete(v, name), { status: 403, code: 'Forbidden', innerCode: 'SecretManagedByKeyVault' });
      await rejectsWith(b.keys.update(v, name, undefined, { enabled: false }), { status: 403, code: 'Forbidden', innerCode: 'KeyManagedByKeyVault' });
      await rejectsWith(b.keys.rotate(v, name), { status: 403, code: 'Forbidden', innerCode: 'KeyManagedByKeyVault' });
      assert.ok((await b.secrets.listPage(v)).items.some((s) => s.name === name && s.managed), 'listed among secrets, managed');
    });

    it('deleting a certificate takes its key and secret to the bin, and recovering brings all three back', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('trio');
      await b.certificates.create(v, name, { policy: { issuerName: 'Self', subject: `CN=${name}` } });
      await b.certificates.delete(v, name);
      await rejectsWith(b.secrets.get(v, name), { status: 404, code: 'SecretNotFound' });
      await rejectsWith(b.keys.get(v, name), { status: 404, code: 'KeyNotFound' });
      assert.ok(!(await b.secrets.listDeleted(v)).some((d) => d.properties.name === name), 'a managed secret is not listed in the bin');
      assert.equal((await b.secrets.getDeleted(v, name)).properties.name, name);
      await rejectsWith(b.secrets.recover(v, name), { status: 403, code: 'Forbidden', innerCode: 'SecretManagedByKeyVault' });
      await b.certificates.recover(v, name);
      assert.equal((await b.secrets.get(v, name)).properties.managed, true);
      assert.equal((await b.keys.get(v, name)).properties.managed, true);
    });

    it('imports a PFX with a password and a PEM; a wrong password is refused', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const cer = buildCertificate({
        subject: 'CN=imported.example.com', subjectKey: key, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY),
        keyUsage: ['digitalSignature', 'keyEncipherment'], ekus: ['1.3.6.1.5.5.7.3.1'],
      });
      const pfx = buildPfx({ key, certificates: [cer], password: 's3cret' });
      await rejectsWith(b.certificates.import(v, c.unique('bad'), { value: pfx, password: 'wrong' }), { status: 400, code: 'BadParameter' });
      const name = c.unique('pfx');
      const imported = await b.certificates.import(v, name, { value: pfx, password: 's3cret' });
      assert.deepEqual(Buffer.from(imported.cer), Buffer.from(cer));
      assert.equal(imported.policy?.issuerName, 'Unknown');
      assert.equal(imported.policy?.keySize, 2048);
      const pem = `${key.export({ type: 'pkcs8', format: 'pem' })}${certificatePem(cer)}`;
      const fromPem = await b.certificates.import(v, c.unique('pem'), { value: Buffer.from(pem), policy: { contentType: 'application/x-pem-file' } });
      assert.equal(fromPem.properties.thumbprint, imported.properties.thumbprint);
    });

    it('edits the lifetime action and disables a version; an invalid policy is refused', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('life');
      await b.certificates.create(v, name, { policy: { issuerName: 'Self', subject: `CN=${name}` } });
      const policy = await b.certificates.updatePolicy(v, name, { lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }] });
      assert.deepEqual(policy.lifetimeActions, [{ action: 'EmailContacts', daysBeforeExpiry: 30 }]);
      assert.equal((await b.certificates.listPage(v)).items.find((x) => x.name === name)?.autoRenew, false);
      await rejectsWith(b.certificates.updatePolicy(v, name, { lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 0 }] }), { status: 400, code: 'BadParameter' });
      const off = await b.certificates.update(v, name, undefined, { enabled: false, tags: { owner: 'contract' } });
      assert.equal(off.properties.enabled, false);
      assert.deepEqual(off.properties.tags, { owner: 'contract' });
      await rejectsWith(b.certificates.create(v, c.unique('nosub'), { policy: { issuerName: 'Self' } }), { status: 400, code: 'BadParameter' });
    });

    it('a certificate of issuer Unknown waits for a merge of the certificate a CA signed for its CSR', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      const name = c.unique('csr');
      const op = await b.certificates.create(v, name, { policy: { issuerName: 'Unknown', subject: `CN=${name}` } });
      assert.equal(op.status, 'inProgress');
      assert.equal((await b.certificates.get(v, name)).properties.pending, true);
      const ca = await makeTestCa();
      const merged = await b.certificates.merge(v, name, { x509Certificates: [await ca.sign(op.csr), ca.certificate] });
      assert.equal(merged.properties.pending, false);
      assert.equal(merged.properties.issuer, 'CN=kvdeck Test CA');
      assert.equal((await b.certificates.getOperation(v, name)).status, 'completed');
      assert.equal((await b.keys.get(v, name)).properties.managed, true);
    });

    it('contacts are set, read and removed; a caller without certificate permissions is refused', async () => {
      const b = c.backend();
      const v = refOf(await c.freshVault());
      await rejectsWith(b.certificates.getContacts(v), { status: 404, code: 'ContactsNotFound' });
      assert.deepEqual((await b.certificates.setContacts(v, [{ email: 'pki@example.com' }])).map((x) => x.email), ['pki@example.com']);
      assert.deepEqual((await b.certificates.getContacts(v)).map((x) => x.email), ['pki@example.com']);
      await b.certificates.deleteContacts(v);
      const app = refOf(await c.demoVault(c.ids.vaults.app));
      const web = await c.asPrincipal(c.ids.principals.webApp); // secrets get, list only
      await rejectsWith(web.certificates.listPage(app), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByPolicy', message: /does not have certificates list permission/ });
    });
  });
}
