/** The demo dataset's fixed identifiers (issue 2 §4). Tests, docs and screenshots depend on them. */
export const DEMO = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  tenantName: 'Contoso',
  subscriptions: {
    production: '22222222-2222-4222-8222-222222222222',
    edge: '33333333-3333-4333-8333-333333333333',
  },
  principals: {
    operator: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    webApp: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    securityAdmin: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
    edgeIdentity: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  },
  /** Application (client) ids of the app and the managed identity. */
  appIds: {
    webApp: 'b0b0b0b0-0000-4000-8000-00000000b0b0',
    edgeIdentity: 'd0d0d0d0-0000-4000-8000-00000000d0d0',
  },
  resourceGroups: { apps: 'rg-apps', edge: 'rg-edge', shared: 'rg-shared' },
  vaults: {
    app: 'contoso-app-kv',
    edge: 'ase-edge01-kv',
    shared: 'contoso-shared-kv',
    perf: 'perf-kv',
  },
  deletedVaults: { billing: 'billing-old-kv', edgeOld: 'ase-edge00-kv' },
  locks: { edge: 'ase-edge01-kv-lock', shared: 'shared-readonly' },
  locations: { westeurope: 'westeurope', eastus: 'eastus' },
  /**
   * The address the console calls from when it runs the engine in process (an address of the
   * documentation range TEST-NET-3): what vault firewalls see and the audit log records.
   */
  consoleAddress: '203.0.113.10',
  /** The demo's Azure RBAC role assignments (issue 10): fixed GUIDs, as ARM names them. */
  roleAssignments: {
    operatorOwnerProduction: '7a000000-0000-4000-8000-000000000001',
    operatorOwnerEdge: '7a000000-0000-4000-8000-000000000002',
    operatorKeyVaultAdministratorShared: '7a000000-0000-4000-8000-000000000003',
    webAppReaderProduction: '7a000000-0000-4000-8000-000000000004',
    webAppSecretsUserShared: '7a000000-0000-4000-8000-000000000005',
    securityAdminReaderProduction: '7a000000-0000-4000-8000-000000000006',
    securityAdminKeyVaultReaderShared: '7a000000-0000-4000-8000-000000000007',
  },
};
