/** The bin lists deleted certificates like every other kind, and r brings one back to the Certificates pane. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { renderApp } from './helpers.js';
import { paneNumber } from '../../source/ui/panes/ids.js';

after(() => cleanup());

test('a deleted certificate is in the bin as "cert", without its managed key and secret, and r recovers it to the Certificates pane', async () => {
  const app = renderApp({ size: { columns: 120, rows: 30 } });
  await app.waitFor((f) => f.includes('contoso-shared-kv'), 'vaults');
  const vault = (await app.backend.vaults.list()).find((v) => v.name === 'contoso-app-kv')!;
  await app.backend.certificates.delete(vault, 'partner-mtls');
  await app.press('j');
  await app.pane('deleted');
  const f = await app.waitFor((f) => f.includes('in the bin') && f.includes('partner-mtls'), 'bin');
  const rows = f.split('\n').filter((l) => l.includes('partner-mtls'));
  assert.equal(rows.length, 1, 'the certificate alone: its key and secret are not listed');
  assert.match(rows[0], /^cert\s+partner-mtls\s+contoso-app-kv/);
  await app.press('G', 'r');
  await app.waitFor((f) => f.includes(`Certificate partner-mtls is back in pane ${paneNumber('certificates')} (Certificates of contoso-app-kv)`), 'recovered');
  assert.equal((await app.backend.secrets.get(vault, 'partner-mtls')).properties.managed, true, 'its secret came back with it');
  app.unmount();
});
