/** PEM text with a private key and certificates (what Key Vault imports and what its PEM secrets hold). */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { certificatePem } from '../../domain/certificate.js';
import { errors } from '../../domain/errors.js';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export const isPemText = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart().startsWith('-----BEGIN');

export function parsePem(text: string, password: string | undefined): { key?: KeyObject; certificates: Uint8Array[] } {
  const certificates: Uint8Array[] = [];
  let key: KeyObject | undefined;
  for (const m of text.matchAll(BLOCK)) {
    if (m[1] === 'CERTIFICATE') certificates.push(new Uint8Array(Buffer.from(m[2].replace(/\s+/g, ''), 'base64')));
    else if (m[1].endsWith('PRIVATE KEY') && !key) {
      try {
        key = createPrivateKey({ key: m[0], format: 'pem', passphrase: password ?? '' });
      } catch {
        throw errors.badParameter(m[1].startsWith('ENCRYPTED') ? 'The PEM private key could not be decrypted with the password given.' : 'The PEM private key could not be read.');
      }
    }
  }
  if (certificates.length === 0) throw errors.badParameter('The PEM text has no CERTIFICATE block.');
  return { key, certificates };
}

/** The secret value of a PEM certificate: the private key (PKCS#8) when exportable, then the certificates, as Key Vault writes it. */
export function buildPem(key: KeyObject | undefined, certificates: Uint8Array[]): string {
  const keyPem = key ? String(key.export({ type: 'pkcs8', format: 'pem' })) : '';
  return keyPem + certificates.map(certificatePem).join('');
}
