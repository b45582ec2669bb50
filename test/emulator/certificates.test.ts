/**
 * The emulator's certificates with the official @azure/keyvault-certificates client, unchanged: the
 * create poller, import of a PFX (with a password) and of PEM, the CSR/merge flow, policy, contacts,
 * issuers, the linked managed key and secret, and the lifecycle pollers.
 */
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { CertificateClient } from '@azure/keyvault-certificates';
import { emulatorClientOptions } from '../../source/emulator/index.js';
import { buildCertificate } from '../../source/engine/x509/certificate.js';
import { buildPfx } from '../../source/engine/x509/pkcs12.js';
import { makeTestCa } from '../engine/helpers/test-ca.js';
import { rejection, startHarness, type Harness } from './helpers.js';

let h: Harness;
const VAULT = 'certs-kv';
before(async () => {
  h = await startHarness({ seed: 'empty' });
  await h.createVault(VAULT);
});
after(() => h.close());

const certificates = () => new CertificateClient(h.emu.vaultUrl(VAULT), h.credential(), { ...emulatorClientOptions(h.emu, h.agent), retryOptions: { maxRetries: 0 } });

/** A certificate signed by a throwaway CA, with its key: what a user brings to import. */
function outsideCertificate(subject: string) {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const now = Date.now();
  const cer = buildCertificate({
    subject, subjectKey: key, issuer: { name: 'CN=Test CA', key: ca }, notBefore: new Date(now - 60_000), notAfter: new Date(now + 30 * 86_400_000),
    keyUsage: ['digitalSignature'], ekus: ['1.3.6.1.5.5.7.3.2'], sans: { dnsNames: ['client.example.com'] },
  });
  return { key, cer };
}

describe('emulator certificates over CertificateClient', () => {
  it('creates a self-signed certificate with the long-running poller and returns it with its policy', async () => {
    const c = certificates();
    const poller = await c.beginCreateCertificate('web-tls', {
      issuerName: 'Self', subject: 'CN=www.example.com', subjectAlternativeNames: { dnsNames: ['www.example.com'] }, validityInMonths: 6,
    }, { intervalInMs: 0 });
    const created = await poller.pollUntilDone();
    assert.equal(created.name, 'web-tls');
    assert.equal(created.policy?.issuerName, 'Self');
    assert.equal(created.policy?.lifetimeActions?.[0]?.action, 'AutoRenew');
    const x = new X509Certificate(created.cer!);
    assert.equal(x.subject, 'CN=www.example.com');
    assert.equal(x.subjectAltName, 'DNS:www.example.com');
    assert.ok(x.verify(x.publicKey), 'self-signed');
    assert.equal(Buffer.from(created.properties.x509Thumbprint!).toString('hex').toUpperCase(), x.fingerprint.replace(/:/g, ''));
    assert.equal(created.keyId, `${h.emu.vaultUrl(VAULT)}keys/web-tls/${created.properties.version}`);
    assert.equal(created.secretId, `${h.emu.vaultUrl(VAULT)}secrets/web-tls/${created.properties.version}`);
    const op = await (await c.getCertificateOperation('web-tls')).getOperationState().certificateOperation;
    assert.equal(op?.status, 'completed');
    assert.equal(op?.target, `${h.emu.vaultUrl(VAULT)}certificates/web-tls`);
  });

  it('the linked secret holds a PFX with the private key, and the linked key and secret refuse changes of their own', async () => {
    const secret = await h.secrets(VAULT).getSecret('web-tls');
    assert.equal(secret.properties.contentType, 'application/x-pkcs12');
    assert.equal(secret.properties.managed, true);
    assert.ok(secret.properties.certificateKeyId?.endsWith(`/keys/web-tls/${secret.properties.version}`));
    createSecureContext({ pfx: Buffer.from(secret.value!, 'base64') }); // OpenSSL reads it, key and all
    const key = await h.keys(VAULT).getKey('web-tls');
    assert.equal(key.properties.managed, true);
    const refused = await rejection(h.secrets(VAULT).beginDeleteSecret('web-tls'));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.message, /not allowed on this secret, since it is associated with a certificate/);
    const keyRefused = await rejection(h.keys(VAULT).updateKeyProperties('web-tls', key.properties.version!, { enabled: false }));
    assert.equal(keyRefused.statusCode, 403);
    assert.equal((await rejection(h.secrets(VAULT).setSecret('web-tls', 'x'))).statusCode, 403);
  });

  it('imports a password-protected PFX and a PEM, keeping the chain and deriving the policy', async () => {
    const c = certificates();
    const { key, cer } = outsideCertificate('CN=client.example.com, O=Example');
    const pfx = buildPfx({ key, certificates: [cer], password: 'correct horse' });
    const wrong = await rejection(c.importCertificate('client-pfx', pfx, { password: 'nope' }));
    assert.equal(wrong.statusCode, 400);
    const imported = await c.importCertificate('client-pfx', pfx, { password: 'correct horse', tags: { source: 'partner' } });
    assert.deepEqual(Buffer.from(imported.cer!), Buffer.from(cer));
    assert.equal(imported.policy?.issuerName, 'Unknown');
    assert.equal(imported.policy?.subject, 'CN=client.example.com, O=Example');
    assert.equal(imported.policy?.keyType, 'EC');
    assert.deepEqual(imported.properties.tags, { source: 'partner' });
    const pem = `${key.export({ type: 'pkcs8', format: 'pem' })}-----BEGIN CERTIFICATE-----\n${Buffer.from(cer).toString('base64')}\n-----END CERTIFICATE-----\n`;
    const fromPem = await c.importCertificate('client-pem', Buffer.from(pem), { policy: { contentType: 'application/x-pem-file' } });
    assert.equal(fromPem.policy?.contentType, 'application/x-pem-file');
    const secret = await h.secrets(VAULT).getSecret('client-pem');
    assert.match(secret.value!, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----BEGIN CERTIFICATE-----\n/);
    assert.equal(createPrivateKey(secret.value!).asymmetricKeyType, 'ec');
  });

  it('a certificate of issuer Unknown waits with a CSR; merging the certificate signed for it completes it', async () => {
    const c = certificates();
    await c.beginCreateCertificate('merged', { issuerName: 'Unknown', subject: 'CN=merged.example.com' }, { intervalInMs: 0 });
    // The create poller's public state leaves the operation out; the operation poller has it.
    const op = (await c.getCertificateOperation('merged')).getOperationState().certificateOperation!;
    assert.equal(op.status, 'inProgress');
    assert.equal(op.statusDetails, 'Pending certificate created. Please Perform Merge to complete the request.');
    assert.ok(op.csr && op.csr.length > 100);
    const pending = await c.getCertificate('merged');
    assert.equal(pending.properties.enabled, false);
    // Merging someone else's certificate is refused: it is not for the CSR's key.
    const { cer } = outsideCertificate('CN=merged.example.com');
    const refused = await rejection(c.mergeCertificate('merged', [cer]));
    assert.equal(refused.statusCode, 400);
    const ca = await makeTestCa();
    const signed = await ca.sign(op.csr!);
    const merged = await c.mergeCertificate('merged', [signed, ca.certificate]);
    assert.equal(merged.properties.enabled, true);
    assert.equal(new X509Certificate(merged.cer!).issuer, 'CN=kvdeck Test CA');
    assert.equal((await c.getCertificateOperation('merged')).getOperationState().certificateOperation?.status, 'completed');
    const secret = await h.secrets(VAULT).getSecret('merged');
    createSecureContext({ pfx: Buffer.from(secret.value!, 'base64') });
    await c.deleteCertificateOperation('merged');
    assert.equal((await rejection(c.getCertificateOperation('merged'))).statusCode, 404);
  });

  it('deletes (with the key and secret), lists deleted, recovers, backs up and restores through the pollers', async () => {
    const c = certificates();
    await (await c.beginCreateCertificate('lifecycle', { issuerName: 'Self', subject: 'CN=lifecycle' }, { intervalInMs: 0 })).pollUntilDone();
    const deleted = await (await c.beginDeleteCertificate('lifecycle', { intervalInMs: 0 })).pollUntilDone();
    assert.ok(deleted.recoveryId?.endsWith('/deletedcertificates/lifecycle'));
    assert.equal((await rejection(h.secrets(VAULT).getSecret('lifecycle'))).statusCode, 404);
    const names: string[] = [];
    for await (const d of c.listDeletedCertificates()) names.push(d.name!);
    assert.ok(names.includes('lifecycle'));
    const recovered = await (await c.beginRecoverDeletedCertificate('lifecycle', { intervalInMs: 0 })).pollUntilDone();
    assert.equal(recovered.name, 'lifecycle');
    assert.equal((await h.secrets(VAULT).getSecret('lifecycle')).properties.managed, true);
    const backup = await c.backupCertificate('lifecycle');
    await (await c.beginDeleteCertificate('lifecycle', { intervalInMs: 0 })).pollUntilDone();
    await c.purgeDeletedCertificate('lifecycle');
    const restored = await c.restoreCertificateBackup(backup!);
    assert.equal(restored.name, 'lifecycle');
    assert.equal((await h.keys(VAULT).getKey('lifecycle')).properties.managed, true);
  });

  it('lists certificates and versions, updates properties and the lifetime action, and keeps contacts and issuers', async () => {
    const c = certificates();
    const names: string[] = [];
    for await (const p of c.listPropertiesOfCertificates()) names.push(p.name!);
    assert.ok(names.includes('web-tls') && names.includes('client-pfx'));
    const versions: string[] = [];
    for await (const p of c.listPropertiesOfCertificateVersions('web-tls')) versions.push(p.version!);
    assert.equal(versions.length, 1);
    const updated = await c.updateCertificateProperties('web-tls', '', { tags: { env: 'test' }, enabled: true });
    assert.deepEqual(updated.properties.tags, { env: 'test' });
    // updateCertificatePolicy's own answer is empty in SDK 4.10 (it returns a body it never reads): read it back.
    await c.updateCertificatePolicy('web-tls', { lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }] } as never);
    const policy = await c.getCertificatePolicy('web-tls');
    assert.deepEqual(policy.lifetimeActions, [{ action: 'EmailContacts', daysBeforeExpiry: 30, lifetimePercentage: undefined }]);
    assert.equal(policy.subject, 'CN=www.example.com');
    const bad = await rejection(c.updateCertificatePolicy('web-tls', { lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 120 }] } as never));
    assert.equal(bad.statusCode, 400);

    assert.equal((await rejection(c.getContacts())).statusCode, 404);
    const set = await c.setContacts([{ email: 'pki@example.com', name: 'PKI' }]);
    assert.deepEqual(set, [{ email: 'pki@example.com', name: 'PKI', phone: undefined }]);
    assert.deepEqual(await c.getContacts(), [{ email: 'pki@example.com', name: 'PKI', phone: undefined }]);
    await c.deleteContacts();

    const issuer = await c.createIssuer('digicert', 'DigiCert', { accountId: 'acct', password: 'never-returned' });
    assert.equal(issuer.provider, 'DigiCert');
    assert.equal(issuer.password, undefined);
    const listed: string[] = [];
    // The SDK's issuer items carry only id and provider (no name): the name is the id's last segment.
    for await (const i of c.listPropertiesOfIssuers()) listed.push(i.id!.split('/').pop()!);
    assert.deepEqual(listed, ['digicert']);
    assert.equal((await c.getIssuer('digicert')).accountId, 'acct');
    await c.deleteIssuer('digicert');
  });
});
