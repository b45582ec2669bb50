/**
 * Lists are cached for the session; an action in one pane makes the other panes' cached lists fresh.
 * Each test lists the other pane first (so it is cached), acts, then comes back to it.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { cacheKeys, createSessionCache, stale } from '../../source/ui/session-cache.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
const binRow = (f: string, kind: string, name: string) => new RegExp(`^${kind}\\s+${name}\\s`, 'm').test(f);

/** contoso-app-kv selected on pane 1. */
async function onAppVault(): Promise<App> {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  // Keys are handled in order: whatever comes next meets contoso-app-kv selected.
  await app.press('j');
  return app;
}

async function filterTo(app: App, name: string) {
  await app.press('/');
  await app.type(name);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes(`/${name}`) && f.includes('Esc clears'), `filter ${name}`);
}

/** Filters the focused list to `name`, deletes it (d, y) and waits for the flash. */
async function deleteRow(app: App, kind: 'secret' | 'key' | 'vault', name: string) {
  await filterTo(app, name);
  await app.press('d');
  await app.waitFor((f) => f.includes(`Delete ${kind} ${name}?`), 'confirmation');
  await app.press('y');
  await app.waitFor((f) => f.includes(`${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${name} deleted`), 'deleted');
}

for (const [kind, pane, name] of [['secret', 'secrets', 'legacy-token'], ['key', 'keys', 'app-signing-key']] as const) {
  test(`a ${kind} deleted in the ${pane} pane shows in the bin listed before`, async () => {
    const app = await onAppVault();
    await app.pane('deleted');
    await app.waitFor((f) => f.includes('old-db-password'), 'the bin, cached');
    assert.ok(!binRow(app.frame(), kind, name));
    await app.pane(pane);
    await app.waitFor((f) => f.includes(name), `the ${pane} pane`);
    await deleteRow(app, kind, name);
    await app.pane('deleted');
    await app.waitFor((f) => binRow(f, kind, name), 'the bin lists it');
    app.unmount();
  });
}

test('a vault recovered in the bin is listed again in pane 1, and a vault deleted in pane 1 is in the bin', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('3 vaults'), 'pane 1, cached');
  await app.pane('deleted');
  await app.waitFor((f) => f.includes('billing-old-kv'), 'bin');
  await filterTo(app, 'billing-old-kv');
  await app.press('r');
  await app.waitFor((f) => f.includes('Vault billing-old-kv is back'), 'recovered');
  await app.pane('vaults');
  await app.waitFor((f) => f.includes('4 vaults') && f.includes('billing-old-kv'), 'pane 1 lists it');
  await deleteRow(app, 'vault', 'billing-old-kv');
  await app.pane('deleted');
  await app.waitFor((f) => binRow(f, 'vault', 'billing-old-kv'), 'the cached bin lists it again');
  app.unmount();
});

test('a vault deleted, purged and created again under its name shows none of its predecessor\'s secrets', async () => {
  const app = await onAppVault();
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets of contoso-app-kv, cached');
  await app.pane('vaults');
  await app.waitFor((f) => f.includes('3 vaults'), 'pane 1');
  await deleteRow(app, 'vault', 'contoso-app-kv');
  // Purged and created again elsewhere (another session, the portal): same name, same resource group, same id.
  const deleted = (await app.backend.deleted.listVaults()).find((d) => d.name === DEMO.vaults.app)!;
  await app.backend.deleted.purgeVault(deleted);
  const me = app.backend.info.identity;
  await app.backend.vaults.create({
    subscriptionId: deleted.subscriptionId, resourceGroup: deleted.resourceGroup, name: DEMO.vaults.app, location: deleted.location,
    // Access policies decide only in a vault that asks for them: new vaults are RBAC vaults by default (2026-02-01).
    enableRbacAuthorization: false,
    accessPolicies: [{ tenantId: me.tenantId, objectId: me.objectId, permissions: { keys: [], secrets: ['get', 'list'], certificates: [], storage: [] } }],
  });
  await app.press(KEYS.esc, 'R');
  await app.waitFor((f) => f.includes('3 vaults'), 'listed again');
  await filterTo(app, 'contoso-app-kv');
  await app.pane('secrets');
  const f = await app.waitFor((f) => f.includes('Secrets › contoso-app-kv') && !f.includes('Loading'), 'pane 2 on the new vault');
  assert.match(f, /No secrets in contoso-app-kv/);
  app.unmount();
});

test('a kind scope drops every entry of that kind and nothing that only starts alike', () => {
  const cache = createSessionCache();
  const v = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/a' };
  for (const k of [cacheKeys.vaults(), cacheKeys.vaults('s'), cacheKeys.secrets(v), cacheKeys.bin(v), cacheKeys.bin(), cacheKeys.lookup()]) cache.set(k, 1);
  cache.invalidate(stale.vaultLists);
  assert.deepEqual(cache.keys(), [cacheKeys.secrets(v), cacheKeys.bin(v), cacheKeys.bin(), cacheKeys.lookup()]);
  cache.invalidate(stale.binOf(v), stale.lookup);
  assert.deepEqual(cache.keys(), [cacheKeys.secrets(v), cacheKeys.bin()]);
  cache.invalidate(stale.vault(v));
  assert.deepEqual(cache.keys(), [cacheKeys.bin()]);
});
