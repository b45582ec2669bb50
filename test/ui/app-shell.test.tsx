import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { openSettings } from '../../source/ui/settings.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

test('the console opens on the vaults of the demo dataset with header, tabs and footer', async () => {
  const app = renderApp();
  const f = await app.waitFor((f) => f.includes('contoso-app-kv'), 'vaults');
  assert.match(f, /Demo engine/);
  assert.match(f, /Operator/);
  assert.match(f, /1 Vaults/);
  assert.match(f, /4 Certificates/);
  assert.match(f, /5 Access/);
  assert.match(f, /8 Audit/);
  assert.match(f, /ase-edge01-kv/);
  assert.match(f, /contoso-shared-kv/);
  assert.match(f, /n new vault/);
  assert.doesNotMatch(f, /READ-ONLY/);
  app.unmount();
});

test('number keys, Tab and Shift-Tab switch panes', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('Secrets ›'), 'secrets pane');
  await app.press(KEYS.tab);
  await app.waitFor((f) => f.includes('Keys ›'), 'keys pane');
  await app.press(KEYS.shiftTab, KEYS.shiftTab);
  await app.waitFor((f) => f.includes('Vaults ›'), 'back to vaults');
  await app.pane('audit');
  await app.waitFor((f) => f.includes('Audit ›'), 'audit');
  app.unmount();
});

test('the command palette runs :secrets and :q', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.press(':');
  await app.waitFor((f) => f.includes('Command'), 'palette');
  await app.type('secrets');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Secrets ›'), 'secrets pane');
  await app.press(':');
  await app.type('q');
  await app.press(KEYS.enter);
  assert.equal(app.quits(), 1);
  app.unmount();
});

test('eight panes: 4 is Certificates and 5 is Access, by key, by Tab and by the palette (:certs, :access, and :policies as before)', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.press('j');
  await app.command('pane.4');
  await app.waitFor((f) => f.includes('Certificates › contoso-app-kv') && f.includes('contoso-web-tls'), 'pane 4: certificates');
  await app.command('pane.5');
  await app.waitFor((f) => f.includes('Access › contoso-app-kv'), 'pane 5: access');
  await app.command('pane.prev');
  await app.waitFor((f) => f.includes('Certificates ›'), 'Shift-Tab: back to certificates');
  await app.command('pane.8');
  await app.waitFor((f) => f.includes('Audit ›'), 'pane 8: audit');
  for (const [word, crumb] of [['certs', 'Certificates ›'], ['access', 'Access ›'], ['bin', 'Deleted ›'], ['policies', 'Access ›']] as const) {
    await app.pane('vaults');
    await app.waitFor((f) => f.includes('Vaults ›'));
    await app.command('palette');
    await app.type(word);
    await app.command('palette.run');
    await app.waitFor((f) => f.includes(crumb), `:${word}`);
  }
  await app.command('palette');
  const palette = await app.waitFor((f) => f.includes(':certs'), 'the palette lists :certs');
  assert.match(palette, /:certs\s+pane 4: certificates/);
  assert.match(palette, /:access\s+pane 5: access/);
  assert.match(palette, /:bin\s+pane 7: deleted items/);
  app.unmount();
});

test(':sub limits the vaults to one subscription', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.press(':');
  await app.type('sub edge');
  await app.press(KEYS.enter);
  const f = await app.waitFor((f) => f.includes('subscription Contoso Edge') && !f.includes('contoso-app-kv'), 'filtered vaults');
  assert.match(f, /ase-edge01-kv/);
  app.unmount();
});

test('? shows every binding of the pane and the global keys', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.press('?');
  const f = await app.waitFor((f) => f.includes('Help'), 'help');
  assert.match(f, /Vaults pane/);
  assert.match(f, /new vault/);
  assert.match(f, /Ctrl-P/);
  assert.match(f, /1–8/);
  assert.match(f, /switch pane: Vaults, Secrets, Keys, Certificates, Access, Locks, Deleted, Audit/);
  await app.press('x');
  await app.waitFor((f) => !f.includes('Help —'), 'help closed');
  app.unmount();
});

test('q quits', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.press('q');
  assert.equal(app.quits(), 1);
  app.unmount();
});

test('keymap overrides from settings rebind a command', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-settings-'));
  const settings = openSettings({ cwd: dir });
  settings.set('keymap', { quit: ['Q'] });
  const app = renderApp({ settings: openSettings({ cwd: dir }) });
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  // Keys are handled in order: once Q has quit, q had its turn before — and did not quit.
  await app.press('q', 'Q');
  for (const until = Date.now() + 3000; app.quits() === 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 15));
  assert.equal(app.quits(), 1);
  app.unmount();
});

test('the last pane is remembered in settings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-settings-'));
  const app = renderApp({ settings: openSettings({ cwd: dir }) });
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.pane('locks');
  await app.waitFor((f) => f.includes('Locks ›'));
  app.unmount();
  assert.equal(openSettings({ cwd: dir }).get('lastPane'), 'locks');
});

test('works at 80×24: every tab and the footer fit', async () => {
  const app = renderApp({ size: { columns: 80, rows: 24 } });
  const f = await app.waitFor((f) => f.includes('contoso-app-kv'));
  const lines = f.split('\n');
  assert.ok(lines.length <= 24, `${lines.length} lines`);
  assert.ok(lines.every((l) => l.length <= 80), 'no line wider than 80');
  assert.match(f, /8 Audit/);
  assert.match(f, /4 Certs/, 'the short title where space is short');
  app.unmount();
});

test('the header shows the subscription filter in force, not the subscription of the vault selected', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-app-kv'));
  await app.press('j', '2');
  let f = await app.waitFor((f) => f.includes('Secrets › contoso-app-kv'), 'contoso-app-kv (Contoso Production) selected');
  assert.match(f.split('\n')[0], /sub all \(2\)/);
  assert.doesNotMatch(f.split('\n')[0], /Contoso Production/);
  await app.press('1', ':');
  await app.type('sub edge');
  await app.press(KEYS.enter);
  f = await app.waitFor((f) => f.includes('subscription Contoso Edge') && !f.includes('contoso-app-kv'), 'filtered vaults');
  assert.match(f.split('\n')[0], /sub Contoso Edge Devices/);
  app.unmount();
});
