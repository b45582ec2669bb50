/**
 * Hostile content, as someone sharing a vault could write it: escape sequences (colour, an OSC 52
 * clipboard write, a screen clear), C0 and C1 controls, a bidi override — in every text a backend
 * gives the console: a subscription's name, a vault's tags, a secret's value, content type and tags,
 * a key's tags, a lock's name and notes, a principal's name (hence audit callers), audit targets and
 * the error sentence that names a lock. Seeded through the engine's store and its backend, so the
 * console meets it as it would meet Azure's.
 */
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { resourceGroupScope } from '../../source/domain/ids.js';
import { DEMO, type Engine } from '../../source/engine/index.js';

/** The shown form of the colour sequence: what every pane must display (and what the tests look for). */
export const SHOWN = '␛[31mRED';

/** Colour, OSC 52 clipboard write (BEL-ended), CR, TAB, 8-bit CSI screen clear, a bidi override, NUL-free. */
export const HOSTILE = '\u001b[31mRED\u001b[0m\u001b]52;c;aGFja2Vk\u0007\r\t\u009b2J\u202eevil';
/** Short enough for a lock name (no < > % & : \ ? /). */
export const HOSTILE_NAME = '\u001b[31mRED\u001b[0m-\u001b]52;c;aGk=\u0007-lock';
export const HOSTILE_PRINCIPAL = 'eeeeeeee-0000-4000-8000-00000000beef';

/** Raw bytes a frame must never carry: C0 controls but \n, DEL, C1, bidi embeddings/overrides/isolates. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export async function seedHostile(engine: Engine): Promise<Backend> {
  const backend = createMemoryBackend(engine);
  const vaults = await backend.vaults.list();
  const app = vaults.find((v) => v.name === DEMO.vaults.app)!;
  // The directory: a subscription's display name, a principal's name.
  const production = engine.core.state.subscriptions.find((s) => s.id === DEMO.subscriptions.production)!;
  (production as { displayName: string }).displayName = `Production ${HOSTILE}`;
  engine.directory.addPrincipal({ objectId: HOSTILE_PRINCIPAL, displayName: `Mallory ${HOSTILE}`, kind: 'user', upn: 'mallory@contoso.com' });
  await backend.policies.update(app, 'add', [{ tenantId: app.tenantId, objectId: HOSTILE_PRINCIPAL, permissions: { keys: [], secrets: ['get', 'list'], certificates: [], storage: [] } }]);
  await createMemoryBackend(engine, { objectId: HOSTILE_PRINCIPAL }).secrets.get(app, 'sql-admin-password').catch(() => undefined);
  // The vault, its objects.
  await backend.vaults.update(app, { tags: { ...app.tags, note: HOSTILE } });
  await backend.secrets.set(app, 'hostile-secret', { value: `line one ${HOSTILE}\nline two ${HOSTILE}`, contentType: HOSTILE, tags: { note: HOSTILE } });
  await backend.keys.create(app, 'hostile-key', { keyType: 'EC', curve: 'P-256', tags: { note: HOSTILE } });
  // Locks: one on the vault (a name and notes), one dropped (an audit target), a ReadOnly one on the
  // resource group whose refusal names it (an error sentence).
  await backend.locks.create({ scope: app.id, name: HOSTILE_NAME, level: 'CanNotDelete', notes: HOSTILE });
  await backend.locks.create({ scope: app.id, name: `${HOSTILE_NAME}-gone`, level: 'CanNotDelete' });
  await backend.locks.delete(app.id, `${HOSTILE_NAME}-gone`);
  await backend.locks.create({ scope: resourceGroupScope(DEMO.subscriptions.production, app.resourceGroup), name: `freeze${HOSTILE_NAME}`, level: 'ReadOnly', notes: HOSTILE });
  return backend;
}
