export type LockLevel = 'CanNotDelete' | 'ReadOnly';

export interface ManagementLock {
  /** {scope}/providers/Microsoft.Authorization/locks/{name} */
  id: string;
  name: string;
  level: LockLevel;
  /** The ARM id the lock is attached to: a subscription, a resource group or a vault. */
  scope: string;
  notes?: string;
  owners?: { applicationId: string }[];
}

export interface LockCreateInput {
  scope: string;
  name: string;
  level: LockLevel;
  notes?: string;
  owners?: { applicationId: string }[];
}

/** The portal's words for the levels. */
export const LOCK_LEVEL_LABEL: Record<LockLevel, string> = { CanNotDelete: 'Delete', ReadOnly: 'Read-only' };
