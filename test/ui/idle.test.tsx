/**
 * A console at rest draws nothing: no spinner while a form is merely open (the binding that opened it
 * waits on it, but is not busy), nothing with a list shown. Measured as the issue measured it: what
 * is written over an idle window (Ink in debug mode writes every render as a frame).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { renderApp } from './helpers.js';

after(() => cleanup());

const IDLE_MS = 1500;

/** Frames drawn during an idle window that starts once the screen shows what `ready` says. */
async function framesWhileIdle(app: ReturnType<typeof renderApp>, ready: (f: string) => boolean) {
  await app.waitFor(ready, 'the screen to settle');
  const before = app.frames.length;
  // The measurement itself: a fixed window, as "redraws in 5 idle seconds" was measured.
  await new Promise((r) => setTimeout(r, IDLE_MS));
  return app.frames.length - before;
}

test('with a form open and nothing typed, the console draws nothing', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j', '2');
  await app.waitFor((f) => f.includes('sql-admin-password'), 'secrets');
  await app.press('n');
  assert.equal(await framesWhileIdle(app, (f) => f.includes('New secret in contoso-app-kv')), 0);
  app.unmount();
});

test('with a list shown, the console draws nothing', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j', '2');
  assert.equal(await framesWhileIdle(app, (f) => f.includes('sql-admin-password')), 0);
  app.unmount();
});
