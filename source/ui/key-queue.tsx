/**
 * Keys in the order they were typed, one at a time. Ink hands over whatever the terminal wrote in one
 * read: "contoso-app\r2" when keys come fast (or from tmux), Esc glued to the next key ("\x1b2", which
 * Ink reads as Alt-2), several arrows in a row. Each key must meet the state its predecessor left:
 * the filter opened by "/" before "c" is typed, the cursor moved by → before Space toggles. So every
 * event is split into keys, queued, and handled strictly first in, first out, each after React has
 * committed the previous one (see useKeyQueue). Keys that arrive meanwhile wait behind, never jump it.
 */
import type { Key } from 'ink';
import { keyName } from './keymap/keys.js';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';

export interface QueuedKey {
  input: string;
  key: Key;
  /** Bracketed paste: the whole text goes to the capture (a text field) as one input. */
  paste?: boolean;
}

export const PLAIN_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

const ESC_KEY: QueuedKey = { input: '', key: { ...PLAIN_KEY, escape: true } };

/** One character of a multi-character chunk, as Ink would have reported it alone. */
function charKey(ch: string): QueuedKey {
  if (ch === '\r' || ch === '\n') return { input: '', key: { ...PLAIN_KEY, return: true } };
  if (ch === '\t') return { input: '', key: { ...PLAIN_KEY, tab: true } };
  if (ch === '\u007f' || ch === '\b') return { input: '', key: { ...PLAIN_KEY, backspace: true } };
  const code = ch.codePointAt(0)!;
  // Ctrl-A … Ctrl-Z (tmux sends "C-p" glued to the keys around it).
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...PLAIN_KEY, ctrl: true } };
  return { input: ch, key: { ...PLAIN_KEY, shift: /^[A-Z]$/.test(ch) } };
}

const isNamedKey = (k: Key) =>
  k.upArrow || k.downArrow || k.leftArrow || k.rightArrow || k.pageUp || k.pageDown || k.home || k.end ||
  k.return || k.escape || k.tab || k.backspace || k.delete;

/**
 * The keys one Ink input event stands for. `altBound` says whether the user bound an Alt key
 * (kvdeck binds none by default): otherwise an ESC-prefixed key is what it almost always is on a
 * fast link — Esc, then the key.
 */
export function splitKeys(input: string, key: Key, altBound: (name: string) => boolean = () => false): QueuedKey[] {
  if (key.meta && !key.ctrl) {
    if (key.escape) return [ESC_KEY, ESC_KEY]; // "\x1b\x1b": two Escs
    // Alt-Backspace (delete a word) is bound: it stays one key; other ESC-prefixed named keys are Esc, then the key.
    if (isNamedKey(key)) {
      const name = keyName(input, key);
      return name.startsWith('alt+') && altBound(name) ? [{ input, key }] : [ESC_KEY, { input, key: { ...key, meta: false } }];
    }
    if ([...input].length === 1 && !altBound(`alt+${input}`)) return [ESC_KEY, ...splitKeys(input, { ...key, meta: false })];
    return [{ input, key }];
  }
  if ([...input].length > 1 && !key.ctrl && !isNamedKey(key)) return [...input].map(charKey);
  return [{ input, key }];
}

/**
 * Handles keys strictly in order, each only after React has committed the previous key's updates.
 * Waiting a turn of the event loop is not enough: outside Ink's own input call React 19 renders
 * from its scheduler, which may run after that turn (the quick lookup then met its old query and
 * lost a letter). So handling a key also bumps a counter in <KeyPump>, in the same task and batch as
 * the key's own updates; the pump's layout effect runs once that whole batch is committed (children's
 * captures and bindings included), and only then — a setImmediate later, to stay out of the commit —
 * does the next key go. A key arriving while the queue is idle is handled at once, in Ink's call.
 */
export function useKeyQueue(handle: (k: QueuedKey) => void): { push: (keys: readonly QueuedKey[]) => void; pump: ReactElement } {
  const handleRef = useRef(handle);
  handleRef.current = handle;
  const q = useRef<{ pending: QueuedKey[]; busy: boolean; poke?: () => void; next?: NodeJS.Immediate; alive: boolean }>(
    { pending: [], busy: false, alive: true },
  ).current;
  const step = useCallback(() => {
    const k = q.pending.shift();
    if (!k || !q.alive) { q.busy = false; return; }
    q.busy = true;
    if (q.poke) q.poke();
    else q.next ??= setImmediate(() => { q.next = undefined; step(); }); // not mounted yet: nothing to commit
    handleRef.current(k);
  }, [q]);
  const committed = useCallback(() => {
    if (!q.busy || q.next) return;
    q.next = setImmediate(() => { q.next = undefined; step(); });
  }, [q, step]);
  const push = useCallback((keys: readonly QueuedKey[]) => {
    q.pending.push(...keys);
    if (!q.busy) step();
  }, [q, step]);
  useEffect(() => () => {
    q.alive = false;
    q.pending.length = 0;
    if (q.next) clearImmediate(q.next);
  }, [q]);
  const register = useCallback((poke: () => void) => { q.poke = poke; }, [q]);
  return { push, pump: <KeyPump register={register} onCommit={committed} /> };
}

/** Renders nothing; its counter rides along with each key's updates and tells when they are committed. */
function KeyPump({ register, onCommit }: { register: (poke: () => void) => void; onCommit: () => void }) {
  const [tick, setTick] = useState(0);
  useLayoutEffect(() => register(() => setTick((t) => t + 1)), [register]);
  useLayoutEffect(() => { if (tick > 0) onCommit(); }, [tick, onCommit]);
  return null;
}
