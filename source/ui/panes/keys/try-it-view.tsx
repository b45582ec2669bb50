/** The result of "try it": what the vault did, with the key id and algorithm, and whether it checked out. */
import { Text } from '../../components/text.js';
import { useApp } from '../../app-context.js';
import { useCapture } from '../../input-router.js';
import { hintLine } from '../../keymap/keymap.js';
import type { Theme } from '../../theme.js';
import { Modal } from '../../components/modal.js';
import { Property } from '../vaults/detail.js';
import { shortBase64 } from './columns.js';
import type { TryResult } from './try-it.js';

export function TryItResult({ result: r, width, theme, onClose }: { result: TryResult; width: number; theme: Theme; onClose: () => void }) {
  const { keymap } = useApp();
  useCapture((_input, _key, name) => {
    if (keymap.commandFor(name, ['close'])) onClose();
    return true;
  });
  const lw = 16;
  const sign = r.operation === 'sign';
  const check = sign ? (r.verified ? 'verified ✓ (the vault checked the signature)' : 'NOT verified ✗') : r.verified ? 'round trip ✓ (decrypted back to the same bytes)' : 'round trip failed ✗';
  return (
    <Modal title={`Tried ${r.keyName}: ${sign ? 'sign + verify' : r.operation === 'encrypt' ? 'encrypt + decrypt' : 'wrap + unwrap'}`} hint={hintLine(keymap, [['close', 'close']])} width={width} theme={theme}>
      <Property label="Key (kid)" value={r.kid} theme={theme} width={lw} />
      <Property label="Algorithm" value={r.algorithm} theme={theme} width={lw} />
      <Property label="Input" value={r.text} theme={theme} width={lw} />
      {r.digest && <Property label="SHA digest" value={shortBase64(r.digest)} theme={theme} width={lw} />}
      <Property label={sign ? 'Signature' : r.operation === 'encrypt' ? 'Ciphertext' : 'Wrapped key'} value={shortBase64(r.output)} theme={theme} width={lw} />
      <Text color={r.verified ? theme.ok : theme.error} bold>{check}</Text>
      <Text color={theme.muted} wrap="wrap">The key never left the vault: kvdeck sent {sign ? 'a digest' : 'the data'} and got the result back.</Text>
    </Modal>
  );
}
