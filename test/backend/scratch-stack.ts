import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
process.env.KVDECK_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'kvdeck-conf-'));
const { createAzureBackend } = await import('../../source/backend/azure/index.js');
const { parseGlobalOptions } = await import('../../source/cli/global-options.js');
const { startEmulator } = await import('../../source/emulator/index.js');
const emu = await startEmulator({ port: 0, seed: 'demo', certDir: mkdtempSync(join(tmpdir(), 'kvdeck-cert-')) });
process.env.AZURE_TENANT_ID = 'adfs'; process.env.AZURE_CLIENT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'; process.env.AZURE_CLIENT_SECRET = 'not-checked';
try {
const b = await createAzureBackend(parseGlobalOptions(['--arm', emu.arm, '--ca', emu.caCertPath, '--auth', 'env']));
console.log(b.info, b.cloud);
const vaults = await b.vaults.list();
console.log(vaults.map((v) => v.name + ' ' + v.vaultUri));
const app = vaults.find((v) => v.name === 'contoso-app-kv')!;
console.log((await b.secrets.get(app, 'sql-admin-password')).properties.id);
console.log((await b.locks.listForVault(vaults.find((v) => v.name === 'ase-edge01-kv')!)).map((l) => l.name));
console.log(b.stats);
await b.close!();
} catch (e) { console.log('ERR', e); }
await emu.close();
