/** Secrets through @azure/keyvault-secrets (data plane), addressed by the vault's URI. */
import type { DeletedSecret as SdkDeletedSecret, SecretClient, SecretProperties as SdkSecretProperties } from '@azure/keyvault-secrets';
import type { CallOptions, SecretsApi } from '../backend.js';
import type { DeletedSecret, Secret, SecretProperties, SecretSetInput, SecretUpdateInput } from '../../domain/secret.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';
import { AzureLifecycle, type SdkLifecycle } from './lifecycle.js';
import { versionPropertiesFromSdk, type SdkVersionProperties } from './version-mapper.js';

export function secretPropertiesFromSdk(vaultName: string, p: SdkSecretProperties): SecretProperties {
  return {
    ...versionPropertiesFromSdk(vaultName, p as SdkVersionProperties),
    ...(p.contentType ? { contentType: p.contentType } : {}),
    ...(p.managed ? { managed: true } : {}),
    ...(p.certificateKeyId ? { keyId: p.certificateKeyId } : {}),
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
export const dateOpt = (d: Date | null | undefined) => (d === null ? (null as unknown as Date) : d);

/** The attributes every kind's writes send the SDK (a date's null clears it, on updates). */
export const sdkAttributes = (input: { enabled?: boolean; notBefore?: Date | null; expiresOn?: Date | null; tags?: Record<string, string> }) => ({
  enabled: input.enabled,
  notBefore: dateOpt(input.notBefore),
  expiresOn: dateOpt(input.expiresOn),
  tags: input.tags,
});

/** What @azure/keyvault-secrets adds to the shared lifecycle: its client, its mappers, get with the value. */
const SECRETS_SDK: SdkLifecycle<SecretClient, SecretProperties, DeletedSecret, SecretProperties, Secret> = {
  kind: 'secret',
  client: (ctx, vaultUri) => ctx.secrets(vaultUri),
  get: async (client, vault, name, version, abortSignal) => {
    const s = await client.getSecret(name, { version, abortSignal });
    return { properties: secretPropertiesFromSdk(vault.name, s.properties), value: s.value ?? '' };
  },
  props: secretPropertiesFromSdk,
  deleted: deletedSecretFromSdk,
  restored: secretPropertiesFromSdk,
  createdOn: (p) => p.createdOn,
};

export class AzureSecrets extends AzureLifecycle<SecretClient, SecretProperties, DeletedSecret, SecretProperties, Secret> implements SecretsApi {
  constructor(ctx: AzureContext) {
    super(ctx, SECRETS_SDK);
  }

  set(vault: VaultRef, name: string, input: SecretSetInput, o?: CallOptions): Promise<SecretProperties> {
    return this.ctx.run(this.meta(vault, 'Set', name), o, async (abortSignal) => {
      const s = await (await this.client(vault)).setSecret(name, input.value, { abortSignal, contentType: input.contentType, ...sdkAttributes(input) });
      return secretPropertiesFromSdk(vault.name, s.properties);
    });
  }

  update(vault: VaultRef, name: string, version: string | undefined, input: SecretUpdateInput, o?: CallOptions): Promise<SecretProperties> {
    return this.ctx.run(this.meta(vault, 'Update', name, version), o, async (abortSignal) => {
      // An empty version addresses the latest one (PATCH /secrets/{name}/), as the REST API allows.
      const p = await (await this.client(vault)).updateSecretProperties(name, version ?? '', { abortSignal, contentType: input.contentType, ...sdkAttributes(input) });
      return secretPropertiesFromSdk(vault.name, p);
    });
  }
}
