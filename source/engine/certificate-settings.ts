/**
 * A vault's certificate settings: the contacts told of certificates nearing expiry (EmailContacts
 * lifetime actions) and the configured issuers (CA provider accounts). Both are vault fields, written
 * through the vault table (the state sink hears of them). Permissions: managecontacts and the issuer ones
 * (access policies), certificatecontacts/write and certificatecas/* (Azure RBAC).
 */
import type { CertificateContact, CertificateIssuer, CertificateIssuerInput } from '../domain/certificate.js';
import { errors, KeyVaultError } from '../domain/errors.js';
import type { DataOperation } from '../domain/actions.js';
import { authorizeData } from './authorization.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { checkName, nowSeconds } from './objects/input.js';
import type { CertificateIssuerRecord, VaultRecord } from './state.js';

// Inferred texts: the service answers 404 for contacts or an issuer that are not set.
const contactsNotFound = () => new KeyVaultError(404, 'ContactsNotFound', 'Contacts not found');
const issuerNotFound = (name: string) => new KeyVaultError(404, 'CertificateIssuerNotFound', `Issuer not found: ${name}`);

const MAX_CONTACTS = 64;

function checkContacts(contacts: CertificateContact[]): CertificateContact[] {
  if (!Array.isArray(contacts) || contacts.length === 0) throw errors.badParameter('Give at least one contact (an email address, a name or a phone number).');
  if (contacts.length > MAX_CONTACTS) throw errors.badParameter(`At most ${MAX_CONTACTS} contacts can be set.`);
  return contacts.map((c) => {
    const email = c?.email;
    if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))) throw errors.badParameter(`'${String(email).slice(0, 64)}' is not an email address.`);
    if (!email && !c?.name && !c?.phone) throw errors.badParameter('A contact needs an email address, a name or a phone number.');
    return { ...(email ? { email } : {}), ...(c.name ? { name: String(c.name) } : {}), ...(c.phone ? { phone: String(c.phone) } : {}) };
  });
}

const issuerOf = (r: CertificateIssuerRecord): CertificateIssuer => ({
  name: r.name, provider: r.provider, ...(r.accountId ? { accountId: r.accountId } : {}), ...(r.organizationId ? { organizationId: r.organizationId } : {}),
  enabled: r.enabled, createdOn: new Date(r.created), updatedOn: new Date(r.updated),
});

export class CertificateSettingsPart {
  constructor(private readonly core: EngineCore) {}

  getContacts(ctx: CallContext, vaultName: string): CertificateContact[] {
    return this.run(ctx, 'CertificateContactsGet', vaultName, 'contacts', 'certificates/manageContacts', (v) => {
      if (!v.certificateContacts?.length) throw contactsNotFound();
      return structuredClone(v.certificateContacts);
    });
  }

  setContacts(ctx: CallContext, vaultName: string, contacts: CertificateContact[]): CertificateContact[] {
    return this.run(ctx, 'CertificateContactsSet', vaultName, 'contacts', 'certificates/manageContacts', (v) => {
      const list = checkContacts(contacts);
      this.core.state.vaults.update(v, { certificateContacts: list });
      return structuredClone(list);
    });
  }

  /** Removes every contact; answers what was set. */
  deleteContacts(ctx: CallContext, vaultName: string): CertificateContact[] {
    return this.run(ctx, 'CertificateContactsDelete', vaultName, 'contacts', 'certificates/manageContacts', (v) => {
      if (!v.certificateContacts?.length) throw contactsNotFound();
      const was = v.certificateContacts;
      this.core.state.vaults.update(v, { certificateContacts: undefined });
      return structuredClone(was);
    });
  }

  listIssuers(ctx: CallContext, vaultName: string): CertificateIssuer[] {
    return this.run(ctx, 'CertificateIssuersList', vaultName, 'issuers', 'certificates/listIssuers', (v) =>
      (v.certificateIssuers ?? []).slice().sort((a, b) => a.name.localeCompare(b.name)).map(issuerOf));
  }

  getIssuer(ctx: CallContext, vaultName: string, name: string): CertificateIssuer {
    return this.run(ctx, 'CertificateIssuerGet', vaultName, `issuers/${name}`, 'certificates/getIssuer', (v) => issuerOf(this.issuer(v, name)));
  }

  /** Create or replace (PUT); `update` merges into an existing one (PATCH). */
  setIssuer(ctx: CallContext, vaultName: string, name: string, input: CertificateIssuerInput, update = false): CertificateIssuer {
    return this.run(ctx, update ? 'CertificateIssuerUpdate' : 'CertificateIssuerSet', vaultName, `issuers/${name}`, 'certificates/setIssuer', (v) => {
      checkName(name);
      const list = v.certificateIssuers ?? [];
      const old = list.find((i) => i.name.toLowerCase() === name.toLowerCase());
      if (update && !old) throw issuerNotFound(name);
      const provider = input.provider ?? (update ? old?.provider : undefined);
      if (typeof provider !== 'string' || provider.trim() === '') throw errors.badParameter('An issuer needs its provider (for example DigiCert or GlobalSign).');
      const now = nowSeconds(this.core);
      const next: CertificateIssuerRecord = {
        ...(update ? old : {}), name: old?.name ?? name, provider,
        ...(input.accountId !== undefined ? { accountId: input.accountId } : {}),
        ...(input.password !== undefined ? { password: input.password } : {}),
        ...(input.organizationId !== undefined ? { organizationId: input.organizationId } : {}),
        enabled: input.enabled ?? (update ? old!.enabled : true), created: old?.created ?? now, updated: now,
      };
      this.core.state.vaults.update(v, { certificateIssuers: [...list.filter((i) => i !== old), next] });
      return issuerOf(next);
    });
  }

  deleteIssuer(ctx: CallContext, vaultName: string, name: string): CertificateIssuer {
    return this.run(ctx, 'CertificateIssuerDelete', vaultName, `issuers/${name}`, 'certificates/deleteIssuer', (v) => {
      const old = this.issuer(v, name);
      this.core.state.vaults.update(v, { certificateIssuers: (v.certificateIssuers ?? []).filter((i) => i !== old) });
      return issuerOf(old);
    });
  }

  private issuer(v: VaultRecord, name: string): CertificateIssuerRecord {
    const found = (v.certificateIssuers ?? []).find((i) => i.name.toLowerCase() === String(name).toLowerCase());
    if (!found) throw issuerNotFound(name);
    return found;
  }

  /** Vault-level data-plane operations: authorized at the vault (access policies or Azure RBAC, authorization.ts). */
  private run<T>(ctx: CallContext, operation: string, vaultName: string, path: string, op: DataOperation, fn: (v: VaultRecord) => T): T {
    const target = `${this.core.vaultUri(vaultName)}certificates/${path}`;
    return this.core.audited(ctx, operation, { vaultName, target }, () => {
      const vault = this.core.dataPlaneVault(vaultName);
      authorizeData(this.core, ctx, vault, op);
      return fn(vault);
    });
  }
}
