/**
 * A revealed secret value: held in component state only, hidden again after 30 s, and gone when the
 * pane or the detail view is left (the state dies with it). Never cached, never logged.
 */
import { useEffect, useRef, useState } from 'react';

export const REVEAL_MS = 30_000;

export interface Revealed {
  /** The version's id the value belongs to. */
  id: string;
  value: string;
}

export function useReveal(ms = REVEAL_MS) {
  const [revealed, setRevealed] = useState<Revealed | undefined>();
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    revealed,
    show(r: Revealed) {
      clearTimeout(timer.current);
      setRevealed(r);
      timer.current = setTimeout(() => setRevealed(undefined), ms);
      timer.current.unref?.();
    },
    hide() {
      clearTimeout(timer.current);
      setRevealed(undefined);
    },
  };
}
