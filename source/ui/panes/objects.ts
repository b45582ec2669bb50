/**
 * What the object panes (Secrets, Keys, Certificates) share: the delete binding (soft delete through
 * the kind's lifecycle, to the bin), and why a certificate's own key and secret cannot be changed.
 * Pane numbers come from the pane table.
 */
import { lifecycleOf } from '../../backend/backend.js';
import { OBJECT_KINDS, type ObjectKind } from '../../domain/object-kind.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AppServices } from '../app-context.js';
import type { Binding } from '../keymap/bindings.js';
import { stale } from '../session-cache.js';
import { paneRef } from './ids.js';

/** The body of a delete confirmation: the object goes to the bin for its retention. */
export const toBinBody = (name: string, recoverableDays: number, extra = '') =>
  `${name} and all its versions go to the bin (${paneRef('deleted')}), where it can be recovered for ${recoverableDays || 'the retention'} days.${extra ? ` ${extra}` : ''}`;

export interface DeleteOptions {
  /** The object the key would delete now (the selected row, or the one open). */
  target: () => { name: string; recoverableDays: number } | undefined;
  /** Instead of "a target is there": false hides the binding, a string shows it disabled with that reason. */
  when?: () => boolean | string;
  /** A sentence more for the confirmation. */
  extra?: string;
  /** After the delete: leave the detail, drop the row. */
  onDeleted: (name: string) => void;
}

/**
 * `d` in an object pane: asks, soft-deletes through the kind's lifecycle, and drops what is now stale —
 * the vault's bin, the kinds the object owns (a certificate's key and secret), quick lookup's secret names.
 */
export function deleteBinding(app: AppServices, vault: VaultRef & { id: string }, kind: ObjectKind, o: DeleteOptions): Binding {
  const { label, linked } = OBJECT_KINDS[kind];
  return {
    command: 'delete', label: 'delete', mutating: true, busy: 'Deleting…', when: o.when ?? (() => !!o.target()),
    confirm: () => {
      const t = o.target();
      return t && { title: `Delete ${kind} ${t.name}?`, body: toBinBody(t.name, t.recoverableDays, o.extra), action: 'delete' };
    },
    run: async () => {
      const t = o.target()!;
      try {
        await lifecycleOf(app.backend, kind).delete(vault, t.name);
        o.onDeleted(t.name);
        app.invalidate(stale.binOf(vault), ...linked.map((k) => stale.objectsOf(k, vault)), ...([kind, ...linked].includes('secret') ? [stale.lookup] : []));
        app.flash('success', `${label} ${t.name} deleted. Recover it from ${paneRef('deleted')} with ${app.key('recover')}.`);
      } catch (e) { app.fail(e); }
    },
  };
}

/**
 * Why a change to a certificate's key or secret is not offered: Key Vault refuses it (403
 * KeyManagedByKeyVault / SecretManagedByKeyVault), so the console says so before the call.
 */
export const managedReason = (kind: 'key' | 'secret', name: string) =>
  `${name} is the ${kind} of certificate ${name}: it changes only with the certificate, in ${paneRef('certificates')}`;

/** The marker in a list row of a certificate's key or secret (ASCII: fast for Ink to measure). */
export const MANAGED_MARK = 'cert';
