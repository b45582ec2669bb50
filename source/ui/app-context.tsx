/**
 * What every pane and component can reach: the backend, read-only mode, the keymap, flashes,
 * overlays (confirm, form, …), the selected vault, navigation and the session cache.
 * The App provides it; panes use `useApp()`.
 */
import { createContext, useContext } from 'react';
import type { Backend } from '../backend/backend.js';
import type { Vault } from '../domain/vault.js';
import type { Clipboard } from './clipboard.js';
import type { ConfirmSpec } from './keymap/bindings.js';
import type { CommandId } from './keymap/commands.js';
import type { Keymap } from './keymap/keymap.js';
import type { CacheScope, SessionCache } from './session-cache.js';
import type { Settings } from './settings.js';
import type { Theme } from './theme.js';
import type { ErrorContext } from './explain-error.js';
import type { FormSpec, FormValues } from './components/form.js';
import type { PaneId } from './panes/ids.js';

export type FlashKind = 'success' | 'error' | 'info';

/** An object to open when its pane mounts (quick lookup, palette): the pane of its kind consumes it. */
export interface OpenRequest {
  vaultName: string;
  /** The secret's (or certificate's) name. */
  name: string;
  /** Default 'secret' (pane 2); 'certificate' is for the Certificates pane. */
  kind?: 'secret' | 'certificate';
  reveal?: boolean;
}

export interface AppServices {
  backend: Backend;
  readonly: boolean;
  keymap: Keymap;
  /** The key to name in a hint for a command ("Press R to try again"), as the user has it bound. */
  key(command: CommandId): string;
  theme: Theme;
  settings: Settings;
  clipboard: Clipboard;
  now: () => number;
  /** How long a revealed value stays on screen (30 s; tests shorten it through <App revealMs>). */
  revealMs: number;

  flash(kind: FlashKind, text: string): void;
  /**
   * Flashes an error explained for a person; returns the sentence. After a refusal the identity could
   * lift itself, it also offers that grant (a confirmation: access/use-grant-offers.ts).
   */
  fail(error: unknown, ctx?: ErrorContext): string;
  /** A load of the focused pane failed: after a refusal the footer may offer the grant (useLoad calls it). */
  refused(error: unknown): void;

  confirm(spec: ConfirmSpec): Promise<boolean>;
  form(spec: FormSpec): Promise<FormValues | undefined>;
  /** Shows any overlay; `close` removes it. Returns a closer. */
  overlay(render: (close: () => void) => React.ReactNode): () => void;

  /** Vault-scoped panes (2–6) work on this vault. */
  vault: Vault | undefined;
  selectVault(vault: Vault | undefined): void;
  /** True while start-up looks for the last vault used: pane 1 waits before moving its cursor. */
  vaultPending: boolean;
  goto(pane: PaneId): void;
  /** Consumed by the Secrets pane when it mounts. */
  openRequest: OpenRequest | undefined;
  requestOpen(req: OpenRequest): void;
  clearOpenRequest(): void;

  /** Session cache (lists fetched once; `R` drops an entry). Keys come from session-cache.ts. */
  cache: SessionCache;
  /** Drops what an action made stale: `app.invalidate(stale.vaultLists, stale.lookup)` (session-cache.ts). */
  invalidate(...scopes: (CacheScope | CacheScope[])[]): void;
  /** Pane body size in cells. */
  size: { columns: number; rows: number };
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}
