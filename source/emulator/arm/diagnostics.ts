/**
 * Microsoft.Insights diagnostic settings of a vault (read only): where its AuditEvent log goes. The
 * demo's ase-edge01-kv sends it to a storage account, as Azure Stack Edge activation sets it up;
 * every other vault has none. The data lives here, not in the engine: it is not Key Vault state.
 */
import { KeyVaultError } from '../../domain/errors.js';
import { resourceGroupScope, vaultResourceId } from '../../domain/ids.js';
import { objectKey } from '../../domain/names.js';
import { DEMO } from '../../engine/index.js';
import type { Engine } from '../../engine/index.js';
import type { Router } from '../router.js';

export interface DiagnosticSettingSeed {
  name: string;
  storageAccountId?: string;
  workspaceId?: string;
  categories: string[];
}

const EDGE_STORAGE = `${resourceGroupScope(DEMO.subscriptions.edge, DEMO.resourceGroups.edge)}/providers/Microsoft.Storage/storageAccounts/aseedge01kvlogs`;

/** Vault resource id (lower case) → its diagnostic settings. */
export const DEMO_DIAGNOSTICS: ReadonlyMap<string, DiagnosticSettingSeed[]> = new Map([
  [
    vaultResourceId(DEMO.subscriptions.edge, DEMO.resourceGroups.edge, DEMO.vaults.edge).toLowerCase(),
    [{ name: 'ase-edge01-kv-audit', storageAccountId: EDGE_STORAGE, categories: ['AuditEvent'] }],
  ],
]);

export function diagnosticSettingBody(vaultId: string, s: DiagnosticSettingSeed) {
  return {
    id: `${vaultId}/providers/microsoft.insights/diagnosticSettings/${s.name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name: s.name,
    properties: {
      ...(s.storageAccountId ? { storageAccountId: s.storageAccountId } : {}),
      ...(s.workspaceId ? { workspaceId: s.workspaceId } : {}),
      logs: s.categories.map((category) => ({ category, categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } })),
      metrics: [{ category: 'AllMetrics', enabled: false, retentionPolicy: { enabled: false, days: 0 } }],
    },
  };
}

export function addDiagnosticRoutes(r: Router, engine: Engine): void {
  r.add('GET', '/subscriptions/{}/resourcegroups/{}/providers/microsoft.keyvault/vaults/{}/providers/microsoft.insights/diagnosticsettings', (_ctx, [sub, rg, name]) => {
    const v = engine.core.state.vaults.get(objectKey(name));
    if (!v || v.subscriptionId.toLowerCase() !== sub.toLowerCase() || v.resourceGroup.toLowerCase() !== rg.toLowerCase()) {
      throw new KeyVaultError(404, 'ResourceNotFound', `The Resource 'Microsoft.KeyVault/vaults/${name}' under resource group '${rg}' was not found.`);
    }
    const id = vaultResourceId(v.subscriptionId, v.resourceGroup, v.name);
    const settings = DEMO_DIAGNOSTICS.get(id.toLowerCase()) ?? [];
    return { status: 200, body: { value: settings.map((s) => diagnosticSettingBody(id, s)) } };
  }, 'insights');
}
