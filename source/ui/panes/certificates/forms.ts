/**
 * The Certificates pane's forms: import from a .pfx/.pem file (password masked), create a self-signed
 * certificate, edit the lifetime action, download to a file. The policy rules are the domain's
 * (domain/certificate.ts), so a form refuses what the service would, with the same words.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Backend } from '../../../backend/backend.js';
import {
  certificateFileOf, certificatePem, certificatePolicyProblem, lifetimeActionsProblem, MAX_VALIDITY_MONTHS, PEM, PKCS12, SELF, withPolicyDefaults,
  type CertificatePolicy, type CertificatePolicyInput, type CertificateProperties, type KeyVaultCertificate, type LifetimeAction,
} from '../../../domain/certificate.js';
import { distinguishedNameProblem } from '../../../domain/distinguished-name.js';
import { EC_CURVES, RSA_SIZES, type CurveName } from '../../../domain/key.js';
import { objectNameProblem } from '../../../domain/names.js';
import type { VaultRef } from '../../../domain/vault.js';
import type { FieldSpec, FormSpec, FormValues } from '../../components/form.js';
import { nameField } from '../fields.js';
import { expandHome, fileTarget, writePrivateFile } from '../files.js';

// ---- the lifetime action, in the create form and on its own ----

/** What a lifetime action is checked against: the validity (for days before expiry) and the issuer (Unknown cannot renew). */
type ActionContext = (values: FormValues) => { validityInMonths: number; issuerName: string };

const actionFields = (context: ActionContext, current?: LifetimeAction): FieldSpec[] => [
  {
    name: 'action', label: 'Lifetime action', kind: 'select', initial: current?.action ?? 'AutoRenew',
    options: [{ value: 'AutoRenew', label: 'renew itself (AutoRenew)' }, { value: 'EmailContacts', label: 'email the contacts (EmailContacts)' }, { value: 'none', label: 'none' }],
  },
  {
    name: 'trigger', label: 'When', kind: 'select', visible: (v) => v.action !== 'none',
    initial: current?.daysBeforeExpiry !== undefined && current?.daysBeforeExpiry !== null ? 'days' : 'percent',
    options: [{ value: 'percent', label: 'at a share of its lifetime (%)' }, { value: 'days', label: 'days before it expires' }],
  },
  {
    name: 'amount', label: 'Percent or days', visible: (v) => v.action !== 'none',
    initial: String(current?.daysBeforeExpiry ?? current?.lifetimePercentage ?? 80),
    validate: (_v, all) => {
      if (all.action === 'none') return undefined;
      const { validityInMonths, issuerName } = context(all);
      return lifetimeActionsProblem(actionsOf(all), validityInMonths, issuerName);
    },
  },
];

/** The lifetime actions the form's values describe (none, or one). */
function actionsOf(values: FormValues): LifetimeAction[] {
  if (values.action === 'none') return [];
  const n = /^\s*\d+\s*$/.test(String(values.amount)) ? Number(values.amount) : Number.NaN;
  const action = values.action === 'EmailContacts' ? 'EmailContacts' : 'AutoRenew';
  return [values.trigger === 'days' ? { action, daysBeforeExpiry: n } : { action, lifetimePercentage: n }];
}

export function lifetimeActionForm(backend: Backend, vault: VaultRef, name: string, policy: CertificatePolicy, onDone: (p: CertificatePolicy) => void): FormSpec {
  return {
    title: `Lifetime action of ${name} (issuer ${policy.issuerName}, ${policy.validityInMonths} months)`,
    submitLabel: 'save',
    fields: actionFields(() => policy, policy.lifetimeActions[0]),
    submit: async (values) => onDone(await backend.certificates.updatePolicy(vault, name, { lifetimeActions: actionsOf(values) })),
  };
}

// ---- create self-signed ----

const KEY_CHOICES = [...RSA_SIZES.map((s) => ({ value: `RSA:${s}`, label: `RSA ${s}` })), ...EC_CURVES.filter((c) => c !== 'P-256K').map((c) => ({ value: `EC:${c}`, label: `EC ${c}` }))];

const validityOf = (v: unknown) => (/^\d+$/.test(String(v)) ? Number(v) : Number.NaN);
const listOf = (v: unknown) => String(v).split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

/** The policy a self-signed create form describes (Key Vault's defaults for the rest). */
export function selfSignedPolicyOf(values: FormValues): CertificatePolicyInput {
  const [kty, size] = String(values.key).split(':');
  const dnsNames = listOf(values.dnsNames);
  return {
    issuerName: SELF,
    subject: String(values.subject).trim() || undefined,
    ...(dnsNames.length ? { subjectAlternativeNames: { dnsNames } } : {}),
    keyType: kty === 'EC' ? 'EC' : 'RSA',
    ...(kty === 'EC' ? { keyCurveName: size as CurveName } : { keySize: Number(size) }),
    validityInMonths: validityOf(values.validity),
    contentType: values.format === 'pem' ? PEM : PKCS12,
    lifetimeActions: actionsOf(values),
  };
}

export function selfSignedForm(backend: Backend, vault: VaultRef, onDone: (c: KeyVaultCertificate) => void): FormSpec {
  // The subject and names checked on their own: the validity and the lifetime action have their fields.
  const namesProblem = (all: FormValues) => certificatePolicyProblem(withPolicyDefaults({ ...selfSignedPolicyOf(all), validityInMonths: 12, lifetimeActions: [] }));
  return {
    title: `New self-signed certificate in ${vault.name}`,
    submitLabel: 'create',
    fields: [
      nameField(),
      { name: 'subject', label: 'Subject', placeholder: 'CN=www.contoso.com', validate: (v) => (String(v).trim() ? distinguishedNameProblem(String(v).trim()) : undefined) },
      { name: 'dnsNames', label: 'DNS names', placeholder: 'www.contoso.com, contoso.com', validate: (_v, all) => namesProblem(all) },
      { name: 'key', label: 'Key', kind: 'select', options: KEY_CHOICES },
      {
        name: 'validity', label: 'Validity (months)', initial: '12',
        validate: (v) => { const n = validityOf(v); return n >= 1 && n <= MAX_VALIDITY_MONTHS ? undefined : `The validity is a whole number of months from 1 to ${MAX_VALIDITY_MONTHS}.`; },
      },
      { name: 'format', label: 'Secret format', kind: 'select', options: [{ value: 'pfx', label: 'PFX (application/x-pkcs12)' }, { value: 'pem', label: 'PEM (application/x-pem-file)' }] },
      ...actionFields((all) => ({ validityInMonths: validityOf(all.validity), issuerName: SELF })),
    ],
    submit: async (values) => {
      const name = String(values.name);
      const op = await backend.certificates.create(vault, name, { policy: selfSignedPolicyOf(values) });
      if (op.status === 'failed') throw new Error(op.error?.message ?? 'The certificate could not be created.');
      // Issuer Self completes at once; the certificate as listed now.
      onDone(await backend.certificates.get(vault, name));
    },
  };
}

// ---- import ----

/** A name Key Vault accepts, made from a file name ("contoso web.pfx" → "contoso-web"). */
export const nameFromFile = (path: string) => basename(path, extname(path)).replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 127);

/** PEM text starts with a "-----BEGIN" line; anything else is taken as a PFX. */
const isPem = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart().startsWith('-----BEGIN');

export function importForm(backend: Backend, vault: VaultRef, onDone: (c: KeyVaultCertificate) => void): FormSpec {
  return {
    title: `Import a certificate into ${vault.name}`,
    submitLabel: 'import',
    fields: [
      { name: 'file', label: 'File (.pfx or .pem)', placeholder: './server.pfx', validate: (v) => (String(v).trim() ? undefined : 'A file path is required.') },
      {
        name: 'name', label: 'Name', placeholder: 'empty: from the file name',
        validate: (v, all) => objectNameProblem(String(v).trim() || nameFromFile(String(all.file)) || String(v)),
      },
      // Never stored, never logged: it goes to the service with the file and is gone.
      { name: 'password', label: 'PFX password', mask: true, placeholder: 'empty if it has none (PEM: not needed)' },
    ],
    submit: async (values) => {
      const path = expandHome(String(values.file).trim());
      const value = new Uint8Array(await readFile(path));
      const password = String(values.password);
      const name = String(values.name).trim() || nameFromFile(path);
      onDone(await backend.certificates.import(vault, name, { value, ...(password && !isPem(value) ? { password } : {}) }));
    },
  };
}

// ---- download ----

export type DownloadFormat = 'cer' | 'pem' | 'full';

export interface DownloadDeps {
  backend: Backend;
  vault: VaultRef;
  certificate: CertificateProperties;
}

/** A download ready to be written: where, what, and a sentence for it. */
export interface Download {
  path: string;
  bytes: Uint8Array;
  what: string;
}

/** What to write for each format: the public certificate (DER or PEM), or the linked secret's PFX/PEM with the private key. */
async function downloadBytes(d: DownloadDeps, format: DownloadFormat): Promise<Omit<Download, 'path'> & { extension: string }> {
  const { name, version } = d.certificate;
  if (format === 'full') {
    const secret = await d.backend.secrets.get(d.vault, name, version);
    const file = certificateFileOf(secret);
    return { ...file, what: `the certificate with its private key (${file.extension === '.pem' ? 'PEM' : 'PFX'})` };
  }
  const { cer } = await d.backend.certificates.get(d.vault, name, version);
  if (cer.length === 0) throw new Error(`${name} has no certificate yet: its creation is still pending.`);
  return format === 'pem'
    ? { bytes: new Uint8Array(Buffer.from(certificatePem(cer), 'utf8')), extension: '.pem', what: 'the public certificate (PEM)' }
    : { bytes: cer, extension: '.cer', what: 'the public certificate (DER)' };
}

/**
 * Asks what to download and where, and reads it from the vault (a refusal keeps the form open).
 * `onReady` gets the file to write: the caller writes it after the form has closed, so that it can ask
 * before replacing a file (saveDownload).
 */
export function downloadForm(d: DownloadDeps, onReady: (file: Download) => void): FormSpec {
  const c = d.certificate;
  return {
    title: `Download ${c.name} (version ${c.version.slice(0, 8)}…) to a file`,
    submitLabel: 'download',
    fields: [
      {
        name: 'format', label: 'What', kind: 'select',
        options: [
          { value: 'cer', label: 'public certificate, .cer (DER)' },
          { value: 'pem', label: 'public certificate, .pem' },
          { value: 'full', label: 'with its private key: the PFX or PEM' },
        ],
      },
      { name: 'path', label: 'File', placeholder: `empty: ./${c.name} with the format's extension` },
    ],
    submit: async (values) => {
      const { bytes, extension, what } = await downloadBytes(d, String(values.format) as DownloadFormat);
      onReady({ path: expandHome(String(values.path).trim() || `./${c.name}${extension}`), bytes, what });
    },
  };
}

/**
 * Writes a download readable by its owner only (0600), never over an existing file without asking:
 * `confirmReplace` asks; "no" leaves the file as it is. True when written.
 */
export async function saveDownload(file: Download, confirmReplace: (path: string) => Promise<boolean>): Promise<boolean> {
  const target = await fileTarget(file.path, `${basename(file.path) || 'certificate'}`);
  if (target.problem) throw new Error(target.problem);
  if (target.exists && !(await confirmReplace(target.path))) return false;
  await writePrivateFile(target.path, file.bytes);
  return true;
}
