/**
 * The vaults the user opened most recently (a vault-scoped pane showed them), newest first, kept in
 * the settings between runs — names and subscriptions only. Quick lookup reads these vaults first and
 * ranks their matches first: what the user works with is found first, whatever else the estate holds.
 */
import type { Vault } from '../domain/vault.js';
import type { LastVault, Settings } from './settings.js';

/** How many are kept. */
export const RECENT_VAULTS = 10;

const same = (a: LastVault, b: LastVault) => a.name.toLowerCase() === b.name.toLowerCase() && a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase();

/** The recent vaults as saved (anything malformed left out). */
export function recentVaults(settings: Settings): LastVault[] {
  const saved = settings.get('recentVaults');
  return Array.isArray(saved) ? saved.filter((v) => typeof v?.name === 'string' && typeof v?.subscriptionId === 'string').slice(0, RECENT_VAULTS) : [];
}

/** Puts the vault first (written only when that changes the list). */
export function rememberOpened(settings: Settings, vault: Pick<Vault, 'name' | 'subscriptionId'>): void {
  const entry = { name: vault.name, subscriptionId: vault.subscriptionId };
  const now = recentVaults(settings);
  if (now[0] && same(now[0], entry)) return;
  settings.set('recentVaults', [entry, ...now.filter((v) => !same(v, entry))].slice(0, RECENT_VAULTS));
}

/** The vault's place among the recent ones (0 = the newest), or RECENT_VAULTS when it is not one of them. */
export function recencyRank(recent: readonly LastVault[], vault: Pick<Vault, 'name' | 'subscriptionId'>): number {
  const i = recent.findIndex((v) => same(v, vault));
  return i < 0 ? RECENT_VAULTS : i;
}
