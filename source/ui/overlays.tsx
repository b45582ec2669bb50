/** The overlay stack (dialogs, forms, help, palette, quick lookup): only the top one is shown. */
import { useCallback, useRef, useState, type ReactNode } from 'react';

export interface OverlayEntry {
  id: number;
  render: (close: () => void) => ReactNode;
  close: () => void;
}

export function useOverlays() {
  const [stack, setStack] = useState<OverlayEntry[]>([]);
  const nextId = useRef(1);
  const open = useCallback((render: (close: () => void) => ReactNode) => {
    const id = nextId.current++;
    const close = () => setStack((s) => s.filter((e) => e.id !== id));
    setStack((s) => [...s, { id, render, close }]);
    return close;
  }, []);
  return { stack, open };
}
