/**
 * One place reads the keyboard (the App's single useInput). A key goes first to the topmost
 * capture (an open overlay, a form, a filter being typed), then to the focused pane's bindings,
 * then to the global commands. Components never call useInput themselves: this keeps one owner per
 * key and makes the order predictable.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import type { Key } from 'ink';
import type { Binding } from './keymap/bindings.js';

/** Return `false` to let the key go on to the bindings; anything else means handled. */
export type CaptureHandler = (input: string, key: Key, name: string) => boolean | void;

export interface InputRouter {
  pushCapture(handler: { current: CaptureHandler }): () => void;
  setPaneBindings(bindings: readonly Binding[]): void;
  /** Extra breadcrumb parts after the pane and vault, e.g. the open secret's name. */
  setPaneCrumbs(parts: readonly string[]): void;
}

export const InputRouterContext = createContext<InputRouter | null>(null);

function useRouter(): InputRouter {
  const r = useContext(InputRouterContext);
  if (!r) throw new Error('input router missing');
  return r;
}

/** Takes the keyboard while `active` (overlays, forms, filter editing). Later captures win. */
export function useCapture(handler: CaptureHandler, active = true): void {
  const router = useRouter();
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => {
    if (!active) return;
    return router.pushCapture(ref);
  }, [active, router]);
}

/** Declares the focused pane's bindings (footer, help, dispatch). Call on every render. */
export function usePaneBindings(bindings: readonly Binding[]): void {
  const router = useRouter();
  // Bindings close over the pane's latest state, so they are handed over after every render — in a
  // layout effect, which runs in the same tick as the frame is drawn: no key can arrive in between
  // and meet the previous render's closures.
  useLayoutEffect(() => {
    router.setPaneBindings(bindings);
  });
  useEffect(() => () => router.setPaneBindings([]), [router]);
}

/** Adds breadcrumb parts (a detail view: the open item's name). */
export function usePaneCrumbs(parts: readonly string[]): void {
  const router = useRouter();
  const sig = parts.join('\u0000');
  useEffect(() => {
    router.setPaneCrumbs(parts);
  }, [sig]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => router.setPaneCrumbs([]), [router]);
}
