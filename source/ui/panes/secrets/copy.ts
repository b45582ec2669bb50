/** Copies a secret's value to the clipboard and says how; the value never reaches a flash or a log. */
import type { VaultRef } from '../../../domain/vault.js';
import type { AppServices } from '../../app-context.js';

export async function copySecretValue(app: AppServices, vault: VaultRef, name: string, version?: string): Promise<boolean> {
  try {
    const s = await app.backend.secrets.get(vault, name, version);
    const r = app.clipboard.copy(s.value);
    const clears = r.clearsAfterMs ? `; the clipboard clears in ${Math.round(r.clearsAfterMs / 1000)} s` : '';
    app.flash('success', `Copied the value of ${name} (${r.via.join(' + ')})${clears}.`);
    return true;
  } catch (e) {
    app.fail(e);
    return false;
  }
}
