/**
 * Keys typed fast (or sent by tmux) arrive back to back, several in one read, before the console has
 * drawn the previous key's result. Each must still land in order and meet the state its predecessor
 * left. Every test here writes its keys without waiting in between.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO } from '../../source/engine/index.js';
import { KEYS, renderApp } from './helpers.js';

after(() => cleanup());

type App = ReturnType<typeof renderApp>;
/** Writes each chunk straight after the other: no tick, no render in between. */
const burst = (app: App, ...chunks: string[]) => { for (const c of chunks) app.stdin.write(c); };
const filterLine = (f: string) => f.split('\n').find((l) => l.startsWith('/')) ?? '';
const vaultRef = async (app: App, name: string) => (await app.backend.vaults.list()).find((v) => v.name === name)!;

test('/, a name, Enter and 2 written back to back: the filter is exactly the name, kept, and pane 2 opens on its vault', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  burst(app, '/', 'contoso-app', KEYS.enter);
  let f = await app.waitFor((f) => f.includes('Esc clears'), 'the filter kept by Enter');
  assert.match(filterLine(f), /^\/contoso-app(\s|$)/, `the filter is the name as typed:\n${f}`);
  app.unmount();

  const again = renderApp();
  await again.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  burst(again, '/', 'contoso-app', KEYS.enter, again.paneKey('secrets'));
  f = await again.waitFor((f) => f.includes('Secrets › contoso-app-kv') && f.includes('sql-admin-password'), 'pane 2 on contoso-app-kv');
  again.unmount();
});

test('a whole sequence in ONE write (filter, Enter, pane key) is taken key by key, in order', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  burst(app, `/contoso-app${KEYS.enter}${app.paneKey('secrets')}`);
  await app.waitFor((f) => f.includes('Secrets › contoso-app-kv') && f.includes('sql-admin-password'), 'pane 2 on contoso-app-kv');
  app.unmount();
});

test('Esc glued to the next key (as a fast link sends it) closes the help, then the key counts', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('?');
  await app.waitFor((f) => f.includes('Vaults pane'), 'help');
  burst(app, `${KEYS.esc}${app.paneKey('secrets')}`); // Ink reads "\x1b2" as Alt-2
  await app.waitFor((f) => !f.includes('Vaults pane') && f.split('\n')[2]?.includes('Secrets ›'), 'help closed and pane 2 open');
  app.unmount();
});

test('→ → Space in one write ticks the third permission (set), not the first', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j');
  await app.pane('access');
  await app.waitFor((f) => f.includes('Access ›') && f.includes('Security Admin'), 'policies');
  await app.press('j', 'e');
  await app.waitFor((f) => f.includes('Permissions for contoso-web-app'), 'picker');
  await app.press(KEYS.tab);
  await app.waitFor((f) => f.includes('[x] get'), 'secrets area');
  burst(app, `${KEYS.right}${KEYS.right} ${KEYS.enter}`);
  await app.waitFor((f) => f.includes('contoso-web-app now has'), 'granted');
  const policies = await app.backend.policies.list(await vaultRef(app, DEMO.vaults.app));
  assert.deepEqual(policies.find((p) => p.objectId === DEMO.principals.webApp)!.permissions.secrets, ['get', 'list', 'set']);
  app.unmount();
});

test('a new secret typed in one go (name, Tab Tab, value, Ctrl-S) is created with exactly that name and value', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press('j');
  await app.pane('secrets');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets of contoso-app-kv');
  burst(app, 'n', 'fast-secret', KEYS.tab, KEYS.tab, 'fast-value', KEYS.ctrlS);
  await app.waitFor((f) => f.includes('Secret fast-secret created'), 'created');
  const vault = await vaultRef(app, DEMO.vaults.app);
  assert.equal((await app.backend.secrets.get(vault, 'fast-secret')).value, 'fast-value');
  app.unmount();
});

test('a palette command and Enter in one write run that command', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  burst(app, ':', `audit${KEYS.enter}`);
  await app.waitFor((f) => f.split('\n')[2]?.startsWith('Audit'), 'the audit pane');
  app.unmount();
});

test('a bracketed paste goes whole into the filter; with nothing to type in, it runs no commands', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  burst(app, '\u001b[200~2q\u001b[201~'); // "2q" as keys would switch pane and quit
  burst(app, '/', '\u001b[200~contoso-app\u001b[201~', KEYS.enter);
  const f = await app.waitFor((f) => f.includes('Esc clears'), 'the filter kept');
  assert.match(filterLine(f), /^\/contoso-app(\s|$)/);
  // Keys are handled in order: the first paste came before the filter, and ran nothing.
  assert.match(f.split('\n')[2] ?? '', /^Vaults ›/);
  assert.equal(app.quits(), 0);
  app.unmount();
});

test('a query written in one go into quick lookup reads exactly as typed (no letter lost)', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  await app.press(KEYS.ctrlP);
  await app.waitFor((f) => f.includes('Find a secret') && f.includes('in every vault'), 'quick lookup loaded');
  burst(app, 'chan');
  await app.waitFor((f) => f.includes('Find a secret or certificate › chan ') && f.includes('channel-integrity-key'), 'the query "chan"');
  app.unmount();
});
