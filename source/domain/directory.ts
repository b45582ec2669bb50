/** Who and where: tenants, subscriptions, resource groups and principals, so the console can show names instead of GUIDs. */
export interface Tenant {
  id: string;
  displayName: string;
  defaultDomain: string;
}

export interface Subscription {
  id: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Disabled' | 'Warned';
}

export interface ResourceGroup {
  subscriptionId: string;
  name: string;
  location: string;
}

export type PrincipalKind = 'user' | 'application' | 'managedIdentity' | 'group' | 'unknown';

export interface Principal {
  objectId: string;
  displayName: string;
  kind: PrincipalKind;
  /** User principal name, for users. */
  upn?: string;
  /** Application (client) id, for applications and managed identities. */
  appId?: string;
}

/** The identity a backend acts as. */
export interface Identity {
  objectId: string;
  tenantId: string;
  displayName: string;
  upn?: string;
  appId?: string;
}
