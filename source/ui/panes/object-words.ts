/**
 * What the object panes (Secrets, Keys, Certificates) say alike: where a deleted object goes, and why a
 * certificate's own key and secret cannot be changed. Pane numbers come from the pane table.
 */
import { paneRef } from './ids.js';

/** The body of a delete confirmation: the object goes to the bin for its retention. */
export const toBinBody = (name: string, recoverableDays: number, extra = '') =>
  `${name} and all its versions go to the bin (${paneRef('deleted')}), where it can be recovered for ${recoverableDays || 'the retention'} days.${extra ? ` ${extra}` : ''}`;

/** The flash after a delete: where to recover it, with the user's key. */
export const deletedFlash = (label: string, name: string, recoverKey: string) =>
  `${label} ${name} deleted. Recover it from ${paneRef('deleted')} with ${recoverKey}.`;

/**
 * Why a change to a certificate's key or secret is not offered: Key Vault refuses it (403
 * KeyManagedByKeyVault / SecretManagedByKeyVault), so the console says so before the call.
 */
export const managedReason = (kind: 'key' | 'secret', name: string) =>
  `${name} is the ${kind} of certificate ${name}: it changes only with the certificate, in ${paneRef('certificates')}`;

/** The marker in a list row of a certificate's key or secret (ASCII: fast for Ink to measure). */
export const MANAGED_MARK = 'cert';
