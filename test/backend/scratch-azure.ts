// TEMPORARY scratch runner (deleted before the report): the contract areas that exist so far.
import { after, before, describe } from 'node:test';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAzureBackend } from '../../source/backend/azure/index.js';
import { parseGlobalOptions } from '../../source/cli/global-options.js';
import { startEmulator } from '../../source/emulator/index.js';
import { makeContext } from './contract/context.js';
process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));
const areas = ['directory', 'vaults', 'policies', 'locks', 'deleted-vaults', 'audit', 'secrets', 'keys', 'deleted-objects'];
const loaded: ((c: any) => void)[] = [];
for (const a of areas) {
  if (!existsSync(new URL(`./contract/${a}.ts`, import.meta.url))) continue;
  const m = await import(`./contract/${a}.js`);
  loaded.push(Object.values(m).find((f) => typeof f === 'function' && f.name.endsWith('Contract')) as any);
}
describe('scratch', () => {
  let emu: any; const opened: any[] = [];
  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
  });
  after(async () => { for (const b of opened) await b.close?.(); await emu.close(); });
  const make = async (as?: string) => { const b = await createAzureBackend(parseGlobalOptions(['--emulator', emu.arm, '--ca', emu.caCertPath, ...(as ? ['--as', as] : [])])); opened.push(b); return b; };
  let main: any;
  before(async () => { main = await make(); });
  const ctx = makeContext(() => main, (oid) => make(oid));
  for (const f of loaded) f(ctx);
});
