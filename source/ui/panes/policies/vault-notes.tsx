/**
 * What deleting and recovering a vault does to its access, said where it happens (pane Vaults, pane
 * Deleted): Azure removes the role assignments at and below a vault when it is deleted, and recovering
 * the vault does not bring them back; access policies are part of the vault and come back with it.
 */
import { Text } from '../../components/text.js';
import type { Vault } from '../../../domain/vault.js';
import type { AppServices } from '../../app-context.js';
import { Modal } from '../../components/modal.js';
import { ACCESS_PANE, paneNumber } from '../../explain-error.js';
import { useCapture } from '../../input-router.js';
import { hintLine } from '../../keymap/keymap.js';

type Mode = Pick<Vault, 'enableRbacAuthorization'>;

/** Added to the delete confirmation. */
export const deleteAccessNote = (v: Mode) =>
  (v.enableRbacAuthorization ? ' It uses Azure RBAC: its role assignments (on the vault and on what is in it) are removed now and do not come back if it is recovered.' : '');

/** What came back with a recovered vault, for its flash (one line). */
export const recoveredWith = (v: Mode) => (v.enableRbacAuthorization ? 'with its secrets and keys.' : 'with its secrets, keys and access policies.');

function Notice({ app, title, body, onClose }: { app: AppServices; title: string; body: string; onClose: () => void }) {
  useCapture((_input, _key, name) => {
    if (app.keymap.commandFor(name, ['close'])) onClose();
    return true;
  });
  return (
    <Modal title={title} hint={hintLine(app.keymap, [['close', 'close']])} width={Math.min(72, app.size.columns - 2)} theme={app.theme} tone="danger">
      <Text wrap="wrap">{body}</Text>
    </Modal>
  );
}

/** After recovering an RBAC vault: says, until closed, that nobody has a role on it any more. */
export function warnIfRolesGone(app: AppServices, v: Mode & Pick<Vault, 'name'>): void {
  if (!v.enableRbacAuthorization) return;
  app.overlay((close) => (
    <Notice app={app} onClose={close} title={`Vault ${v.name} is back without its role assignments`}
      body={`Azure removed the role assignments on ${v.name} (and on what is in it) when it was deleted, and recovering a vault does not restore them: only roles inherited from its resource group or subscription apply now. Assign roles again in pane ${paneNumber(ACCESS_PANE)} (Access).`} />
  ));
}
