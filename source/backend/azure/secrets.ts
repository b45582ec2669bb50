/** Secrets through @azure/keyvault-secrets (data plane), addressed by the vault's URI. */
import type { DeletedSecret as SdkDeletedSecret, SecretProperties as SdkSecretProperties } from '@azure/keyvault-secrets';
import type { CallOptions, SecretsApi } from '../backend.js';
import { secretId } from '../../domain/ids.js';
import type { Page, PageOptions } from '../../domain/page.js';
import type { DeletedSecret, RecoveryLevel, Secret, SecretProperties, SecretSetInput, SecretUpdateInput } from '../../domain/secret.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';
import { PageCursors } from './paging.js';

export function secretPropertiesFromSdk(vaultName: string, p: SdkSecretProperties): SecretProperties {
  const x = p as SdkSecretProperties & { createdOn?: Date; updatedOn?: Date; recoveryLevel?: string; recoverableDays?: number };
  return {
    vaultName,
    name: p.name,
    version: p.version ?? '',
    id: p.id ?? '',
    ...(p.contentType ? { contentType: p.contentType } : {}),
    tags: { ...(p.tags ?? {}) },
    enabled: p.enabled ?? true,
    ...(p.notBefore ? { notBefore: p.notBefore } : {}),
    ...(p.expiresOn ? { expiresOn: p.expiresOn } : {}),
    createdOn: x.createdOn ?? new Date(0),
    updatedOn: x.updatedOn ?? x.createdOn ?? new Date(0),
    recoveryLevel: (x.recoveryLevel ?? 'Recoverable+Purgeable') as RecoveryLevel,
    recoverableDays: x.recoverableDays ?? 0,
  };
}

export function deletedSecretFromSdk(vaultName: string, d: SdkDeletedSecret): DeletedSecret {
  const p = d.properties;
  return {
    properties: secretPropertiesFromSdk(vaultName, p),
    recoveryId: p.recoveryId ?? '',
    deletedOn: p.deletedOn ?? new Date(0),
    scheduledPurgeDate: p.scheduledPurgeDate ?? new Date(0),
  };
}

/** `null` clears a date on the wire; `undefined` leaves it. */
const dateOpt = (d: Date | null | undefined) => (d === null ? (null as unknown as Date) : d);

export class AzureSecrets implements SecretsApi {
  private readonly cursors = new PageCursors();

  constructor(private readonly ctx: AzureContext) {}

  private meta(vault: VaultRef, operation: string, name?: string, version?: string) {
    return { operation, vaultName: vault.name, target: name ? secretId(vault.vaultUri, name, version) : vault.vaultUri };
  }

  listPage(vault: VaultRef, page: PageOptions = {}, o?: CallOptions): Promise<Page<SecretProperties>> {
    return this.ctx.run(this.meta(vault, 'SecretList'), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      // Key Vault refuses maxresults outside 1..25; larger asks get full pages of 25.
      const size = Math.min(25, Math.max(1, page.maxPageSize ?? 25));
      return this.cursors.page(`${vault.vaultUri}|secrets|${size}`, page.continuationToken, () =>
        client.listPropertiesOfSecrets({ abortSignal }).byPage({ maxPageSize: size })[Symbol.asyncIterator](),
      ).then((p) => ({ ...p, items: p.items.map((s) => secretPropertiesFromSdk(vault.name, s)) }));
    });
  }

  listVersions(vault: VaultRef, name: string, o?: CallOptions): Promise<SecretProperties[]> {
    return this.ctx.run(this.meta(vault, 'SecretListVersions', name), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      const out: SecretProperties[] = [];
      for await (const p of client.listPropertiesOfSecretVersions(name, { abortSignal })) out.push(secretPropertiesFromSdk(vault.name, p));
      return out.sort((a, b) => b.createdOn.getTime() - a.createdOn.getTime());
    });
  }

  get(vault: VaultRef, name: string, version?: string, o?: CallOptions): Promise<Secret> {
    return this.ctx.run(this.meta(vault, 'SecretGet', name, version), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      const s = await client.getSecret(name, { version, abortSignal });
      return { properties: secretPropertiesFromSdk(vault.name, s.properties), value: s.value ?? '' };
    });
  }

  set(vault: VaultRef, name: string, input: SecretSetInput, o?: CallOptions): Promise<SecretProperties> {
    return this.ctx.run(this.meta(vault, 'SecretSet', name), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      const s = await client.setSecret(name, input.value, {
        abortSignal,
        contentType: input.contentType,
        tags: input.tags,
        enabled: input.enabled,
        notBefore: input.notBefore,
        expiresOn: input.expiresOn,
      });
      return secretPropertiesFromSdk(vault.name, s.properties);
    });
  }

  update(vault: VaultRef, name: string, version: string | undefined, input: SecretUpdateInput, o?: CallOptions): Promise<SecretProperties> {
    return this.ctx.run(this.meta(vault, 'SecretUpdate', name, version), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      // An empty version addresses the latest one (PATCH /secrets/{name}/), as the REST API allows.
      const p = await client.updateSecretProperties(name, version ?? '', {
        abortSignal,
        contentType: input.contentType,
        tags: input.tags,
        enabled: input.enabled,
        notBefore: dateOpt(input.notBefore),
        expiresOn: dateOpt(input.expiresOn),
      });
      return secretPropertiesFromSdk(vault.name, p);
    });
  }

  delete(vault: VaultRef, name: string, o?: CallOptions): Promise<DeletedSecret> {
    return this.ctx.run(this.meta(vault, 'SecretDelete', name), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      // The poller's first step deletes; its result is the deleted secret — no waiting for completion.
      const poller = await client.beginDeleteSecret(name, { abortSignal });
      return deletedSecretFromSdk(vault.name, poller.getResult() ?? poller.getOperationState().result!);
    });
  }

  backup(vault: VaultRef, name: string, o?: CallOptions): Promise<Uint8Array> {
    return this.ctx.run(this.meta(vault, 'SecretBackup', name), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      const blob = await client.backupSecret(name, { abortSignal });
      if (!blob) throw new Error('The service returned an empty backup.');
      return blob;
    });
  }

  restore(vault: VaultRef, backup: Uint8Array, o?: CallOptions): Promise<SecretProperties> {
    return this.ctx.run(this.meta(vault, 'SecretRestore'), o, async (abortSignal) => {
      const client = await this.ctx.secrets(vault.vaultUri);
      return secretPropertiesFromSdk(vault.name, await client.restoreSecretBackup(backup, { abortSignal }));
    });
  }
}
