/**
 * The Audit pane on Azure: this session's own operations (SessionAudit), and where the vault's full
 * AuditEvent log goes — its diagnostic settings (Microsoft.Insights), read through ARM.
 */
import type { AuditApi, CallOptions } from '../backend.js';
import type { AuditEntry, AuditQuery } from '../../domain/audit.js';
import { KeyVaultError } from '../../domain/errors.js';
import { vaultResourceId } from '../../domain/ids.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';

interface DiagnosticSetting {
  name?: string;
  properties?: {
    workspaceId?: string;
    storageAccountId?: string;
    eventHubAuthorizationRuleId?: string;
    eventHubName?: string;
    logs?: { category?: string; categoryGroup?: string; enabled?: boolean }[];
  };
}

const lastSegment = (id: string) => id.split('/').filter(Boolean).pop() ?? id;

/** One sentence naming where AuditEvent logs go, or saying that they go nowhere. */
export function describeDiagnostics(vaultName: string, settings: DiagnosticSetting[]): string {
  const auditing = settings.filter((s) =>
    (s.properties?.logs ?? []).some((l) => l.enabled && (l.category === 'AuditEvent' || l.categoryGroup === 'audit' || l.categoryGroup === 'allLogs')),
  );
  if (auditing.length === 0) {
    return `Vault ${vaultName} sends its AuditEvent log nowhere: add a diagnostic setting (Azure portal → the vault → Diagnostic settings) to keep a full record. This pane shows what kvdeck did in this session.`;
  }
  const places = auditing.map((s) => {
    const p = s.properties ?? {};
    const where = [
      p.workspaceId ? `Log Analytics workspace ${lastSegment(p.workspaceId)}` : undefined,
      p.storageAccountId ? `storage account ${lastSegment(p.storageAccountId)}` : undefined,
      p.eventHubAuthorizationRuleId ? `event hub ${p.eventHubName ?? lastSegment(p.eventHubAuthorizationRuleId)}` : undefined,
    ].filter(Boolean);
    return `${where.join(', ') || 'a partner solution'} (diagnostic setting '${s.name ?? '?'}')`;
  });
  return `Vault ${vaultName}'s full AuditEvent log goes to ${places.join('; ')}. This pane shows what kvdeck did in this session.`;
}

export class AzureAudit implements AuditApi {
  constructor(private readonly ctx: AzureContext) {}

  async query(q?: AuditQuery): Promise<AuditEntry[]> {
    return this.ctx.audit.query(q);
  }

  async diagnosticsHint(vault: VaultRef, o?: CallOptions): Promise<string | undefined> {
    const id = vaultResourceId(vault.subscriptionId, vault.resourceGroup, vault.name);
    try {
      const settings = await this.ctx.run({ operation: 'DiagnosticSettingsList', vaultName: vault.name, target: id }, o, (signal) =>
        this.ctx.arm.list<DiagnosticSetting>(`${id}/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`, signal),
      );
      return describeDiagnostics(vault.name, settings);
    } catch (e) {
      // No permission to read them, or a cloud without Microsoft.Insights (Stack Hub, the emulator): no hint.
      if (e instanceof KeyVaultError) return undefined;
      throw e;
    }
  }
}
