/**
 * Network rules in the console (issue 13): the vaults list says public / firewall / private, the
 * detail shows the rules and the enabledFor* flags, and a firewall refusal is explained with the
 * address Azure saw — with "allow this address" where the identity may change the vault (after a
 * confirmation), a reminder, and one key to remove the rule again. The demo engine's console calls
 * from DEMO.consoleAddress (203.0.113.10); each test configures the vault it needs.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import type { NetworkAcls } from '../../source/domain/network.js';
import type { Vault } from '../../source/domain/vault.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { paneNumber } from '../../source/ui/panes/ids.js';
import { renderApp } from './helpers.js';

after(() => cleanup());

const ME = DEMO.consoleAddress;
const SUBNET = `/subscriptions/${DEMO.subscriptions.production}/resourceGroups/rg-apps/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/default`;
const firewall = (ipRules: string[] = [], extra: Partial<NetworkAcls> = {}): NetworkAcls => ({ defaultAction: 'Deny', bypass: 'AzureServices', ipRules: ipRules.map((value) => ({ value })), virtualNetworkRules: [], ...extra });
const flat = (f: string) => f.replace(/\s+/g, ' ');
const rowOf = (f: string, name: string) => f.split('\n').find((l) => new RegExp(`(^|\\s)${name}\\s`).test(l)) ?? '';

/** The demo, with each named vault changed as given (as its owner, the Operator), seen by `as` (default: the Operator). */
async function demoWith(changes: Record<string, Parameters<Backend['vaults']['update']>[1]>, as?: string): Promise<Backend> {
  const engine = createEngine({ seed: 'demo' });
  const operator = createMemoryBackend(engine);
  for (const [name, input] of Object.entries(changes)) {
    const v = (await operator.vaults.list()).find((x) => x.name === name)!;
    await operator.vaults.update(v, input);
  }
  return as ? createMemoryBackend(engine, { objectId: as }) : operator;
}

const vaultNamed = async (b: Backend, name: string): Promise<Vault> => (await b.vaults.list()).find((v) => v.name === name)!;

type App = ReturnType<typeof renderApp>;

/** Selects the vault `down` rows below the first (0 ase-edge01-kv, 1 contoso-app-kv, 2 contoso-shared-kv). */
async function pick(app: App, down: number) {
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  for (let i = 0; i < down; i++) await app.press('j');
}

test('the vaults list has a network column: public, firewall or private', async () => {
  const backend = await demoWith({ [DEMO.vaults.app]: { networkAcls: firewall(['198.51.100.0/24']) }, [DEMO.vaults.edge]: { publicNetworkAccess: 'Disabled' } });
  const app = renderApp({ backend });
  const f = await app.waitFor((x) => x.includes('NETWORK') && x.includes('contoso-shared-kv'), 'vaults');
  assert.match(rowOf(f, 'ase-edge01-kv'), /private$/);
  assert.match(rowOf(f, 'contoso-app-kv'), /firewall$/);
  assert.match(rowOf(f, 'contoso-shared-kv'), /public$/);
  app.unmount();
});

test('the vault detail shows public network access, the firewall with its IP and virtual network rules, and the enabledFor flags', async () => {
  const backend = await demoWith({
    [DEMO.vaults.app]: { networkAcls: firewall(['198.51.100.0/24', '192.0.2.7'], { virtualNetworkRules: [{ id: SUBNET }] }), enabledForDeployment: true, enabledForTemplateDeployment: true },
  });
  const app = renderApp({ backend });
  await pick(app, 1);
  await app.command('open');
  const f = await app.waitFor((x) => x.includes('Vault URI'), 'the detail');
  assert.match(f, /Public network access\s+Enabled/);
  assert.match(f, /Firewall\s+on: default Deny · trusted Azure services bypass it/);
  assert.match(f, /IP rules\s+198\.51\.100\.0\/24, 192\.0\.2\.7/);
  assert.match(f, /Virtual network rules\s+vnet-apps\/default/);
  assert.match(f, /Enabled for\s+VM deployment, template deployment/);
  await app.command('back');
  await app.press('j');
  await app.command('open');
  const shared = await app.waitFor((x) => x.includes('contoso-shared-kv.vault'), 'contoso-shared-kv');
  assert.match(shared, /Firewall\s+off: every network may call/);
  assert.match(shared, /IP rules\s+none/);
  assert.match(shared, /Enabled for\s+none/);
  app.unmount();
});

test('on a cloud without network rules (Azure Stack Hub) the column and the firewall lines are left out', async () => {
  const memory = await demoWith({});
  const backend: Backend = { ...memory, info: { ...memory.info, features: { ...memory.info.features, networkRules: false } } };
  const app = renderApp({ backend, size: { columns: 140, rows: 30 } });
  const f = await app.waitFor((x) => x.includes('contoso-shared-kv') && x.includes('PURGE PROT'), 'vaults');
  assert.ok(!f.includes('NETWORK'));
  await app.command('open');
  const detail = await app.waitFor((x) => x.includes('Vault URI'), 'the detail');
  assert.ok(!/Public network access|Firewall|IP rules/.test(detail), 'no network lines');
  assert.match(detail, /Enabled for/);
  app.unmount();
});

test('a firewall refusal names the address; "allow this address" asks, adds the rule, and the secrets load; the vault\'s detail then removes it with one key', async () => {
  const backend = await demoWith({ [DEMO.vaults.app]: { networkAcls: firewall(['198.51.100.0/24']) } });
  const app = renderApp({ backend, size: { columns: 120, rows: 30 } });
  await pick(app, 1);
  await app.pane('secrets');
  let f = await app.waitFor((x) => flat(x).includes('Press a to allow'), 'the refusal and the offer');
  assert.ok(flat(f).includes(`The firewall of vault contoso-app-kv does not let your address ${ME} in.`), f);
  assert.ok(flat(f).includes(`The vault's network rules (pane ${paneNumber('vaults')}, the vault's detail) decide which addresses may call it.`));
  assert.ok(flat(f).includes(`Press a to allow ${ME} (an IP rule on contoso-app-kv's firewall, after you confirm)`));

  await app.command('network.allowAddress');
  f = await app.waitFor((x) => x.includes(`Allow ${ME} through the firewall of contoso-app-kv?`), 'asked first');
  assert.deepEqual((await vaultNamed(backend, DEMO.vaults.app)).networkAcls!.ipRules, [{ value: '198.51.100.0/24' }], 'nothing changed before the answer');
  await app.command('confirm.yes');
  f = await app.waitFor((x) => x.includes('sql-admin-password') && x.includes(`${ME} may now call contoso-app-kv`), 'allowed: the secrets load');
  assert.ok(f.includes(`u on it in pane ${paneNumber('vaults')} (Vaults) removes the rule again.`), `the reminder says how to undo it: ${f}`);
  assert.deepEqual((await vaultNamed(backend, DEMO.vaults.app)).networkAcls!.ipRules.map((r) => r.value), ['198.51.100.0/24', ME]);

  // Later, in the Vaults pane: reminded in the list and the detail; u removes that rule, and only that one.
  await app.pane('vaults');
  f = await app.waitFor((x) => flat(x).includes(`kvdeck opened contoso-app-kv to ${ME}`), 'reminded in the list');
  await app.command('open');
  f = await app.waitFor((x) => x.includes(`kvdeck added ${ME} to the firewall this session: u removes it again.`), 'reminded in the detail');
  assert.match(f, new RegExp(`IP rules\\s+198\\.51\\.100\\.0/24, ${ME.replaceAll('.', '\\.')}`));
  await app.command('vaults.removeAddedRule');
  await app.waitFor((x) => x.includes(`Remove ${ME} from the firewall of contoso-app-kv?`), 'asked first');
  await app.command('confirm.yes');
  f = await app.waitFor((x) => flat(x).includes(`Removed the IP rule ${ME} from the firewall of contoso-app-kv.`), 'removed');
  await app.waitFor((x) => /IP rules\s+198\.51\.100\.0\/24\s*$/m.test(x) && !x.includes('kvdeck added'), 'the detail follows');
  assert.deepEqual((await vaultNamed(backend, DEMO.vaults.app)).networkAcls!.ipRules, [{ value: '198.51.100.0/24' }]);
  // And the firewall refuses again (what the session had read from the vault was dropped).
  await app.pane('secrets');
  await app.waitFor((x) => flat(x).includes(`does not let your address ${ME} in`), 'refused again');
  app.unmount();
});

test('answering no to "allow this address" changes nothing', async () => {
  const backend = await demoWith({ [DEMO.vaults.app]: { networkAcls: firewall() } });
  const app = renderApp({ backend, size: { columns: 120, rows: 30 } });
  await pick(app, 1);
  await app.pane('keys');
  await app.waitFor((x) => flat(x).includes('Press a to allow'), 'the offer');
  await app.command('network.allowAddress');
  await app.waitFor((x) => x.includes('Allow '), 'asked');
  await app.command('confirm.no');
  await app.waitFor((x) => x.includes('Cancelled.'), 'cancelled');
  assert.deepEqual((await vaultNamed(backend, DEMO.vaults.app)).networkAcls!.ipRules, []);
  app.unmount();
});

test('who may not change the vault is told whom to ask, and not offered the change', async () => {
  // contoso-web-app is only a Reader of the subscription: it may read the vault, not change its rules.
  const backend = await demoWith({ [DEMO.vaults.app]: { networkAcls: firewall() } }, DEMO.principals.webApp);
  const app = renderApp({ backend, size: { columns: 120, rows: 30 } });
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  await app.pane('secrets'); // its first vault is contoso-app-kv
  const f = await app.waitFor((x) => flat(x).includes('Ask someone who may change vault contoso-app-kv'), 'whom to ask');
  assert.ok(flat(f).includes(`to allow ${ME} in its network rules`));
  assert.ok(!flat(f).includes('Press a to allow'));
  await app.command('network.allowAddress');
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(!app.frame().includes('Allow '), 'no confirmation: the key means nothing here');
  app.unmount();
});

test('a ReadOnly lock refuses the new rule, and the refusal names the lock', async () => {
  const engine = createEngine({ seed: 'demo' });
  const backend = createMemoryBackend(engine);
  // contoso-shared-kv carries the ReadOnly lock shared-readonly: set its firewall with the lock lifted, then lock it again.
  const shared = await vaultNamed(backend, DEMO.vaults.shared);
  const [lock] = await backend.locks.listForVault(shared);
  await backend.locks.delete(lock.scope, lock.name);
  await backend.vaults.update(shared, { networkAcls: firewall() });
  await backend.locks.create({ scope: lock.scope, name: lock.name, level: lock.level, notes: lock.notes });
  const app = renderApp({ backend, size: { columns: 120, rows: 30 } });
  await pick(app, 2);
  await app.pane('secrets');
  await app.waitFor((x) => flat(x).includes('Press a to allow'), 'the offer');
  await app.command('network.allowAddress');
  await app.waitFor((x) => x.includes('Allow '), 'asked');
  await app.command('confirm.yes');
  const f = await app.waitFor((x) => flat(x).includes('cannot be changed'), 'refused');
  assert.ok(flat(f).includes(`Vault contoso-shared-kv cannot be changed: the lock ${DEMO.locks.shared} (Read-only, on vault contoso-shared-kv) blocks it.`), flat(f));
  assert.ok(flat(f).includes(`Remove the lock in pane ${paneNumber('locks')} (Locks, d)`));
  assert.deepEqual((await vaultNamed(backend, DEMO.vaults.shared)).networkAcls!.ipRules, []);
  app.unmount();
});

test('public network access disabled (ForbiddenByConnection) is explained, and no IP rule is offered', async () => {
  const backend = await demoWith({ [DEMO.vaults.app]: { publicNetworkAccess: 'Disabled' } });
  const app = renderApp({ backend, size: { columns: 120, rows: 30 } });
  await pick(app, 1);
  await app.pane('certificates');
  const f = await app.waitFor((x) => flat(x).includes('takes no calls from public networks'), 'explained');
  assert.ok(flat(f).includes('Vault contoso-app-kv takes no calls from public networks (public network access is disabled); only its private endpoints reach it.'));
  assert.ok(!flat(f).includes('Press a to allow'));
  app.unmount();
});
