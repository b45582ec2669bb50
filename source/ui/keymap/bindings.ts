/**
 * One table of bindings per pane drives the footer hints, the `?` help screen, the confirmation of
 * dangerous actions and the disabled state in read-only mode. Panes never look at raw keys.
 */
import type { PaneId } from '../panes/ids.js';
import type { CommandId } from './commands.js';
import type { Keymap } from './keymap.js';

export interface ConfirmSpec {
  title: string;
  /** One or two sentences on what will happen. */
  body?: string;
  /** When set, the user must type this exact text (purge, delete of a vault). */
  typeName?: string;
  /** Label of the confirming action, e.g. "Delete". */
  action?: string;
}

export interface Binding {
  /** A command of the table (commands.ts): its keys come from there, rebindable in settings. */
  command: CommandId;
  /** Short label for the footer and the help screen: "delete", "copy value". */
  label: string;
  run: () => void | Promise<void>;
  /** Changes something: disabled in --readonly, with the reason. */
  mutating?: boolean;
  /** Asked before `run`; undefined means no confirmation this time. */
  confirm?: () => ConfirmSpec | undefined;
  /** `false`: not applicable here (hidden); a string: shown disabled with this reason. */
  when?: () => boolean | string;
  /** Kept out of the footer (still in help): movement keys and the like. */
  hidden?: boolean;
  /** Spinner text while an async `run` is under way, e.g. "Deleting…". */
  busy?: string;
}

export type BindingState = { visible: false } | { visible: true; enabled: true } | { visible: true; enabled: false; reason: string };

export const READONLY_REASON = 'read-only mode: kvdeck was started with --readonly';

export function bindingState(b: Binding, readonly: boolean): BindingState {
  const w = b.when ? b.when() : true;
  if (w === false) return { visible: false };
  if (b.mutating && readonly) return { visible: true, enabled: false, reason: READONLY_REASON };
  if (typeof w === 'string') return { visible: true, enabled: false, reason: w };
  return { visible: true, enabled: true };
}

/** The first binding (of those given, in order) whose keys include `key`. */
export function findBinding(bindings: readonly Binding[], key: string, keymap: Keymap, pane?: PaneId): Binding | undefined {
  for (const b of bindings) {
    if (keymap.keysFor(b.command, pane).includes(key)) {
      // A binding not applicable right now lets the key fall through to the next one.
      if (b.when && b.when() === false) continue;
      return b;
    }
  }
  return undefined;
}
