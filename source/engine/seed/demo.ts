/**
 * The demo dataset of issue 2 §4, with fixed ids and names (tests and docs depend on them). Dates are
 * relative to the engine clock ("deleted 3 days ago", "expires within 7 days"). Records go straight into
 * the store's tables: seeding is not a user operation, checks nothing and leaves no audit entries.
 */
import { createHash } from 'node:crypto';
import { PERMISSION_TEMPLATES, type AccessPolicy, type Permissions } from '../../domain/access-policy.js';
import { lockResourceId, resourceGroupScope, vaultResourceId } from '../../domain/ids.js';
import type { CurveName, KeyOperation, KeyType } from '../../domain/key.js';
import { DAY_MS } from '../clock.js';
import type { EngineCore } from '../core.js';
import type { KeyRecord, SecretRecord, VaultHeader, VaultHeaderInput } from '../state.js';
import { seedDemoCertificates } from './demo-certificates.js';
import { DEMO } from './demo-ids.js';
import { DEMO_EC_P256_JWK, DEMO_RSA_2048_JWK } from './demo-keys.js';
import { seedDemoRoles } from './demo-roles.js';

/** Deterministic 32-hex version ids, so screenshots and docs stay stable. */
const versionId = (...parts: string[]) => createHash('md5').update(parts.join('/')).digest('hex');

const perms = (p: Partial<Permissions>): Permissions => ({ keys: [], secrets: [], certificates: [], storage: [], ...p });
const policy = (objectId: string, p: Partial<Permissions>, applicationId?: string): AccessPolicy => ({
  tenantId: DEMO.tenantId,
  objectId,
  ...(applicationId ? { applicationId } : {}),
  permissions: perms(p),
});

const fullTemplate = PERMISSION_TEMPLATES.find((t) => t.name === 'Key, Secret & Certificate Management + crypto')!;

interface SecretSeed {
  name: string;
  values: string[];
  contentType?: string;
  enabled?: boolean;
  expiresOn?: number;
  tags?: Record<string, string>;
  /** Days before now the first version was created. */
  ageDays: number;
}

function secret(vault: string, now: number, s: SecretSeed): SecretRecord {
  const n = s.values.length;
  return {
    name: s.name,
    versions: s.values.map((value, i) => {
      // Versions spread evenly between ageDays ago and (for the latest) one day ago.
      const created = now - Math.round((s.ageDays - ((s.ageDays - 1) * i) / Math.max(1, n - 1)) * 86_400) * 1000;
      return {
        version: versionId(vault, s.name, String(i)),
        value,
        contentType: s.contentType,
        tags: { ...(s.tags ?? {}) },
        enabled: i === n - 1 ? s.enabled ?? true : true,
        expiresOn: i === n - 1 ? s.expiresOn : undefined,
        created,
        updated: created,
      };
    }),
  };
}

function key(vault: string, now: number, name: string, keyType: KeyType, jwk: Record<string, string>, keyOps: KeyOperation[], extra: { keySize?: number; curve?: CurveName }): KeyRecord {
  const created = now - 45 * DAY_MS;
  return {
    name,
    versions: [{ version: versionId(vault, name, '0'), keyType, ...extra, keyOps, enabled: true, created, updated: created, tags: {}, privateJwk: { ...jwk } }],
  };
}

function vault(now: number, v: Partial<VaultHeaderInput> & Pick<VaultHeader, 'name' | 'subscriptionId' | 'resourceGroup' | 'location'>): VaultHeaderInput {
  return {
    tenantId: DEMO.tenantId,
    sku: 'standard',
    tags: {},
    softDeleteRetentionDays: 90,
    enablePurgeProtection: false,
    enableRbacAuthorization: false,
    accessPolicies: [],
    created: now - 200 * DAY_MS,
    // The demo's vaults were made by its operator (ARM shows who, as systemData).
    createdBy: { objectId: DEMO.principals.operator },
    ...v,
  };
}

export function seedDemo(core: EngineCore): void {
  // Whole seconds, as Key Vault (and the data plane here) keeps times.
  const now = Math.floor(core.now() / 1000) * 1000;
  const st = core.state;
  const { production, edge } = DEMO.subscriptions;
  const p = DEMO.principals;

  st.addTenant({ id: DEMO.tenantId, displayName: DEMO.tenantName, defaultDomain: 'contoso.onmicrosoft.com' });
  st.addSubscription({ id: production, displayName: 'Contoso Production', tenantId: DEMO.tenantId, state: 'Enabled' });
  st.addSubscription({ id: edge, displayName: 'Contoso Edge Devices', tenantId: DEMO.tenantId, state: 'Enabled' });
  st.addResourceGroup({ subscriptionId: production, name: DEMO.resourceGroups.apps, location: 'westeurope' });
  st.addResourceGroup({ subscriptionId: production, name: DEMO.resourceGroups.shared, location: 'westeurope' });
  st.addResourceGroup({ subscriptionId: edge, name: DEMO.resourceGroups.edge, location: 'eastus' });
  st.addPrincipal({ objectId: p.operator, displayName: 'Operator', kind: 'user', upn: 'ops@contoso.com' });
  st.addPrincipal({ objectId: p.webApp, displayName: 'contoso-web-app', kind: 'application', appId: DEMO.appIds.webApp });
  st.addPrincipal({ objectId: p.securityAdmin, displayName: 'Security Admin', kind: 'user', upn: 'secadmin@contoso.com' });
  st.addPrincipal({ objectId: p.edgeIdentity, displayName: 'ase-edge01', kind: 'managedIdentity', appId: DEMO.appIds.edgeIdentity });

  // contoso-app-kv: the everyday application vault.
  const app = st.vaults.create(vault(now, {
    name: DEMO.vaults.app, subscriptionId: production, resourceGroup: DEMO.resourceGroups.apps, location: 'westeurope',
    tags: { environment: 'production', owner: 'platform-team' },
    certificateContacts: [{ email: 'pki@contoso.com', name: 'Contoso PKI team' }],
    accessPolicies: [
      policy(p.operator, {
        keys: [...fullTemplate.permissions.keys, 'purge'],
        secrets: [...fullTemplate.permissions.secrets, 'purge'],
        certificates: [...fullTemplate.permissions.certificates, 'purge'],
      }),
      policy(p.webApp, { secrets: ['get', 'list'] }),
      policy(p.securityAdmin, { keys: ['get', 'list'], secrets: ['list'] }),
    ],
  }));
  const appSecrets = app.objects.secret;
  const a = DEMO.vaults.app;
  appSecrets.insert(secret(a, now, { name: 'storage-account-key', ageDays: 120, values: ['c3RvcmFnZS1rZXktdjE=demo', 'c3RvcmFnZS1rZXktdjI=demo', 'c3RvcmFnZS1rZXktdjM=demo'] }));
  appSecrets.insert(secret(a, now, { name: 'sql-admin-password', ageDays: 60, values: ['Pa55w0rd!demo-sql'], tags: { server: 'contoso-sql' } }));
  appSecrets.insert(secret(a, now, { name: 'api-signing-cert', ageDays: 90, values: ['MIIJ-demo-pkcs12-base64'], contentType: 'application/x-pkcs12' }));
  appSecrets.insert(secret(a, now, { name: 'legacy-token', ageDays: 400, values: ['legacy-demo-token'], enabled: false }));
  appSecrets.insert(secret(a, now, { name: 'partner-api-token', ageDays: 85, values: ['partner-demo-token'], expiresOn: now + 5 * DAY_MS }));
  const oldDb = secret(a, now, { name: 'old-db-password', ageDays: 300, values: ['old-demo-password'] });
  appSecrets.insertDeleted({ item: oldDb, deletedOn: now - 3 * DAY_MS, scheduledPurge: now + 87 * DAY_MS });
  app.objects.key.insert(key(a, now, 'data-encryption-key', 'RSA', DEMO_RSA_2048_JWK, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], { keySize: 2048 }));
  app.objects.key.insert(key(a, now, 'app-signing-key', 'EC', DEMO_EC_P256_JWK, ['sign', 'verify'], { curve: 'P-256' }));
  seedDemoCertificates(app, now);

  // ase-edge01-kv: what Azure Stack Edge activation creates.
  const edgeKv = st.vaults.create(vault(now, {
    name: DEMO.vaults.edge, subscriptionId: edge, resourceGroup: DEMO.resourceGroups.edge, location: 'eastus',
    enablePurgeProtection: true, tags: { device: 'ase-edge01' },
    // Stack Edge activation sends the vault's AuditEvent log to a storage account of the device's group.
    diagnostics: [{
      name: 'ase-edge01-kv-audit', categories: ['AuditEvent'],
      storageAccountId: `${resourceGroupScope(edge, DEMO.resourceGroups.edge)}/providers/Microsoft.Storage/storageAccounts/aseedge01kvlogs`,
    }],
    accessPolicies: [
      policy(p.edgeIdentity, { secrets: ['get', 'set'] }, undefined),
      policy(p.operator, { secrets: ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore'] }),
    ],
  }));
  const e = DEMO.vaults.edge;
  edgeKv.objects.secret.insert(secret(e, now, { name: 'channel-integrity-key', ageDays: 30, values: ['cik-demo-value'] }));
  edgeKv.objects.secret.insert(secret(e, now, { name: 'bitlocker-recovery-key', ageDays: 30, values: ['111111-222222-333333-444444-555555-666666-777777-888888'] }));
  edgeKv.objects.secret.insert(secret(e, now, { name: 'bmc-password', ageDays: 30, values: ['bmc-demo-password'] }));
  const edgeId = vaultResourceId(edge, DEMO.resourceGroups.edge, e);
  st.locks.put({ id: lockResourceId(edgeId, DEMO.locks.edge), name: DEMO.locks.edge, level: 'CanNotDelete', scope: edgeId, notes: 'Created by Azure Stack Edge activation' });

  // contoso-shared-kv: RBAC mode, read-only lock.
  const shared = st.vaults.create(vault(now, {
    name: DEMO.vaults.shared, subscriptionId: production, resourceGroup: DEMO.resourceGroups.shared, location: 'westeurope',
    softDeleteRetentionDays: 30, enableRbacAuthorization: true, tags: { environment: 'production' },
  }));
  shared.objects.secret.insert(secret(DEMO.vaults.shared, now, { name: 'smtp-password', ageDays: 20, values: ['smtp-demo-password'] }));
  const sharedId = vaultResourceId(production, DEMO.resourceGroups.shared, DEMO.vaults.shared);
  st.locks.put({ id: lockResourceId(sharedId, DEMO.locks.shared), name: DEMO.locks.shared, level: 'ReadOnly', scope: sharedId, notes: 'Shared configuration: change through the platform team' });

  // Soft-deleted vaults.
  const billing = st.vaults.insertDeleted(vault(now, {
    name: DEMO.deletedVaults.billing, subscriptionId: production, resourceGroup: DEMO.resourceGroups.apps, location: 'westeurope',
    accessPolicies: [policy(p.operator, { secrets: ['all'], keys: ['all'] })],
  }), { deletedOn: now - 10 * DAY_MS, scheduledPurge: now + 80 * DAY_MS });
  billing.objects.secret.insert(secret(DEMO.deletedVaults.billing, now, { name: 'invoice-api-key', ageDays: 150, values: ['invoice-demo-key'] }));
  st.vaults.insertDeleted(vault(now, {
    name: DEMO.deletedVaults.edgeOld, subscriptionId: edge, resourceGroup: DEMO.resourceGroups.edge, location: 'eastus',
    enablePurgeProtection: true, accessPolicies: [policy(p.operator, { secrets: ['get', 'list'] })],
  }), { deletedOn: now - 30 * DAY_MS, scheduledPurge: now + 60 * DAY_MS });

  // Azure RBAC on both planes (demo-roles.ts): who manages what, and who reads contoso-shared-kv.
  seedDemoRoles(core);
}
