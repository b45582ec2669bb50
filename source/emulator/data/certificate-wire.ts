/**
 * Certificate bodies of the Key Vault data plane, as Azure's REST specs (Security.KeyVault.Certificates)
 * and the SDK's recorded answers show them: bundles with `cer`, `x5t`, `kid`, `sid` and the policy in its
 * snake_case wire form, the pending operation, contacts and issuers; and the readers of request bodies.
 */
import type {
  CertificateContact, CertificateIssuer, CertificateOperation, CertificatePolicy, CertificatePolicyInput, CertificateProperties,
  DeletedCertificate, KeyVaultCertificate, LifetimeAction,
} from '../../domain/certificate.js';
import { KeyVaultError } from '../../domain/errors.js';
import { attributes, deletedFields, objectField, unversioned, type AttributesWire, type DeletedWire } from './wire.js';

const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);
const x5tOf = (thumbprint: string) => (thumbprint ? Buffer.from(thumbprint, 'hex').toString('base64url') : undefined);
/** …/certificates/{name}: the certificate's unversioned id (policy and pending hang off it). */
const baseId = (p: CertificateProperties) => p.id.slice(0, p.id.length - p.version.length - 1);

export interface CertificateItemWire {
  id: string;
  attributes: Partial<AttributesWire>;
  tags: Record<string, string>;
  x5t?: string;
}

/** Listings leave out recoveryLevel and recoverableDays (as the service's list answers do). */
export function certificateItem(p: CertificateProperties): CertificateItemWire {
  const { recoveryLevel: _l, recoverableDays: _d, ...listed } = attributes(p);
  return { id: p.id, attributes: listed, tags: p.tags, ...(p.thumbprint ? { x5t: x5tOf(p.thumbprint) } : {}) };
}

export function policyWire(policy: CertificatePolicy, certificateId: string) {
  const sans = policy.subjectAlternativeNames ?? {};
  return {
    id: `${certificateId}/policy`,
    key_props: {
      exportable: policy.exportable, kty: policy.keyType, reuse_key: policy.reuseKey,
      ...(policy.keySize !== undefined ? { key_size: policy.keySize } : {}), ...(policy.keyCurveName ? { crv: policy.keyCurveName } : {}),
    },
    secret_props: { contentType: policy.contentType },
    x509_props: {
      ...(policy.subject !== undefined ? { subject: policy.subject } : {}),
      sans: {
        ...(sans.dnsNames?.length ? { dns_names: sans.dnsNames } : {}), ...(sans.emails?.length ? { emails: sans.emails } : {}),
        ...(sans.userPrincipalNames?.length ? { upns: sans.userPrincipalNames } : {}),
      },
      ekus: policy.enhancedKeyUsage, key_usage: policy.keyUsage, validity_months: policy.validityInMonths, basic_constraints: { ca: false },
    },
    lifetime_actions: policy.lifetimeActions.map((a) => ({
      trigger: a.lifetimePercentage !== undefined ? { lifetime_percentage: a.lifetimePercentage } : { days_before_expiry: a.daysBeforeExpiry },
      action: { action_type: a.action },
    })),
    issuer: {
      name: policy.issuerName, ...(policy.certificateType ? { cty: policy.certificateType } : {}),
      ...(policy.certificateTransparency !== undefined ? { cert_transparency: policy.certificateTransparency } : {}),
    },
    attributes: { enabled: policy.enabled, created: seconds(policy.createdOn), updated: seconds(policy.updatedOn) },
  };
}

export function certificateBundle(c: KeyVaultCertificate) {
  const p = c.properties;
  const id = baseId(p);
  return {
    id: p.id,
    ...(p.pending ? {} : { kid: c.keyId, sid: c.secretId, x5t: x5tOf(p.thumbprint), cer: Buffer.from(c.cer).toString('base64') }),
    attributes: attributes(p),
    ...(c.policy ? { policy: policyWire(c.policy, id), contentType: c.policy.contentType } : {}),
    tags: p.tags,
  };
}

export const deletedCertificateBody = (d: DeletedCertificate) => ({
  ...deletedFields(d),
  id: d.properties.id,
  attributes: attributes(d.properties),
  ...(d.properties.thumbprint ? { x5t: x5tOf(d.properties.thumbprint) } : {}),
  ...(d.policy ? { policy: policyWire(d.policy, baseId(d.properties)) } : {}),
  tags: d.properties.tags,
});

/** A listed certificate: unversioned id (version listings use certificateItem). */
export const listedCertificate = (p: CertificateProperties): CertificateItemWire => ({ ...certificateItem(p), id: unversioned(p.id) });
export const listedDeletedCertificate = (d: DeletedCertificate): CertificateItemWire & DeletedWire => ({ ...deletedFields(d), ...listedCertificate(d.properties) });

export function operationWire(op: CertificateOperation) {
  return {
    id: op.id,
    issuer: { name: op.issuerName, ...(op.certificateType ? { cty: op.certificateType } : {}) },
    csr: Buffer.from(op.csr).toString('base64'),
    cancellation_requested: op.cancellationRequested,
    status: op.status,
    ...(op.statusDetails ? { status_details: op.statusDetails } : {}),
    ...(op.error ? { error: op.error } : {}),
    ...(op.target ? { target: op.target } : {}),
    request_id: op.requestId,
  };
}

export const contactsWire = (vaultUri: string, contacts: CertificateContact[]) => ({ id: `${vaultUri}certificates/contacts`, contacts });

export const issuerItem = (vaultUri: string, i: CertificateIssuer) => ({ id: `${vaultUri}certificates/issuers/${i.name}`, provider: i.provider });
export const issuerBundle = (vaultUri: string, i: CertificateIssuer) => ({
  ...issuerItem(vaultUri, i),
  ...(i.accountId ? { credentials: { account_id: i.accountId } } : {}),
  ...(i.organizationId ? { org_details: { id: i.organizationId, admin_details: [] } } : {}),
  attributes: { enabled: i.enabled, created: seconds(i.createdOn), updated: seconds(i.updatedOn) },
});

// ---- request bodies ----

const bad = (message: string) => new KeyVaultError(400, 'BadParameter', message);
const strings = (v: unknown, field: string): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(`Property '${field}' must be an array of strings.`);
  return v as string[];
};
const num = (v: unknown, field: string): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw bad(`Property '${field}' must be a number.`);
  return v;
};

/** A wire policy → the fields it sets (the engine fills in and checks the rest). */
export function readPolicy(value: unknown): CertificatePolicyInput | undefined {
  if (value === undefined || value === null) return undefined;
  const p = objectField(value, 'policy');
  const key = objectField(p.key_props, 'policy.key_props');
  const secret = objectField(p.secret_props, 'policy.secret_props');
  const x509 = objectField(p.x509_props, 'policy.x509_props');
  const sans = objectField(x509.sans, 'policy.x509_props.sans');
  const issuer = objectField(p.issuer, 'policy.issuer');
  const attrs = objectField(p.attributes, 'policy.attributes');
  const out: CertificatePolicyInput = {};
  const set = <K extends keyof CertificatePolicyInput>(k: K, v: CertificatePolicyInput[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('issuerName', issuer.name as string | undefined);
  set('certificateType', issuer.cty as string | undefined);
  set('certificateTransparency', issuer.cert_transparency as boolean | undefined);
  set('subject', x509.subject as string | undefined);
  const dnsNames = strings(sans.dns_names, 'dns_names');
  const emails = strings(sans.emails, 'emails');
  const upns = strings(sans.upns, 'upns');
  if (dnsNames || emails || upns) out.subjectAlternativeNames = { ...(dnsNames ? { dnsNames } : {}), ...(emails ? { emails } : {}), ...(upns ? { userPrincipalNames: upns } : {}) };
  set('enhancedKeyUsage', strings(x509.ekus, 'ekus'));
  set('keyUsage', strings(x509.key_usage, 'key_usage') as CertificatePolicyInput['keyUsage']);
  set('validityInMonths', num(x509.validity_months, 'validity_months'));
  set('keyType', key.kty as CertificatePolicyInput['keyType']);
  set('keySize', num(key.key_size, 'key_size'));
  set('keyCurveName', key.crv as CertificatePolicyInput['keyCurveName']);
  set('exportable', key.exportable as boolean | undefined);
  set('reuseKey', key.reuse_key as boolean | undefined);
  set('contentType', secret.contentType as CertificatePolicyInput['contentType']);
  set('enabled', attrs.enabled as boolean | undefined);
  if (p.lifetime_actions !== undefined && p.lifetime_actions !== null) {
    if (!Array.isArray(p.lifetime_actions)) throw bad("Property 'lifetime_actions' must be an array.");
    out.lifetimeActions = p.lifetime_actions.map((a: Record<string, unknown>): LifetimeAction => {
      const trigger = objectField(a?.trigger, 'trigger');
      const action = objectField(a?.action, 'action');
      return {
        action: action.action_type as LifetimeAction['action'],
        ...(trigger.lifetime_percentage !== undefined ? { lifetimePercentage: num(trigger.lifetime_percentage, 'lifetime_percentage') } : {}),
        ...(trigger.days_before_expiry !== undefined ? { daysBeforeExpiry: num(trigger.days_before_expiry, 'days_before_expiry') } : {}),
      };
    });
  }
  return out;
}

export function readContacts(body: Record<string, unknown>): CertificateContact[] {
  if (!Array.isArray(body.contacts)) throw bad("Property 'contacts' must be an array.");
  return body.contacts.map((c: Record<string, unknown>) => ({
    ...(c?.email !== undefined ? { email: String(c.email) } : {}), ...(c?.name !== undefined ? { name: String(c.name) } : {}),
    ...(c?.phone !== undefined ? { phone: String(c.phone) } : {}),
  }));
}

