/**
 * A key's rotation policy in the Keys pane: read in the detail, edited with the service's rules
 * (domain/rotation-policy.ts), and left out where the cloud has none (Azure Stack Hub).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import type { Backend } from '../../source/backend/backend.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { createEngine, DEMO } from '../../source/engine/index.js';
import { openOnAppVault, selectByFilter, type AppOptions, type RenderedApp } from './helpers.js';

after(() => cleanup());

/** Opens app-signing-key's detail in contoso-app-kv (wide: the policy's line is long). */
async function openKey(options: AppOptions = {}): Promise<RenderedApp> {
  const app = await openOnAppVault('keys', 'app-signing-key', { size: { columns: 140, rows: 30 }, ...options });
  await selectByFilter(app, 'app-signing-key');
  await app.command('open');
  await app.waitFor((f) => f.includes('Keys › contoso-app-kv › app-signing-key') && f.includes('Versions'), 'the detail');
  return app;
}

test('the detail shows the rotation policy; p edits it with the service\'s rules and the detail follows', async () => {
  const app = await openKey();
  await app.waitFor((f) => /Rotation policy\s+no automatic rotation · notifies 30 days before expiry · new versions never expire/.test(f), 'the default policy');
  await app.command('keys.rotationPolicy');
  await app.waitFor((f) => f.includes('Rotation policy of app-signing-key'), 'the form');
  await app.command('form.optionNext'); // never → a time after creation
  await app.command('form.next');
  await app.command('text.clear');
  await app.type('P3D');
  await app.waitFor((f) => f.replace(/[\s│]+/g, ' ').includes('A Rotate action must be at least 7 days after creation or before expiry (P7D).'), 'the minimum, as typed');
  await app.command('text.clear');
  await app.type('P90D');
  await app.command('form.next'); // notify: kept at P30D
  await app.command('form.next');
  await app.type('P1Y');
  await app.command('form.save');
  await app.waitFor((f) => f.includes('app-signing-key rotates 90 days after creation'), 'saved');
  await app.waitFor((f) => /Rotation policy\s+rotates 90 days after creation · notifies 30 days before expiry · new versions expire after 1 year/.test(f), 'the detail follows');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === DEMO.vaults.app)!;
  const policy = await app.backend.keys.getRotationPolicy(vault, 'app-signing-key');
  assert.deepEqual(policy.lifetimeActions, [{ action: 'Rotate', timeAfterCreate: 'P90D' }, { action: 'Notify', timeBeforeExpiry: 'P30D' }]);
  assert.equal(policy.expiresIn, 'P1Y');
  app.unmount();
});

test('--readonly shows the rotation policy and its edit disabled', async () => {
  const app = await openKey({ readonly: true });
  await app.waitFor((f) => f.includes('notifies 30 days before expiry'), 'the policy');
  await app.command('keys.rotationPolicy');
  await app.waitFor((f) => f.includes('Rotation policy is not available: read-only mode'), 'refused');
  app.unmount();
});

test('on a cloud without rotation policies (Azure Stack Hub) the line and the key are left out', async () => {
  const memory = createMemoryBackend(createEngine({ seed: 'demo' }));
  const backend: Backend = { ...memory, info: { ...memory.info, features: { ...memory.info.features, keyRotationPolicy: false } } };
  const app = await openKey({ backend });
  const f = app.frame();
  assert.ok(!f.includes('Rotation policy'), 'no rotation policy line');
  await app.command('help');
  const help = await app.waitFor((x) => x.includes('Keys pane'), 'help');
  assert.ok(!help.includes('rotation policy'), 'nor in help');
  app.unmount();
});
