/**
 * Microsoft.Insights diagnostic settings of a vault (read only): where its AuditEvent log goes. The
 * settings are the engine's (the demo's ase-edge01-kv sends its log to a storage account, as Azure Stack
 * Edge activation sets it up); reading them is an audited engine operation.
 */
import type { DiagnosticSetting } from '../../domain/vault.js';
import type { Engine } from '../../engine/index.js';
import { callerOf, type Router } from '../router.js';

export function diagnosticSettingBody(vaultId: string, s: DiagnosticSetting) {
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
  r.add('GET', '/subscriptions/{}/resourcegroups/{}/providers/microsoft.keyvault/vaults/{}/providers/microsoft.insights/diagnosticsettings', (ctx, [sub, rg, name]) => {
    const { vaultId, settings } = engine.vaults.diagnosticSettings(callerOf(ctx), { subscriptionId: sub, resourceGroup: rg, name });
    return { status: 200, body: { value: settings.map((s) => diagnosticSettingBody(vaultId, s)) } };
  }, 'insights');
}
