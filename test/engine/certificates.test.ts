/**
 * Certificate rules of the engine: policy validation, the contents of self-signed certificates (checked
 * with node:crypto's X509Certificate), PFX and PEM import round trips (including a PFX written by
 * OpenSSL when it is installed), the CSR and merge flow with an independent test CA, auto-renewal as
 * the clock passes the trigger, the linked key and secret, and certificate permissions.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { describe, it } from 'node:test';
import { certificatePem, PEM } from '../../source/domain/certificate.js';
import { DAY_MS } from '../../source/engine/clock.js';
import { parsePfx } from '../../source/engine/x509/pkcs12.js';
import { buildPfx } from '../../source/engine/x509/pkcs12.js';
import { CURRENT_DEFAULTS, demoEngine, newVaultInput, operator, throwsKv, webApp } from './helpers/engine.js';
import { makeTestCa } from './helpers/test-ca.js';

const full = { keys: ['all'], secrets: ['all'], certificates: ['all'], storage: [] };

function withVault(name = 'certs-kv') {
  const { engine, clock } = demoEngine();
  engine.vaults.create(operator, newVaultInput(name, { accessPolicies: [{ tenantId: operator.tenantId, objectId: operator.objectId, permissions: full }] }), CURRENT_DEFAULTS);
  return { engine, clock, certs: engine.certificates, vault: name };
}

const selfPolicy = (extra: object = {}) => ({ issuerName: 'Self', subject: 'CN=www.example.com, O=Example', subjectAlternativeNames: { dnsNames: ['www.example.com', 'example.com'] }, ...extra });

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('certificates: policy rules', () => {
  it('a policy without subject or SANs, a bad subject, validity, key size, curve or lifetime action is refused with a sentence', () => {
    const { certs, vault } = withVault();
    const refused = (policy: object, message: RegExp) => throwsKv(() => certs.create(operator, vault, 'bad', { policy }), { status: 400, code: 'BadParameter', message });
    refused({ issuerName: 'Self' }, /needs a subject/);
    refused({ issuerName: 'Self', subject: 'www.example.com' }, /has no '='/);
    refused({ issuerName: 'Self', subject: 'XX=a' }, /not a subject attribute/);
    refused(selfPolicy({ validityInMonths: 0 }), /validity is a whole number of months/);
    refused(selfPolicy({ keyType: 'RSA', keySize: 1024 }), /key size 1024 is not supported/);
    refused(selfPolicy({ keyType: 'EC', keyCurveName: 'P-192' }), /curve 'P-192' is not supported/);
    refused(selfPolicy({ lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 100 }] }), /lifetime percentage is a whole number from 1 to 99/);
    refused(selfPolicy({ validityInMonths: 12, lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 325 }] }), /from 1 to 324/);
    refused(selfPolicy({ lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80, daysBeforeExpiry: 10 }] }), /give one of the two/);
    refused({ issuerName: 'Unknown', subject: 'CN=x', lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }] }, /cannot renew itself/);
    refused(selfPolicy({ issuerName: 'NoSuchCA' }), /issuer 'NoSuchCA' is not set up/);
  });

  it('what a policy leaves out gets Key Vault\'s defaults', () => {
    const { certs, vault } = withVault();
    certs.create(operator, vault, 'defaults', { policy: { issuerName: 'Self', subject: 'CN=defaults' } });
    const p = certs.getPolicy(operator, vault, 'defaults');
    assert.equal(p.keyType, 'RSA');
    assert.equal(p.keySize, 2048);
    assert.equal(p.exportable, true);
    assert.equal(p.reuseKey, false);
    assert.equal(p.contentType, 'application/x-pkcs12');
    assert.deepEqual(p.enhancedKeyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    assert.deepEqual(p.keyUsage, ['digitalSignature', 'keyEncipherment']);
    assert.equal(p.validityInMonths, 12);
    assert.deepEqual(p.lifetimeActions, [{ action: 'AutoRenew', lifetimePercentage: 80 }]);
  });
});

describe('certificates: self-signed', () => {
  for (const [label, key] of [['RSA 2048', { keyType: 'RSA', keySize: 2048 }], ['EC P-384', { keyType: 'EC', keyCurveName: 'P-384' }], ['EC P-521', { keyType: 'EC', keyCurveName: 'P-521' }]] as const) {
    it(`a Self certificate (${label}) is a real X.509 certificate with the policy's subject, SANs, EKUs, key usage and validity`, () => {
      const { certs, vault, clock } = withVault();
      const op = certs.create(operator, vault, 'web', { policy: selfPolicy({ ...key, validityInMonths: 6, enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'] }) });
      assert.equal(op.status, 'completed');
      const c = certs.get(operator, vault, 'web');
      const x = new X509Certificate(c.cer);
      assert.equal(x.subject, 'O=Example\nCN=www.example.com');
      assert.equal(x.issuer, x.subject);
      assert.ok(x.verify(x.publicKey), 'signed by its own key');
      assert.equal(x.subjectAltName, 'DNS:www.example.com, DNS:example.com');
      assert.deepEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.1']);
      assert.equal(x.fingerprint.replace(/:/g, ''), c.properties.thumbprint);
      assert.equal(x.publicKey.asymmetricKeyType, key.keyType === 'RSA' ? 'rsa' : 'ec');
      const from = new Date(x.validFrom).getTime();
      const to = new Date(x.validTo).getTime();
      assert.equal(from, Math.floor(clock.now() / 1000) * 1000 - 10 * 60_000, 'backdated ten minutes');
      const sixMonths = new Date(Math.floor(clock.now() / 1000) * 1000);
      sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
      assert.equal(to, sixMonths.getTime());
      assert.equal(c.properties.expiresOn?.getTime(), to);
      assert.equal(c.properties.subject, 'CN=www.example.com, O=Example');
    });
  }

  it('the linked secret holds a PFX with the private key of the certificate; PEM when the policy asks', () => {
    const { engine, certs, vault } = withVault();
    certs.create(operator, vault, 'pfx', { policy: selfPolicy({ keyType: 'EC' }) });
    const secret = engine.secrets.get(operator, vault, 'pfx');
    const pfx = parsePfx(Buffer.from(secret.value, 'base64'), undefined);
    assert.ok(new X509Certificate(pfx.certificates[0]).checkPrivateKey(pfx.key!));
    createSecureContext({ pfx: Buffer.from(secret.value, 'base64') });
    certs.create(operator, vault, 'pem', { policy: selfPolicy({ contentType: PEM }) });
    const pem = engine.secrets.get(operator, vault, 'pem');
    assert.equal(pem.properties.contentType, PEM);
    assert.ok(new X509Certificate(pem.value).checkPrivateKey(createPrivateKey(pem.value)));
  });

  it('a key that may not be exported leaves the private key out of the secret', () => {
    const { engine, certs, vault } = withVault();
    certs.create(operator, vault, 'locked', { policy: selfPolicy({ exportable: false, contentType: PEM }) });
    const value = engine.secrets.get(operator, vault, 'locked').value;
    assert.ok(!value.includes('PRIVATE KEY'));
    assert.match(value, /BEGIN CERTIFICATE/);
  });
});

describe('certificates: import', () => {
  const outside = () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const { engine, certs, vault } = withVault();
    certs.create(operator, vault, 'src', { policy: selfPolicy({ contentType: PEM }) });
    const pem = engine.secrets.get(operator, vault, 'src').value;
    return { key, pem, der: certs.get(operator, vault, 'src').cer };
  };

  it('a PFX with a password round-trips: same certificate, same key, a new PFX without password in the secret', () => {
    const { engine, certs, vault } = withVault();
    const { pem, der } = outside();
    const key = createPrivateKey(pem);
    const pfx = buildPfx({ key, certificates: [der], password: 'p@ss word' });
    throwsKv(() => certs.import(operator, vault, 'in', { value: pfx, password: 'nope' }), { status: 400, code: 'BadParameter', message: /could not be opened with the password/ });
    const c = certs.import(operator, vault, 'in', { value: pfx, password: 'p@ss word' });
    assert.deepEqual(Buffer.from(c.cer), Buffer.from(der));
    const back = parsePfx(Buffer.from(engine.secrets.get(operator, vault, 'in').value, 'base64'), undefined);
    assert.ok(back.key!.equals(key));
    assert.equal(c.policy?.subject, 'CN=www.example.com, O=Example');
    assert.deepEqual(c.policy?.subjectAlternativeNames?.dnsNames, ['www.example.com', 'example.com']);
  });

  it('a PFX written by OpenSSL (AES and legacy 3DES) imports', { skip: hasOpenssl ? false : 'openssl is not installed' }, () => {
    const { certs, vault } = withVault();
    const { pem } = outside();
    const dir = mkdtempSync(join(tmpdir(), 'kvdeck-pfx-'));
    writeFileSync(join(dir, 'in.pem'), pem);
    for (const [name, extra] of [['aes', []], ['des', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']]] as const) {
      execFileSync('openssl', ['pkcs12', '-export', '-in', join(dir, 'in.pem'), '-out', join(dir, `${name}.pfx`), '-passout', 'pass:secret', ...extra]);
      const c = certs.import(operator, vault, `openssl-${name}`, { value: readFileSync(join(dir, `${name}.pfx`)), password: 'secret' });
      assert.equal(c.properties.subject, 'CN=www.example.com, O=Example');
    }
  });

  it('PEM with the private key imports; PEM without it is refused with Key Vault\'s sentence', () => {
    const { certs, vault } = withVault();
    const { pem, der } = outside();
    const c = certs.import(operator, vault, 'pem-in', { value: Buffer.from(pem) });
    assert.equal(c.policy?.contentType, PEM);
    throwsKv(() => certs.import(operator, vault, 'no-key', { value: Buffer.from(certificatePem(der)) }), { status: 400, code: 'BadParameter', message: /^Private key is not specified/ });
    throwsKv(() => certs.import(operator, vault, 'junk', { value: Buffer.from('not a certificate') }), { status: 400, code: 'BadParameter' });
  });
});

describe('certificates: CSR and merge', () => {
  it('issuer Unknown leaves a pending operation with a CSR; a CA-signed certificate for it completes the certificate', async () => {
    const { engine, certs, vault } = withVault();
    const op = certs.create(operator, vault, 'signed', { policy: { issuerName: 'Unknown', subject: 'CN=signed.example.com', keyType: 'EC' } });
    assert.equal(op.status, 'inProgress');
    const pending = certs.get(operator, vault, 'signed');
    assert.equal(pending.properties.pending, true);
    assert.equal(pending.properties.enabled, false);
    throwsKv(() => engine.secrets.get(operator, vault, 'signed'), { status: 404, code: 'SecretNotFound' });
    throwsKv(() => certs.create(operator, vault, 'signed', { policy: selfPolicy() }), { status: 409, code: 'Forbidden', message: /while a pending key vault certificate's status is inProgress/ });
    const ca = await makeTestCa();
    const signed = await ca.sign(op.csr);
    const merged = certs.merge(operator, vault, 'signed', { x509Certificates: [signed, ca.certificate] });
    assert.equal(merged.properties.issuer, 'CN=kvdeck Test CA');
    assert.equal(merged.properties.version, pending.properties.version, 'the pending version is completed');
    assert.equal(certs.getOperation(operator, vault, 'signed').status, 'completed');
    const pfx = parsePfx(Buffer.from(engine.secrets.get(operator, vault, 'signed').value, 'base64'), undefined);
    assert.equal(pfx.certificates.length, 2, 'the chain is kept');
    assert.ok(new X509Certificate(pfx.certificates[0]).checkPrivateKey(pfx.key!));
  });

  it('a merge of a certificate for another key is refused', async () => {
    const { certs, vault } = withVault();
    certs.create(operator, vault, 'mismatch', { policy: { issuerName: 'Unknown', subject: 'CN=m' } });
    const { certs: c2, vault: v2 } = withVault('other-kv');
    const op2 = c2.create(operator, v2, 'x', { policy: { issuerName: 'Unknown', subject: 'CN=m' } });
    const foreign = await (await makeTestCa()).sign(op2.csr);
    throwsKv(() => certs.merge(operator, vault, 'mismatch', { x509Certificates: [foreign] }), { status: 400, code: 'BadParameter', message: /doesn't match/ });
  });
});

describe('certificates: auto-renewal', () => {
  it('a Self certificate with AutoRenew gets a new version when the clock passes its trigger, not before', () => {
    const { engine, certs, vault, clock } = withVault();
    certs.create(operator, vault, 'renews', { policy: selfPolicy({ validityInMonths: 1, lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 10 }] }) });
    const first = certs.get(operator, vault, 'renews');
    const trigger = first.properties.expiresOn!.getTime() - 10 * DAY_MS;
    clock.set(trigger - 60_000);
    engine.sweep(true);
    assert.equal(certs.listVersions(operator, vault, 'renews').length, 1);
    clock.set(trigger + 1000);
    engine.sweep(true);
    const renewed = certs.get(operator, vault, 'renews');
    assert.notEqual(renewed.properties.version, first.properties.version);
    assert.ok(renewed.properties.expiresOn!.getTime() > first.properties.expiresOn!.getTime());
    assert.equal(engine.keys.listVersions(operator, vault, 'renews').length, 2, 'a new key version with it');
    assert.notEqual(engine.keys.get(operator, vault, 'renews').key.n, engine.keys.get(operator, vault, 'renews', first.properties.version).key.n, 'a new key (reuse_key false)');
    engine.sweep(true);
    assert.equal(certs.listVersions(operator, vault, 'renews').length, 2, 'renewed once');
  });

  it('EmailContacts and certificates of issuer Unknown are never renewed', () => {
    const { engine, certs, vault, clock } = withVault();
    certs.create(operator, vault, 'mail', { policy: selfPolicy({ validityInMonths: 1, lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 50 }] }) });
    clock.advance(40 * DAY_MS);
    engine.sweep(true);
    assert.equal(certs.listVersions(operator, vault, 'mail').length, 1);
  });
});

describe('certificates: the linked key and secret', () => {
  it('refuse every change of their own with Key Vault\'s sentence, and follow the certificate through delete, recover and purge', () => {
    const { engine, certs, vault } = withVault();
    certs.create(operator, vault, 'linked', { policy: selfPolicy() });
    const kv = { status: 403, code: 'Forbidden' };
    throwsKv(() => engine.secrets.set(operator, vault, 'linked', { value: 'x' }), { ...kv, innerCode: 'SecretManagedByKeyVault', message: /^Operation "set" is not allowed on this secret, since it is associated with a certificate\./ });
    throwsKv(() => engine.secrets.update(operator, vault, 'linked', undefined, { enabled: false }), { ...kv, innerCode: 'SecretManagedByKeyVault' });
    throwsKv(() => engine.secrets.delete(operator, vault, 'linked'), { ...kv, innerCode: 'SecretManagedByKeyVault' });
    throwsKv(() => engine.secrets.backup(operator, vault, 'linked'), { ...kv, innerCode: 'SecretManagedByKeyVault' });
    throwsKv(() => engine.keys.update(operator, vault, 'linked', undefined, { keyOps: ['sign'] }), { ...kv, innerCode: 'KeyManagedByKeyVault' });
    throwsKv(() => engine.keys.rotate(operator, vault, 'linked'), { ...kv, innerCode: 'KeyManagedByKeyVault' });
    throwsKv(() => engine.keys.create(operator, vault, 'linked', { keyType: 'RSA' }), { ...kv, innerCode: 'KeyManagedByKeyVault' });
    throwsKv(() => engine.keys.delete(operator, vault, 'linked'), { ...kv, innerCode: 'KeyManagedByKeyVault' });
    // The key still works for what the certificate's key usage allows.
    const sig = engine.keys.sign(operator, vault, 'linked', undefined, 'RS256', Buffer.alloc(32, 1));
    assert.equal(sig.result.length, 256);
    certs.delete(operator, vault, 'linked');
    throwsKv(() => engine.keys.get(operator, vault, 'linked'), { status: 404, code: 'KeyNotFound' });
    throwsKv(() => engine.keys.purge(operator, vault, 'linked'), { ...kv, innerCode: 'KeyManagedByKeyVault' });
    assert.ok(!engine.keys.listDeleted(operator, vault).some((d) => d.properties.name === 'linked'));
    certs.recover(operator, vault, 'linked');
    assert.equal(engine.keys.get(operator, vault, 'linked').properties.managed, true);
    certs.delete(operator, vault, 'linked');
    certs.purge(operator, vault, 'linked');
    throwsKv(() => engine.secrets.getDeleted(operator, vault, 'linked'), { status: 404, code: 'SecretNotFound' });
  });

  it('a certificate cannot take the name of a plain secret or key', () => {
    const { engine, certs, vault } = withVault();
    engine.secrets.set(operator, vault, 'taken', { value: 'x' });
    throwsKv(() => certs.create(operator, vault, 'taken', { policy: selfPolicy() }), { status: 409, code: 'Conflict', message: /A secret named taken already exists/ });
  });

  it('disabling a certificate version disables its key and secret versions', () => {
    const { engine, certs, vault } = withVault();
    certs.create(operator, vault, 'toggle', { policy: selfPolicy({ keyType: 'EC' }) });
    certs.update(operator, vault, 'toggle', undefined, { enabled: false });
    throwsKv(() => engine.secrets.get(operator, vault, 'toggle'), { status: 403, code: 'Forbidden', innerCode: 'SecretDisabled' });
    assert.equal(engine.keys.get(operator, vault, 'toggle').properties.enabled, false);
  });
});

describe('certificates: permissions and the demo', () => {
  it('access policies\' certificate permissions decide: the web app has none', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.certificates.listPage(webApp, 'contoso-app-kv'), { status: 403, code: 'Forbidden', message: /does not have certificates list permission/ });
    throwsKv(() => engine.certificateSettings.getContacts(webApp, 'contoso-app-kv'), { status: 403, code: 'Forbidden', message: /certificates managecontacts permission/ });
  });

  it('the demo certificates are the same for the same clock (stable thumbprints for screenshots)', () => {
    const a = demoEngine().engine;
    const b = demoEngine().engine;
    for (const name of ['contoso-web-tls', 'partner-mtls']) {
      assert.equal(a.certificates.get(operator, 'contoso-app-kv', name).properties.thumbprint, b.certificates.get(operator, 'contoso-app-kv', name).properties.thumbprint);
    }
    assert.deepEqual(a.certificateSettings.getContacts(operator, 'contoso-app-kv'), [{ email: 'pki@contoso.com', name: 'Contoso PKI team' }]);
  });
});
