/**
 * Nothing from a backend is ever interpreted by the terminal. With hostile text in every field a
 * backend fills (hostile-seed.ts), a tour of every pane — lists, details, a revealed value and the
 * viewer, forms, the permission picker, confirmations, a lock's refusal, the palette, quick lookup —
 * draws every frame without one raw control character, and shows the text for what it is (␛[31mRED).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { createEngine } from '../../source/engine/index.js';
import { KEYS, paneKey, renderApp } from './helpers.js';
import { RAW_CONTROL, seedHostile, SHOWN } from './hostile-seed.js';

after(() => cleanup());

test('hostile names, values, tags, notes, principals and error messages are shown, never sent raw, on every pane', async () => {
  const engine = createEngine({ seed: 'demo' });
  await seedHostile(engine);
  const app = renderApp({ backend: createMemoryBackend(engine), size: { columns: 120, rows: 40 } });
  const seen: string[] = [];
  /** Waits for the screen, then checks it shows the hostile text made visible. */
  const shows = async (what: string, ready: (f: string) => boolean) => {
    const f = await app.waitFor(ready, what);
    assert.ok(f.includes(SHOWN), `${what}: the hostile text is shown as text:\n${f}`);
    seen.push(what);
    return f;
  };

  // The list's subscription column is cut short at this width (the detail shows the name whole).
  await app.waitFor((f) => f.includes('contoso-app-kv') && f.includes('Production ␛[31mRE'), 'pane 1: subscriptions of the vaults');
  await app.press('j', KEYS.enter);
  await shows('pane 1: vault detail, its tags and locks', (f) => f.includes('Resource id') && f.includes('note'));
  await app.press(KEYS.esc, ':');
  await app.type('sub ');
  await shows('the palette: subscription names', (f) => f.includes('Subscriptions:'));
  await app.press(KEYS.esc, paneKey('secrets'));
  await shows('pane 2: content type in the list', (f) => f.includes('hostile-secret'));
  await app.press('/');
  await app.type('hostile-secret');
  await app.press(KEYS.enter, KEYS.enter);
  await shows('pane 2: detail, content type and tags', (f) => f.includes('Versions') && f.includes('Tags'));
  await app.press('v');
  await shows('pane 2: the value revealed', (f) => f.includes('line one'));
  await app.press('V');
  await shows('the value viewer', (f) => f.includes('Value of hostile-secret') && f.includes('line two'));
  await app.press(KEYS.esc, 'e');
  await shows('the edit form: content type and tags as initial values', (f) => f.includes('Edit hostile-secret'));
  await app.press(KEYS.esc, KEYS.esc, paneKey('keys'));
  await app.waitFor((f) => f.includes('hostile-key'), 'pane 3');
  await app.press('/');
  await app.type('hostile-key');
  await app.press(KEYS.enter, KEYS.enter);
  await shows('pane 3: key detail, its tags', (f) => f.includes('hostile-key') && f.includes('Tags'));
  await app.press(KEYS.esc, paneKey('access'));
  await shows('pane 4: a principal\'s name', (f) => f.includes('Mallory'));
  await app.press('/');
  await app.type('Mallory');
  await app.press(KEYS.enter, 'e');
  await shows('the permission picker: the principal in its title', (f) => f.includes('Permissions for Mallory'));
  await app.press(' ', KEYS.enter);
  await shows('a lock\'s refusal: the error sentence names the lock', (f) => f.includes('blocks it') && f.includes('freeze'));
  await app.press(paneKey('locks'));
  await shows('pane 5: lock names and notes', (f) => f.includes('-lock') && f.includes('Delete (CanNotDelete)'));
  await app.press('/');
  await app.type('lock');
  await app.press(KEYS.enter, 'd');
  await shows('a confirmation: the lock\'s name in its title', (f) => f.includes('Remove the lock'));
  await app.press('n', paneKey('deleted'));
  await app.waitFor((f) => f.includes('billing-old-kv'), 'pane 6');
  await app.press(paneKey('audit'));
  await shows('pane 7: callers and targets', (f) => f.includes('newest first') && f.includes('Mallory'));
  await app.press('/');
  await app.type('LockDelete');
  await app.press(KEYS.enter);
  await shows('pane 7: a lock\'s name as a target', (f) => f.includes('LockDelete') && !f.includes('LockCreate'));
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Caller objectId'), 'pane 7: an entry in detail');
  await app.press(KEYS.esc, KEYS.ctrlP);
  await app.waitFor((f) => f.includes('Find a secret') && f.includes('hostile-secret'), 'quick lookup');

  const raw = app.frames.find((frame) => RAW_CONTROL.test(frame));
  assert.equal(raw, undefined, `a frame carried a raw control character (${JSON.stringify(raw?.match(RAW_CONTROL)?.[0])}):\n${raw}`);
  assert.ok(seen.length >= 15, seen.join('\n'));
  app.unmount();
});
