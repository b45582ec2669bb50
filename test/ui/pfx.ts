/**
 * A real PFX for import tests, made by OpenSSL (another implementation than the engine's), with a
 * password: a key, a self-signed certificate with a DNS name, then `openssl pkcs12 -export`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Skips a test where OpenSSL is missing, saying so. */
export const needsOpenssl = hasOpenssl ? {} : { skip: 'openssl is not installed (it makes the PFX to import)' };

/** Writes `<dir>/<file>.pfx` for CN=`cn`; returns its path. */
export function makePfx(cn: string, password: string, dir = mkdtempSync(join(tmpdir(), 'kvdeck-pfx-')), file = cn.split('.')[0]): string {
  const key = join(dir, `${file}.key`);
  const cert = join(dir, `${file}.crt`);
  const pfx = join(dir, `${file}.pfx`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert,
    '-subj', `/CN=${cn}/O=Contoso Ltd`, '-days', '30', '-addext', `subjectAltName=DNS:${cn}`], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-in', cert, '-inkey', key, '-out', pfx, '-passout', `pass:${password}`], { stdio: 'ignore' });
  return pfx;
}
