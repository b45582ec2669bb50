/**
 * A vault's firewall refused the console: the refusal is explained with the address Azure saw, and —
 * when the identity may change the vault — the console offers to allow that address (an IP rule,
 * after a confirmation, never silently). The rules it added are remembered for the session, so the
 * vault's detail reminds the user and removes them again with one key.
 */
import type { ManagementLock } from '../../../domain/lock.js';
import { isKeyVaultError } from '../../../domain/errors.js';
import { MANAGEMENT_ACTIONS, permissionAllows } from '../../../domain/actions.js';
import { copyNetworkAcls, networkRefusalOf, sameIpRule } from '../../../domain/network.js';
import type { Vault, VaultRef } from '../../../domain/vault.js';
import { useApp, type AppServices } from '../../app-context.js';
import { useLoad } from '../../hooks/use-load.js';
import type { Binding } from '../../keymap/bindings.js';
import { paneCommand } from '../../keymap/commands.js';
import { cacheKeys, stale } from '../../session-cache.js';
import { paneRef } from '../ids.js';

/** An IP rule this console added, to remind of it and remove it again. */
export interface AddedRule {
  vaultId: string;
  vaultName: string;
  rule: string;
}

/** The rules added this session (of one vault, when given). They live in the session cache, never made stale by an action. */
export function rulesAdded(app: Pick<AppServices, 'cache'>, vaultId?: string): AddedRule[] {
  const all = app.cache.get<AddedRule[]>(cacheKeys.addedIpRules()) ?? [];
  return vaultId ? all.filter((r) => r.vaultId.toLowerCase() === vaultId.toLowerCase()) : all;
}

function setRulesAdded(app: Pick<AppServices, 'cache'>, rules: AddedRule[]): void {
  app.cache.set(cacheKeys.addedIpRules(), rules);
}

/** A refusal's locks, so a ReadOnly lock's refusal can name the lock. */
const locksOf = (app: AppServices, vault: VaultRef) => app.backend.locks.listForVault(vault).catch(() => [] as ManagementLock[]);

/**
 * After a change of the vault's rules: every list that shows them, the selected vault itself, and what
 * the session read from the vault (with the rule gone, those reads would be refused again).
 */
function vaultChanged(app: AppServices, updated: Vault): void {
  app.invalidate(stale.vaultLists, stale.vault(updated), stale.lookup);
  if (app.vault?.id.toLowerCase() === updated.id.toLowerCase()) app.selectVault(updated);
}

/** Adds `address` to the vault's IP rules (read fresh, so a rule added meanwhile elsewhere is kept). */
export async function allowAddress(app: AppServices, vault: Vault, address: string): Promise<boolean> {
  try {
    const fresh = await app.backend.vaults.get(vault.subscriptionId, vault.resourceGroup, vault.name);
    const acls = fresh.networkAcls;
    if (!acls) { app.flash('info', `Vault ${vault.name} has no firewall any more: press ${app.key('refresh')} to try again.`); return true; }
    const updated = acls.ipRules.some((r) => sameIpRule(r.value, address))
      ? fresh
      : await app.backend.vaults.update(fresh, { networkAcls: { ...copyNetworkAcls(acls), ipRules: [...acls.ipRules, { value: address }] } });
    setRulesAdded(app, [...rulesAdded(app).filter((r) => !(r.vaultId === updated.id && sameIpRule(r.rule, address))), { vaultId: updated.id, vaultName: updated.name, rule: address }]);
    vaultChanged(app, updated);
    // One line (a success flash is one): the reminder of how to undo it is the point.
    app.flash('success', `${address} may now call ${vault.name}: ${app.key('vaults.removeAddedRule')} on it in ${paneRef('vaults')} removes the rule again.`);
    return true;
  } catch (e) {
    app.fail(e, { locks: await locksOf(app, vault) });
    return false;
  }
}

/** Removes an IP rule this console added (and only that rule). */
export async function removeAddedRule(app: AppServices, vault: Vault, rule: string): Promise<boolean> {
  try {
    const fresh = await app.backend.vaults.get(vault.subscriptionId, vault.resourceGroup, vault.name);
    const acls = fresh.networkAcls;
    const updated = acls && acls.ipRules.some((r) => sameIpRule(r.value, rule))
      ? await app.backend.vaults.update(fresh, { networkAcls: { ...copyNetworkAcls(acls), ipRules: acls.ipRules.filter((r) => !sameIpRule(r.value, rule)) } })
      : fresh;
    setRulesAdded(app, rulesAdded(app).filter((r) => !(r.vaultId === updated.id && sameIpRule(r.rule, rule))));
    vaultChanged(app, updated);
    app.flash('success', `Removed the IP rule ${rule} from the firewall of ${vault.name}.`);
    return true;
  } catch (e) {
    app.fail(e, { locks: await locksOf(app, vault) });
    return false;
  }
}

export interface FirewallOffer {
  bindings: Binding[];
  /** What to say under the refusal: how to get through, or whom to ask. Undefined: not a firewall refusal. */
  hint?: string;
}

/**
 * For a vault-scoped pane whose load failed: when the firewall refused the console's address, the
 * binding that allows it (after a confirmation) and the words that say so. `onAllowed` loads again.
 */
export function useFirewallOffer(error: unknown, onAllowed: () => void): FirewallOffer {
  const app = useApp();
  const vault = app.vault!;
  const refusal = isKeyVaultError(error) ? networkRefusalOf(error) : undefined;
  const address = refusal?.kind === 'firewall' && app.backend.info.features.networkRules ? refusal.address : undefined;
  // Whether the identity may change the vault: its own permissions at the vault (management plane).
  const may = useLoad(address ? cacheKeys.myPermissions(vault) : undefined, (signal) =>
    app.backend.access.myPermissions(vault.id, { signal }).then((ps) => ps.some((p) => permissionAllows(p, MANAGEMENT_ACTIONS.vaultWrite, 'action'))));
  if (!address) return { bindings: [] };
  const allowed = may.data === true;
  const binding: Binding = {
    command: 'network.allowAddress', label: `allow ${address}`, mutating: true, busy: `Allowing ${address}…`,
    when: () => allowed,
    confirm: () => ({
      title: `Allow ${address} through the firewall of ${vault.name}?`,
      body: `kvdeck adds the IP rule ${address} to the vault's network rules: every call from this address then gets past the firewall (permissions still apply). It stays until removed — ${app.key('vaults.removeAddedRule')} on the vault in ${paneRef('vaults')} removes it again.`,
      action: 'allow',
    }),
    run: async () => { if (await allowAddress(app, vault, address)) onAllowed(); },
  };
  const hint = may.loading ? `Checking whether you may change the network rules of ${vault.name}…`
    : !allowed ? `Ask someone who may change vault ${vault.name} to allow ${address} in its network rules (${paneRef('vaults')}, the vault's detail shows them), or pick another vault (${app.key(paneCommand('vaults'))}).`
    : app.readonly ? `You may change ${vault.name}'s network rules: start without --readonly to allow ${address} from here.`
    : `Press ${app.key('network.allowAddress')} to allow ${address} (an IP rule on ${vault.name}'s firewall, after you confirm), or ${app.key('refresh')} to try again.`;
  return { bindings: [binding], hint };
}
