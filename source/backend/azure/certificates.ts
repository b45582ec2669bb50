/** Certificates through @azure/keyvault-certificates (data plane): the shared lifecycle plus what only certificates have. */
import type { CertificateClient, CertificateContact as SdkContact, CertificateIssuer as SdkIssuer } from '@azure/keyvault-certificates';
import type { CallOptions, CertificatesApi } from '../backend.js';
import type {
  CertificateContact, CertificateCreateInput, CertificateImportInput, CertificateIssuer, CertificateIssuerInput, CertificateMergeInput,
  CertificateOperation, CertificatePolicy, CertificatePolicyInput, CertificateProperties, CertificateUpdateInput, DeletedCertificate,
  KeyVaultCertificate,
} from '../../domain/certificate.js';
import type { VaultRef } from '../../domain/vault.js';
import {
  certificateFromSdk, certificatePropertiesFromSdk, deletedCertificateFromSdk, operationFromSdk, policyFromSdk, policyToSdk,
} from './certificate-mapper.js';
import { mapLimit, type AzureContext } from './context.js';
import { AzureLifecycle, type SdkLifecycle } from './lifecycle.js';

/** What @azure/keyvault-certificates adds to the shared lifecycle: its client, its mappers, get with the policy, and list items completed. */
const CERTIFICATES_SDK: SdkLifecycle<CertificateClient, CertificateProperties, DeletedCertificate, KeyVaultCertificate, KeyVaultCertificate> = {
  kind: 'certificate',
  client: (ctx, vaultUri) => ctx.certificates(vaultUri),
  // The latest version comes with its policy (getCertificate); a named one without (getCertificateVersion).
  get: async (client, vault, name, version, abortSignal) =>
    certificateFromSdk(vault.name, version ? await client.getCertificateVersion(name, version, { abortSignal }) : await client.getCertificate(name, { abortSignal })),
  props: certificatePropertiesFromSdk,
  deleted: deletedCertificateFromSdk,
  restored: certificateFromSdk,
  listOptions: { includePending: true },
  // List items carry the thumbprint and dates only; subject, issuer and auto-renew come from each
  // certificate with its policy (bounded fan-out). A caller allowed to list but not get still gets the rest.
  complete: (ctx, client, vault, items, abortSignal) => mapLimit(items, ctx.concurrency, async (item) => {
    try {
      const { subject, issuer, issuerName, autoRenew, dnsNames, pending } = certificateFromSdk(vault.name, await client.getCertificate(item.name, { abortSignal })).properties;
      return { ...item, subject, issuer, issuerName, autoRenew, pending, ...(dnsNames ? { dnsNames } : {}) };
    } catch {
      return item;
    }
  }),
  createdOn: (p) => p.createdOn,
};

const contactsOf = (list: SdkContact[] | undefined): CertificateContact[] =>
  (list ?? []).filter((c): c is NonNullable<SdkContact> => !!c).map((c) => ({ ...(c.email ? { email: c.email } : {}), ...(c.name ? { name: c.name } : {}), ...(c.phone ? { phone: c.phone } : {}) }));

const issuerOf = (name: string, i: SdkIssuer): CertificateIssuer => ({
  name: i.name ?? name, provider: i.provider ?? '', ...(i.accountId ? { accountId: i.accountId } : {}), ...(i.organizationId ? { organizationId: i.organizationId } : {}),
  enabled: i.enabled ?? true, ...(i.createdOn ? { createdOn: i.createdOn } : {}), ...(i.updatedOn ? { updatedOn: i.updatedOn } : {}),
});

export class AzureCertificates extends AzureLifecycle<CertificateClient, CertificateProperties, DeletedCertificate, KeyVaultCertificate, KeyVaultCertificate> implements CertificatesApi {
  constructor(ctx: AzureContext) {
    super(ctx, CERTIFICATES_SDK);
  }

  /**
   * Starts the create (the SDK's create poller, first step only: nothing waits here) and answers the
   * operation as it stands — read through the operation poller, whose public state carries it.
   */
  create(vault: VaultRef, name: string, input: CertificateCreateInput, o?: CallOptions): Promise<CertificateOperation> {
    return this.ctx.run(this.meta(vault, 'Create', name), o, async (abortSignal) => {
      const client = await this.client(vault);
      await client.beginCreateCertificate(name, policyToSdk(input.policy ?? {}), { abortSignal, enabled: input.enabled, tags: input.tags, intervalInMs: 0 });
      return operationFromSdk(name, (await client.getCertificateOperation(name, { abortSignal, intervalInMs: 0 })).getOperationState().certificateOperation);
    }, 202);
  }

  import(vault: VaultRef, name: string, input: CertificateImportInput, o?: CallOptions): Promise<KeyVaultCertificate> {
    return this.ctx.run(this.meta(vault, 'Import', name), o, async (abortSignal) => {
      const c = await (await this.client(vault)).importCertificate(name, input.value, {
        abortSignal, password: input.password, enabled: input.enabled, tags: input.tags,
        ...(input.policy ? { policy: policyToSdk(input.policy) } : {}),
      });
      return certificateFromSdk(vault.name, c);
    });
  }

  update(vault: VaultRef, name: string, version: string | undefined, input: CertificateUpdateInput, o?: CallOptions): Promise<KeyVaultCertificate> {
    return this.ctx.run(this.meta(vault, 'Update', name, version), o, async (abortSignal) =>
      certificateFromSdk(vault.name, await (await this.client(vault)).updateCertificateProperties(name, version ?? '', { abortSignal, enabled: input.enabled, tags: input.tags })),
    );
  }

  getPolicy(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificatePolicy> {
    return this.ctx.run(this.meta(vault, 'PolicyGet', name), o, async (abortSignal) =>
      policyFromSdk(await (await this.client(vault)).getCertificatePolicy(name, { abortSignal }))!,
    );
  }

  /** SDK 4.10's updateCertificatePolicy answers an empty policy (it drops the body), so the policy is read back. */
  updatePolicy(vault: VaultRef, name: string, patch: CertificatePolicyInput, o?: CallOptions): Promise<CertificatePolicy> {
    return this.ctx.run(this.meta(vault, 'PolicySet', name), o, async (abortSignal) => {
      const client = await this.client(vault);
      await client.updateCertificatePolicy(name, policyToSdk(patch), { abortSignal });
      return policyFromSdk(await client.getCertificatePolicy(name, { abortSignal }))!;
    });
  }

  getOperation(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateOperation> {
    return this.ctx.run(this.meta(vault, 'PendingGet', name), o, async (abortSignal) => {
      const poller = await (await this.client(vault)).getCertificateOperation(name, { abortSignal, intervalInMs: 0 });
      return operationFromSdk(name, poller.getOperationState().certificateOperation);
    });
  }

  cancelOperation(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateOperation> {
    return this.ctx.run(this.meta(vault, 'PendingUpdate', name), o, async (abortSignal) => {
      const poller = await (await this.client(vault)).getCertificateOperation(name, { abortSignal, intervalInMs: 0 });
      await poller.cancelOperation({ abortSignal });
      return operationFromSdk(name, poller.getOperationState().certificateOperation);
    });
  }

  deleteOperation(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateOperation> {
    return this.ctx.run(this.meta(vault, 'PendingDelete', name), o, async (abortSignal) =>
      operationFromSdk(name, await (await this.client(vault)).deleteCertificateOperation(name, { abortSignal })),
    );
  }

  merge(vault: VaultRef, name: string, input: CertificateMergeInput, o?: CallOptions): Promise<KeyVaultCertificate> {
    return this.ctx.run(this.meta(vault, 'PendingMerge', name), o, async (abortSignal) =>
      certificateFromSdk(vault.name, await (await this.client(vault)).mergeCertificate(name, input.x509Certificates, { abortSignal })),
    201);
  }

  getContacts(vault: VaultRef, o?: CallOptions): Promise<CertificateContact[]> {
    return this.ctx.run(this.settingsMeta(vault, 'CertificateContactsGet', 'contacts'), o, async (abortSignal) => contactsOf(await (await this.client(vault)).getContacts({ abortSignal })));
  }

  setContacts(vault: VaultRef, contacts: CertificateContact[], o?: CallOptions): Promise<CertificateContact[]> {
    return this.ctx.run(this.settingsMeta(vault, 'CertificateContactsSet', 'contacts'), o, async (abortSignal) =>
      contactsOf(await (await this.client(vault)).setContacts(contacts as SdkContact[], { abortSignal })));
  }

  deleteContacts(vault: VaultRef, o?: CallOptions): Promise<CertificateContact[]> {
    return this.ctx.run(this.settingsMeta(vault, 'CertificateContactsDelete', 'contacts'), o, async (abortSignal) => contactsOf(await (await this.client(vault)).deleteContacts({ abortSignal })));
  }

  listIssuers(vault: VaultRef, o?: CallOptions): Promise<CertificateIssuer[]> {
    return this.ctx.run(this.settingsMeta(vault, 'CertificateIssuersList', 'issuers'), o, async (abortSignal) => {
      const out: CertificateIssuer[] = [];
      // Items carry only id and provider: the name is the id's last segment.
      for await (const i of (await this.client(vault)).listPropertiesOfIssuers({ abortSignal })) out.push({ name: i.name ?? i.id?.split('/').pop() ?? '', provider: i.provider ?? '', enabled: true });
      return out;
    });
  }

  getIssuer(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateIssuer> {
    return this.ctx.run(this.settingsMeta(vault, 'CertificateIssuerGet', `issuers/${name}`), o, async (abortSignal) => issuerOf(name, await (await this.client(vault)).getIssuer(name, { abortSignal })));
  }

  setIssuer(vault: VaultRef, name: string, input: CertificateIssuerInput, update = false, o?: CallOptions): Promise<CertificateIssuer> {
    return this.ctx.run(this.settingsMeta(vault, update ? 'CertificateIssuerUpdate' : 'CertificateIssuerSet', `issuers/${name}`), o, async (abortSignal) => {
      const client = await this.client(vault);
      const options = { abortSignal, accountId: input.accountId, password: input.password, organizationId: input.organizationId, enabled: input.enabled };
      return issuerOf(name, update ? await client.updateIssuer(name, { ...options, provider: input.provider }) : await client.createIssuer(name, input.provider, options));
    });
  }

  deleteIssuer(vault: VaultRef, name: string, o?: CallOptions): Promise<CertificateIssuer> {
    return this.ctx.run(this.settingsMeta(vault, 'CertificateIssuerDelete', `issuers/${name}`), o, async (abortSignal) => issuerOf(name, await (await this.client(vault)).deleteIssuer(name, { abortSignal })));
  }

  private settingsMeta(vault: VaultRef, operation: string, path: string) {
    return { operation, vaultName: vault.name, target: `${vault.vaultUri}certificates/${path}` };
  }
}
