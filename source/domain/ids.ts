/** ARM ids and data-plane ids, built in one place. */
import { OBJECT_KINDS, type ObjectKind } from './object-kind.js';

export const subscriptionScope = (subscriptionId: string) => `/subscriptions/${subscriptionId}`;
export const resourceGroupScope = (subscriptionId: string, resourceGroup: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
export const vaultResourceId = (subscriptionId: string, resourceGroup: string, name: string) =>
  `${resourceGroupScope(subscriptionId, resourceGroup)}/providers/Microsoft.KeyVault/vaults/${name}`;
export const deletedVaultResourceId = (subscriptionId: string, location: string, name: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/locations/${location}/deletedVaults/${name}`;
export const lockResourceId = (scope: string, name: string) =>
  `${scope}/providers/Microsoft.Authorization/locks/${name}`;

/** Public Azure's data-plane URI for a vault; other clouds and the emulator pass their own suffix. */
export const vaultUriFor = (name: string, dnsSuffix = 'vault.azure.net', port?: number) =>
  `https://${name}.${dnsSuffix}${port ? `:${port}` : ''}/`;

/** {vaultUri}secrets/{name}[/{version}], {vaultUri}keys/…: a data-plane object id, versioned or not. */
export const objectId = (vaultUri: string, kind: ObjectKind, name: string, version?: string) =>
  `${vaultUri}${OBJECT_KINDS[kind].area}/${name}${version ? `/${version}` : ''}`;
/** {vaultUri}deletedsecrets/{name}: the recoveryId of a soft-deleted object. */
export const deletedObjectId = (vaultUri: string, kind: ObjectKind, name: string) => `${vaultUri}${OBJECT_KINDS[kind].deletedArea}/${name}`;

export const secretId = (vaultUri: string, name: string, version?: string) => objectId(vaultUri, 'secret', name, version);
export const keyId = (vaultUri: string, name: string, version?: string) => objectId(vaultUri, 'key', name, version);

export interface ParsedScope {
  subscriptionId?: string;
  resourceGroup?: string;
  vaultName?: string;
}

/** Reads subscription, resource group and vault out of an ARM scope (case-insensitive segment names). */
export function parseScope(scope: string): ParsedScope {
  const parts = scope.split('/').filter(Boolean);
  const out: ParsedScope = {};
  for (let i = 0; i < parts.length - 1; i++) {
    const seg = parts[i].toLowerCase();
    if (seg === 'subscriptions') out.subscriptionId = parts[i + 1];
    else if (seg === 'resourcegroups') out.resourceGroup = parts[i + 1];
    else if (seg === 'vaults') out.vaultName = parts[i + 1];
  }
  return out;
}
