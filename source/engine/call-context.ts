/** Who is calling, as the token says (oid, tid, appid) plus where from, for the audit log. */
export interface CallContext {
  objectId: string;
  tenantId?: string;
  appId?: string;
  clientAddress?: string;
}

/** Key Vault itself, for what the service does on its own (automatic rotation, renewal): never authorized, always audited. */
export const KEY_VAULT_SERVICE: CallContext = { objectId: 'Azure Key Vault', clientAddress: 'service' };
