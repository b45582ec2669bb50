/** A one-line spinner with a label ("Loading secrets… 1,250"). */
import { Text } from './text.js';
import InkSpinner from 'ink-spinner';
import type { Theme } from '../theme.js';

export function Spinner({ label, theme }: { label: string; theme: Theme }) {
  return (
    <Text>
      <Text color={theme.accent}><InkSpinner type="dots" /></Text> {label}
    </Text>
  );
}
