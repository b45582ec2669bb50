/**
 * The emulator's TLS material: a local CA and a server certificate it signs, with SANs for
 * localhost, *.vault.localhost and 127.0.0.1. Kept in a directory so clients that trusted the CA
 * keep trusting it across restarts; regenerated only when missing, unreadable or close to expiry.
 */
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  /** Absolute path of the CA certificate clients trust. */
  caCertPath: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

const SERVER_SANS = ['localhost', '*.vault.localhost', '127.0.0.1'];
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

/** ~/.config/kvdeck/emulator (XDG_CONFIG_HOME respected). */
export function defaultCertDir(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'kvdeck', 'emulator');
}

function stillGood(caPem: string, certPem: string, now: number): boolean {
  try {
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(certPem);
    if (!cert.verify(ca.publicKey)) return false;
    if (Date.parse(cert.validTo) - now < RENEW_BEFORE_MS || Date.parse(ca.validTo) - now < RENEW_BEFORE_MS) return false;
    const sans = cert.subjectAltName ?? '';
    return sans.includes('DNS:*.vault.localhost') && sans.includes('DNS:localhost');
  } catch {
    return false;
  }
}

function writeAtomic(path: string, text: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, path);
}

async function create(): Promise<{ caPem: string; caKey: string; certPem: string; keyPem: string }> {
  const years = (n: number) => new Date(Date.now() + n * 365 * 24 * 60 * 60 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'kvdeck emulator local CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: years(10),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: years(2),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: SERVER_SANS.map((s) => (/^\d/.test(s) ? { type: 7 as const, ip: s } : { type: 2 as const, value: s })),
      },
    ],
  });
  return { caPem: ca.cert, caKey: ca.private, certPem: server.cert, keyPem: server.private };
}

/** Loads the certificates from `dir`, or makes (and saves) new ones. */
export async function loadOrCreateTls(dir = defaultCertDir()): Promise<TlsMaterial> {
  const abs = resolve(dir);
  const paths = { ca: join(abs, 'ca.pem'), caKey: join(abs, 'ca-key.pem'), cert: join(abs, 'server.pem'), key: join(abs, 'server-key.pem') };
  try {
    const caPem = readFileSync(paths.ca, 'utf8');
    const certPem = readFileSync(paths.cert, 'utf8');
    const keyPem = readFileSync(paths.key, 'utf8');
    if (stillGood(caPem, certPem, Date.now())) return { caCertPath: paths.ca, caPem, certPem, keyPem };
  } catch {
    // missing or unreadable: make new ones below
  }
  const made = await create();
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  writeAtomic(paths.caKey, made.caKey, 0o600);
  writeAtomic(paths.key, made.keyPem, 0o600);
  writeAtomic(paths.cert, made.certPem, 0o644);
  writeAtomic(paths.ca, made.caPem, 0o644);
  return { caCertPath: paths.ca, caPem: made.caPem, certPem: made.certPem, keyPem: made.keyPem };
}
