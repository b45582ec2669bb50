import { test } from 'node:test';
import { KEYS, renderApp } from '/work/main/test/ui/helpers.js';
test('dbg', async () => {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await new Promise((r) => setTimeout(r, 100));
  await app.press('j');
  await new Promise((r) => setTimeout(r, 100));
  console.log(app.frame().split('\n').slice(0, 1).join('\n'));
  await app.press(KEYS.down);
  await new Promise((r) => setTimeout(r, 100));
  console.log(app.frame().split('\n').slice(0, 1).join('\n'));
  app.unmount();
});
