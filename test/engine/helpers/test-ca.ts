/**
 * A test CA from an independent implementation (@peculiar/x509 over WebCrypto): it reads the CSR the
 * vault made and signs a certificate for its key, as an outside CA would before the merge.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface TestCa {
  /** Signs a certificate for the request's key and subject, with the request's extensions; DER. */
  sign(csr: Uint8Array, days?: number): Promise<Uint8Array>;
  /** The CA's own certificate (DER), for the chain. */
  certificate: Uint8Array;
}

export async function makeTestCa(name = 'CN=kvdeck Test CA'): Promise<TestCa> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name, notBefore: new Date(now - 60_000), notAfter: new Date(now + 365 * 86_400_000), keys, signingAlgorithm: alg,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
  });
  let serial = 1;
  return {
    certificate: new Uint8Array(ca.rawData),
    async sign(csrDer, days = 90) {
      const csr = new x509.Pkcs10CertificateRequest(csrDer);
      if (!(await csr.verify())) throw new Error('the CSR signature does not verify');
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: (++serial).toString(16).padStart(2, '0'), subject: csr.subject, issuer: ca.subject,
        notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + days * 86_400_000),
        publicKey: csr.publicKey, signingKey: keys.privateKey, signingAlgorithm: alg, extensions: csr.extensions,
      });
      return new Uint8Array(cert.rawData);
    },
  };
}
