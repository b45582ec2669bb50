/** Who is calling, as the token says (oid, tid, appid) plus where from, for the audit log. */
export interface CallContext {
  objectId: string;
  tenantId?: string;
  appId?: string;
  clientAddress?: string;
}
