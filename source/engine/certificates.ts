/**
 * Certificates on the data plane: the shared lifecycle (objects/versioned-part.ts, which also takes the
 * certificate's key and secret through delete, recover, purge and backup) plus what only certificates
 * have — create with a policy (Self: signed here at once; Unknown: a pending operation with a CSR,
 * completed by a merge), import, get, update, the policy, the pending operation and auto-renewal.
 * Contacts and issuers are in certificate-settings.ts. Private keys stay in the key records: they leave
 * the engine only inside the linked secret's PFX or PEM, as in Azure.
 */
import { randomBytes } from 'node:crypto';
import {
  certificatePolicyProblem, lifetimeTrigger, SELF, UNKNOWN, withPolicyDefaults,
  type CertificateCreateInput, type CertificateImportInput, type CertificateMergeInput, type CertificateOperation,
  type CertificatePolicy, type CertificatePolicyInput, type CertificateProperties, type CertificateUpdateInput,
  type DeletedCertificate, type KeyVaultCertificate,
} from '../domain/certificate.js';
import { certificateErrors, errors, KeyVaultError } from '../domain/errors.js';
import { objectId } from '../domain/ids.js';
import type { CallContext } from './call-context.js';
import { certificateRequest, keyObjectOf, selfSignedCertificate, versionMaterial, type MaterialInput } from './certificate-material.js';
import type { EngineCore } from './core.js';
import * as kc from './key-crypto.js';
import { checkTags, nowSeconds } from './objects/input.js';
import { CERTIFICATE_KIND, policyOf, toCertificate } from './objects/certificate-kind.js';
import { latest } from './objects/kind.js';
import { VersionedPart } from './objects/versioned-part.js';
import type { CertificatePolicyRecord, CertificateRecord, KeyRecord, PendingRecord, VaultRecord } from './state.js';
import { certificateMatchesKey, certificateInfo, validityMonths } from './x509/certificate.js';
import { isPemText, parsePem } from './x509/pem.js';
import { parsePfx } from './x509/pkcs12.js';

const SELF_DETAILS = 'Pending certificate created. Certificate request is in progress. This may take some time based on the issuer provider. Please check again later.';
const MERGE_DETAILS = 'Pending certificate created. Please Perform Merge to complete the request.';

export class CertificatesPart extends VersionedPart<CertificateRecord, CertificateProperties, DeletedCertificate, KeyVaultCertificate, KeyVaultCertificate> {
  constructor(core: EngineCore) {
    super(core, CERTIFICATE_KIND);
  }

  /**
   * Starts a create. Issuer Self completes at once (a new self-signed version); Unknown (or a configured
   * issuer) leaves a pending operation with a CSR until a merge. Answers the operation, as the service does.
   */
  create(ctx: CallContext, vaultName: string, name: string, input: CertificateCreateInput): CertificateOperation {
    return this.run(ctx, 'Create', vaultName, name, 'create', (vault) => {
      this.checkNew(vault, name, 'create');
      const existing = this.store(vault).get(name);
      this.refuseWhilePending(existing);
      const policy = this.checkPolicy(input.policy, existing ? policyOf(existing) : undefined, true);
      const issuer = policy.issuerName;
      if (![SELF, UNKNOWN].includes(issuer) && !(vault.certificateIssuers ?? []).some((i) => i.name.toLowerCase() === issuer.toLowerCase())) {
        // Inferred text: the service refuses an issuer the vault does not know.
        throw errors.badParameter(`The issuer '${issuer.slice(0, 64)}' is not set up in this vault. Use Self, Unknown, or set up the issuer first.`);
      }
      const tags = checkTags(input.tags);
      const now = nowSeconds(this.core);
      const privateJwk = this.keyFor(policy, existing, vault);
      const version = this.core.newVersion();
      const csr = Buffer.from(certificateRequest(policy, keyObjectOf(privateJwk))).toString('base64');
      const pending: PendingRecord = {
        requestId: randomBytes(16).toString('hex'), version, csr, issuerName: issuer, cancellationRequested: false,
        status: 'inProgress', statusDetails: issuer === UNKNOWN ? MERGE_DETAILS : SELF_DETAILS,
        ...(policy.certificateType ? { certificateType: policy.certificateType } : {}),
      };
      const init = this.savePolicy(vault, existing, policy, now);
      if (issuer === SELF) {
        const cer = selfSignedCertificate(policy, keyObjectOf(privateJwk), now);
        this.issue(vault, name, init, { version, now, policy, privateJwk, chain: [cer], enabled: input.enabled ?? true, tags });
        this.store(vault).updateObject(this.active(vault, name), { pending: { ...pending, status: 'completed', statusDetails: undefined } });
      } else {
        // The version exists, disabled and without a certificate, until the merge.
        this.store(vault).addVersion(name, { version, enabled: false, tags, created: now, updated: now }, init);
        this.store(vault).updateObject(this.active(vault, name), { pending: { ...pending, privateJwk } });
      }
      return this.operationOf(vault, this.active(vault, name));
    }, 202);
  }

  /** Imports a PFX (with or without password) or PEM text holding the private key and the certificate chain. */
  import(ctx: CallContext, vaultName: string, name: string, input: CertificateImportInput): KeyVaultCertificate {
    return this.run(ctx, 'Import', vaultName, name, 'import', (vault) => {
      this.checkNew(vault, name, 'import');
      const existing = this.store(vault).get(name);
      this.refuseWhilePending(existing);
      const value = input.value instanceof Uint8Array ? input.value : new Uint8Array();
      const pem = isPemText(value);
      const contents = pem ? parsePem(Buffer.from(value).toString('utf8'), input.password) : parsePfx(value, input.password);
      if (!contents.key) {
        throw errors.badParameter(pem
          ? 'Private key is not specified in the specified X.509 PEM certificate content. Please specify private key in the X.509 PEM certificate content.'
          : 'The PFX has no private key: Key Vault imports a certificate together with its private key.');
      }
      const leafAt = contents.certificates.findIndex((c) => certificateMatchesKey(c, contents.key!));
      if (leafAt < 0) throw errors.badParameter('None of the certificates matches the private key given with them.');
      const chain = [contents.certificates[leafAt], ...contents.certificates.filter((_, i) => i !== leafAt)];
      const info = certificateInfo(chain[0]);
      const privateJwk = contents.key.export({ format: 'jwk' }) as Record<string, string>;
      const ec = privateJwk.kty === 'EC';
      // The policy describes the certificate that came in; what the caller gives overrides it.
      const derived: CertificatePolicyInput = {
        issuerName: UNKNOWN, subject: info.subject, subjectAlternativeNames: info.sans, enhancedKeyUsage: info.ekus, keyUsage: info.keyUsage,
        validityInMonths: validityMonths(info.notBefore, info.notAfter), keyType: ec ? 'EC' : 'RSA',
        ...(ec ? { keyCurveName: privateJwk.crv as CertificatePolicy['keyCurveName'] } : { keySize: contents.key.asymmetricKeyDetails?.modulusLength }),
        contentType: pem ? 'application/x-pem-file' : 'application/x-pkcs12',
      };
      const policy = this.checkPolicy({ ...derived, ...(input.policy ?? {}) }, undefined, false);
      const now = nowSeconds(this.core);
      const init = this.savePolicy(vault, existing, policy, now);
      const v = this.issue(vault, name, init, { version: this.core.newVersion(), now, policy, privateJwk, chain, enabled: input.enabled ?? true, tags: checkTags(input.tags) });
      return toCertificate(this.core, vault, this.active(vault, name), v, true);
    });
  }

  /** Attributes and tags of one version; enabling or disabling applies to its key and secret too. */
  update(ctx: CallContext, vaultName: string, name: string, version: string | undefined, input: CertificateUpdateInput): KeyVaultCertificate {
    return this.run(ctx, 'Update', vaultName, name, 'update', (vault) => {
      const { record, v } = this.version(vault, name, version);
      const tags = input.tags === undefined ? v.tags : checkTags(input.tags);
      const now = nowSeconds(this.core);
      const enabled = input.enabled ?? v.enabled;
      this.store(vault).updateVersion(record, v, { tags, enabled, updated: now });
      if (input.enabled !== undefined && v.cer !== undefined) {
        for (const k of this.spec.info.linked) {
          const r = this.linkedStore(vault, k).get(name);
          const lv = r?.versions.find((x) => x.version === v.version);
          if (r && lv) this.linkedStore(vault, k).updateVersion(r, lv, { enabled, updated: now });
        }
      }
      return toCertificate(this.core, vault, record, v, !version);
    }, 200, version);
  }

  getPolicy(ctx: CallContext, vaultName: string, name: string): CertificatePolicy {
    return this.run(ctx, 'PolicyGet', vaultName, name, 'getPolicy', (vault) => policyOf(this.active(vault, name)));
  }

  /** Changes the policy (what the next version is made with, and the lifetime action); what is left out stays. */
  updatePolicy(ctx: CallContext, vaultName: string, name: string, patch: CertificatePolicyInput): CertificatePolicy {
    return this.run(ctx, 'PolicySet', vaultName, name, 'updatePolicy', (vault) => {
      const r = this.active(vault, name);
      const policy = this.checkPolicy(patch, policyOf(r), false);
      this.savePolicy(vault, r, policy, nowSeconds(this.core));
      return policyOf(r);
    });
  }

  getOperation(ctx: CallContext, vaultName: string, name: string): CertificateOperation {
    return this.run(ctx, 'PendingGet', vaultName, name, 'get', (vault) => this.operationOf(vault, this.active(vault, name)));
  }

  /** Asks for cancellation: only while in progress (400 otherwise). Nothing here is running, so it is only recorded. */
  cancelOperation(ctx: CallContext, vaultName: string, name: string): CertificateOperation {
    return this.run(ctx, 'PendingUpdate', vaultName, name, 'update', (vault) => {
      const r = this.active(vault, name);
      const p = this.pendingOf(r);
      if (p.status !== 'inProgress') throw errors.badParameter(`The pending operation of certificate ${r.name} is ${p.status}; only one in progress can be cancelled.`);
      this.store(vault).updateObject(r, { pending: { ...p, cancellationRequested: true } });
      return this.operationOf(vault, r);
    });
  }

  /** Deletes the pending operation; a version still waiting for its certificate stays, disabled (as in Azure). */
  deleteOperation(ctx: CallContext, vaultName: string, name: string): CertificateOperation {
    return this.run(ctx, 'PendingDelete', vaultName, name, 'delete', (vault) => {
      const r = this.active(vault, name);
      const op = this.operationOf(vault, r);
      this.store(vault).updateObject(r, { pending: undefined });
      return op;
    });
  }

  /** Completes a pending create with a certificate signed elsewhere for the CSR's key. */
  merge(ctx: CallContext, vaultName: string, name: string, input: CertificateMergeInput): KeyVaultCertificate {
    return this.run(ctx, 'PendingMerge', vaultName, name, 'merge', (vault) => {
      const r = this.active(vault, name);
      const p = this.pendingOf(r);
      if (p.issuerName !== UNKNOWN && p.status === 'inProgress') {
        throw new KeyVaultError(403, 'Forbidden', `Merge is forbidden on pending object created with issuer : ${p.issuerName} while it is in progess.`);
      }
      if (p.status !== 'inProgress' || !p.privateJwk) throw errors.badParameter(`Certificate ${r.name} has no pending request waiting for a merge.`);
      const chain = (input.x509Certificates ?? []).map((c) => new Uint8Array(c));
      if (chain.length === 0) throw errors.badParameter("Property 'x5c' needs the signed certificate (and its chain).");
      chain.forEach((c) => certificateInfo(c));
      if (!certificateMatchesKey(chain[0], keyObjectOf(p.privateJwk))) {
        throw errors.badParameter("Public key from x509 certificate and key of this instance doesn't match");
      }
      const v = r.versions.find((x) => x.version === p.version);
      if (!v) throw certificateErrors.pendingNotFound(r.name);
      const now = nowSeconds(this.core);
      const m = versionMaterial({
        version: v.version, now, policy: policyOf(r), privateJwk: p.privateJwk, chain, enabled: input.enabled ?? true,
        tags: input.tags === undefined ? v.tags : checkTags(input.tags),
      });
      this.store(vault).updateVersion(r, v, { ...m.certificate, created: v.created });
      this.linkedStore(vault, 'key').addVersion(r.name, m.key, { managed: true });
      this.linkedStore(vault, 'secret').addVersion(r.name, m.secret, { managed: true });
      const { privateJwk: _gone, ...rest } = p;
      this.store(vault).updateObject(r, { pending: { ...rest, status: 'completed', statusDetails: undefined } });
      return toCertificate(this.core, vault, r, v, true);
    }, 201);
  }

  /**
   * Auto-renewal, run by the engine's sweep: a Self certificate whose AutoRenew trigger the clock has
   * passed gets a new version (a new key unless the policy reuses it). Not a caller's operation: not audited.
   */
  renewDue(now: number): number {
    let renewed = 0;
    for (const vault of this.core.state.vaults.values()) {
      const store = this.store(vault);
      if (store.size === 0) continue;
      for (const r of [...store.records()]) {
        const action = r.policy.lifetimeActions[0];
        const last = latest(r);
        if (r.policy.issuerName !== SELF || action?.action !== 'AutoRenew' || last.cer === undefined || last.notBefore === undefined || last.expiresOn === undefined) continue;
        if (now < lifetimeTrigger(action, last.notBefore, last.expiresOn)) continue;
        const policy = policyOf(r);
        const privateJwk = this.keyFor(policy, r, vault);
        const at = Math.floor(now / 1000) * 1000;
        this.issue(vault, r.name, { policy: r.policy }, { version: this.core.newVersion(), now: at, policy, privateJwk, chain: [selfSignedCertificate(policy, keyObjectOf(privateJwk), at)], enabled: true, tags: { ...last.tags } });
        renewed++;
      }
    }
    return renewed;
  }

  // ---- helpers ----

  /** Stores a version's three records: the certificate's own, and its key's and secret's (managed). */
  private issue(vault: VaultRecord, name: string, init: { policy: CertificatePolicyRecord }, m: MaterialInput) {
    const material = versionMaterial(m);
    this.store(vault).addVersion(name, material.certificate, init);
    this.linkedStore(vault, 'key').addVersion(name, material.key, { managed: true });
    this.linkedStore(vault, 'secret').addVersion(name, material.secret, { managed: true });
    return material.certificate;
  }

  /**
   * Gives an existing certificate this policy; a new one gets it with its first version (the `init` of
   * the store's addVersion, which the caller passes on).
   */
  private savePolicy(vault: VaultRecord, existing: CertificateRecord | undefined, policy: CertificatePolicy, now: number): { policy: CertificatePolicyRecord } {
    const { createdOn: _c, updatedOn: _u, ...fields } = policy;
    const record: CertificatePolicyRecord = { ...fields, created: existing?.policy.created ?? now, updated: now };
    if (existing) this.store(vault).updateObject(existing, { policy: record });
    return { policy: record };
  }

  private checkPolicy(input: CertificatePolicyInput | undefined, base: CertificatePolicy | undefined, forCreate: boolean): CertificatePolicy {
    if (forCreate && (input === undefined || input === null || typeof input !== 'object')) throw errors.badParameter('A certificate policy is required to create a certificate.');
    const policy = withPolicyDefaults(input ?? {}, base);
    const problem = certificatePolicyProblem(policy);
    if (problem) throw errors.badParameter(problem);
    if (policy.keyType.endsWith('-HSM')) policy.keyType = policy.keyType.replace('-HSM', '') as CertificatePolicy['keyType'];
    return policy;
  }

  /** The key of a new version: the current one when the policy reuses keys, a new one otherwise. */
  private keyFor(policy: CertificatePolicy, existing: CertificateRecord | undefined, vault: VaultRecord): Record<string, string> {
    if (policy.reuseKey && existing) {
      const key = (this.linkedStore(vault, 'key').get(existing.name) as KeyRecord | undefined);
      const jwk = key ? latest(key).privateJwk : undefined;
      if (jwk && (jwk.kty === 'EC') === policy.keyType.startsWith('EC')) return jwk;
    }
    return policy.keyType.startsWith('EC') ? kc.generateEc(policy.keyCurveName ?? 'P-256') : kc.generateRsa(policy.keySize ?? 2048);
  }

  private refuseWhilePending(r: CertificateRecord | undefined): void {
    if (r?.pending?.status === 'inProgress') throw certificateErrors.pendingInProgress();
  }

  private pendingOf(r: CertificateRecord): PendingRecord {
    if (!r.pending) throw certificateErrors.pendingNotFound(r.name);
    return r.pending;
  }

  private operationOf(vault: VaultRecord, r: CertificateRecord): CertificateOperation {
    const p = this.pendingOf(r);
    const uri = this.core.vaultUri(vault.name);
    return {
      id: `${objectId(uri, 'certificate', r.name)}/pending`,
      name: r.name,
      issuerName: p.issuerName,
      ...(p.certificateType ? { certificateType: p.certificateType } : {}),
      csr: new Uint8Array(Buffer.from(p.csr, 'base64')),
      cancellationRequested: p.cancellationRequested,
      status: p.status,
      ...(p.statusDetails ? { statusDetails: p.statusDetails } : {}),
      ...(p.error ? { error: p.error } : {}),
      ...(p.status === 'completed' ? { target: objectId(uri, 'certificate', r.name) } : {}),
      requestId: p.requestId,
    };
  }
}

