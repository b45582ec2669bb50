/**
 * Where the console starts and what it remembers: the last vault (name and subscription only), the
 * saved profile (as the one-shot commands use it), `--as` by name, and the revealed value's timeout.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { createBackend } from '../../source/backend/select.js';
import { backendOptions, parseGlobalOptions, UsageError } from '../../source/cli/global-options.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { App } from '../../source/ui/app.js';
import { Boot } from '../../source/ui/boot.js';
import { createClipboard } from '../../source/ui/clipboard.js';
import { prepareConsole } from '../../source/ui/run-console.js';
import { memorySettings, openSettings, type Settings } from '../../source/ui/settings.js';
import { paneCommand } from '../../source/ui/keymap/commands.js';
import { createKeymap } from '../../source/ui/keymap/keymap.js';
import type { PaneId } from '../../source/ui/panes/ids.js';
import { commandKey, KEYS, renderApp } from './helpers.js';

after(() => cleanup());

const tick = () => new Promise((r) => setTimeout(r, 15));

function driver(r: ReturnType<typeof render>) {
  const frame = () => r.lastFrame() ?? '';
  return {
    frame,
    async waitFor(pred: (f: string) => boolean, what: string, ms = 3000) {
      const start = Date.now();
      while (Date.now() - start < ms) { if (pred(frame())) return frame(); await tick(); }
      throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
    },
    async press(...keys: string[]) { for (const k of keys) { r.stdin.write(k); await tick(); } },
    /** Opens a pane by its command, with the default keys (these settings rebind nothing). */
    async pane(id: PaneId) { r.stdin.write(commandKey(createKeymap(), paneCommand(id))); await tick(); },
  };
}

/** The App as a fresh start: no initial pane given, so the settings decide. */
function startApp(settings: Settings) {
  const backend = createMemoryBackend(createEngine({ seed: 'demo' }));
  const clipboard = createClipboard({ write: () => {}, env: {}, findTool: false, clearAfterMs: 0 });
  const r = render(<App backend={backend} settings={settings} clipboard={clipboard} size={{ columns: 100, rows: 30 }} onQuit={() => {}} />);
  return { ...r, ...driver(r), backend };
}

test('a revealed secret value hides itself again when its time is up', async () => {
  const app = renderApp({ revealMs: 300 });
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j');
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets');
  await app.press('/');
  await app.type('sql-admin');
  await app.press(KEYS.enter, KEYS.enter);
  await app.waitFor((f) => f.includes('Versions'), 'detail');
  await app.press('v');
  await app.waitFor((f) => f.includes('Pa55w0rd!demo-sql'), 'revealed');
  const f = await app.waitFor((f) => !f.includes('Pa55w0rd!demo-sql'), 'hidden after the timeout', 2000);
  assert.match(f, /••••••••/);
  assert.match(f, /Versions/, 'still on the detail view: only the time hid it');
  app.unmount();
});

test('the console reopens the last pane on the last vault used', async () => {
  const settings = memorySettings({ lastPane: 'secrets', lastVault: { name: DEMO.vaults.app, subscriptionId: DEMO.subscriptions.production } });
  const app = startApp(settings);
  const f = await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets of the last vault');
  assert.match(f, /Secrets › contoso-app-kv/);
  assert.doesNotMatch(f, /no vault selected/);
  app.unmount();
});

test('a last pane saved as "policies" (the Access pane\'s first id) reopens the Access pane', async () => {
  const settings = memorySettings({ lastPane: 'policies', lastVault: { name: DEMO.vaults.app, subscriptionId: DEMO.subscriptions.production } });
  const app = startApp(settings);
  await app.waitFor((f) => f.includes('Access › contoso-app-kv'), 'the Access pane');
  app.unmount();
});

test('a last vault that no longer exists starts the console on Vaults, not on "no vault selected"', async () => {
  const settings = memorySettings({ lastPane: 'keys', lastVault: { name: 'gone-kv', subscriptionId: DEMO.subscriptions.production } });
  const app = startApp(settings);
  const f = await app.waitFor((f) => f.includes('Vaults › all subscriptions') && f.includes('contoso-app-kv'), 'vaults');
  assert.doesNotMatch(f, /No vault selected/);
  app.unmount();
  // A vault-scoped last pane with no vault remembered at all: Vaults as well.
  const again = startApp(memorySettings({ lastPane: 'secrets' }));
  await again.waitFor((f) => f.includes('Vaults › all subscriptions'), 'vaults');
  again.unmount();
});

test('on Vaults the cursor starts on the last vault, and picking another one is remembered (name and subscription only)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-settings-'));
  const settings = openSettings({ cwd: dir });
  settings.set('lastVault', { name: DEMO.vaults.app, subscriptionId: DEMO.subscriptions.production });
  const app = startApp(settings);
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'pane 1');
  // The second row, not the first: pane 2 then shows the vault the cursor started on.
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('Secrets › contoso-app-kv'), 'the last vault selected on pane 1');
  await app.pane('vaults');
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'pane 1 again');
  await app.press('j');
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('Secrets › contoso-shared-kv'), 'pane 2 on the vault picked');
  app.unmount();
  await tick();
  const reread = openSettings({ cwd: dir });
  assert.deepEqual(reread.get('lastVault'), { name: DEMO.vaults.shared, subscriptionId: DEMO.subscriptions.production });
  assert.equal(reread.get('lastPane'), 'secrets');
});

test('the saved profile applies to the console: its --as (a display name) and its name in the header', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-config-'));
  const before = process.env.KVDECK_CONFIG_DIR;
  process.env.KVDECK_CONFIG_DIR = dir;
  t.after(() => { if (before === undefined) delete process.env.KVDECK_CONFIG_DIR; else process.env.KVDECK_CONFIG_DIR = before; });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ current: 'audit', profiles: { audit: { as: 'Security Admin' } } }));

  const prepared = prepareConsole(parseGlobalOptions([]));
  assert.equal(prepared.profile, 'audit');
  assert.equal(prepared.opts.as, 'Security Admin');
  const r = render(
    <Boot createBackend={(extras) => createBackend(backendOptions(prepared.opts), extras)} target={prepared.target} profile={prepared.profile}
      settings={memorySettings()} size={{ columns: 100, rows: 30 }} initialPane="vaults" onQuit={() => {}}
      clipboard={createClipboard({ write: () => {}, env: {}, findTool: false, clearAfterMs: 0 })} />,
  );
  const app = driver(r);
  const f = await app.waitFor((f) => f.includes('contoso-app-kv'), 'console');
  assert.match(f.split('\n')[0], /profile audit │ Demo engine │ Security Admin/);
  r.unmount();

  // --profile NAME picks it too; an unknown one is a usage error before anything opens.
  assert.equal(prepareConsole(parseGlobalOptions(['--profile', 'audit'])).profile, 'audit');
  assert.throws(() => prepareConsole(parseGlobalOptions(['--profile', 'nope'])), UsageError);
});

test('--as takes a UPN or a display name; an unknown name is a clear usage error', async () => {
  const byUpn = await createBackend({ as: 'secadmin@contoso.com' });
  assert.equal(byUpn.info.identity.objectId, DEMO.principals.securityAdmin);
  const byName = await createBackend({ as: 'contoso-web-app' });
  assert.equal(byName.info.identity.objectId, DEMO.principals.webApp);
  await assert.rejects(createBackend({ as: 'Nobody Here' }), (e: unknown) =>
    e instanceof UsageError && /--as 'Nobody Here' matches no principal/.test(e.message) && /ops@contoso\.com/.test(e.message));
});
