/**
 * What deleting and recovering a vault does to its access, said where it happens (pane Vaults, pane
 * Deleted): Azure removes the role assignments at and below a vault when it is deleted, and recovering
 * the vault does not bring them back; access policies are part of the vault and come back with it.
 */
import type { Vault } from '../../../domain/vault.js';
import { ACCESS_PANE, paneNumber } from '../../explain-error.js';

/** Added to the delete confirmation. */
export const deleteAccessNote = (v: Pick<Vault, 'enableRbacAuthorization'>) =>
  (v.enableRbacAuthorization ? ' It uses Azure RBAC: its role assignments (on the vault and on what is in it) are removed now and do not come back if it is recovered.' : '');

/** "with its secrets, keys and access policies." or, for an RBAC vault, the warning that its role assignments are gone. */
export const recoveredAccessNote = (v: Pick<Vault, 'enableRbacAuthorization'>) =>
  (v.enableRbacAuthorization
    ? `with its secrets and keys, but not its role assignments: Azure removed them when it was deleted. Assign roles again in pane ${paneNumber(ACCESS_PANE)} (Access).`
    : 'with its secrets, keys and access policies.');
