/** Copies a secret's value to the clipboard and says how; the value never reaches a flash or a log. */
import type { VaultRef } from '../../../domain/vault.js';
import type { AppServices } from '../../app-context.js';

export async function copySecretValue(app: AppServices, vault: VaultRef, name: string, version?: string): Promise<boolean> {
  try {
    const s = await app.backend.secrets.get(vault, name, version);
    copyValue(app, name, s.value);
    return true;
  } catch (e) {
    app.fail(e);
    return false;
  }
}

/** Copies a value already read (the viewer's) and says how. */
export function copyValue(app: AppServices, name: string, value: string): void {
  const r = app.clipboard.copy(value);
  const clears = r.clearsAfterMs ? `; the clipboard clears in ${Math.round(r.clearsAfterMs / 1000)} s` : '';
  app.flash('success', `Copied the value of ${name} (${r.via.join(' + ')})${clears}.`);
}
