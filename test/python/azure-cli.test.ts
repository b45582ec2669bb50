/**
 * The Azure CLI (Debian's azure-cli) against `kvdeck serve`, as an operator would point it at an
 * Azure Stack Hub stamp: a cloud registered from the emulator's /metadata/endpoints, a service
 * principal signed in through its ADFS endpoint, in an isolated AZURE_CONFIG_DIR, with the CA and
 * the emulator's CONNECT door in the environment. `az keyvault secret …` itself cannot run with
 * Debian's package (it lacks azure.keyvault.v7_0), so the data plane is driven with `az rest`.
 * Skipped, saying why, where `az` is not installed (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { DEMO } from '../../source/engine/index.js';
import { serveChild } from '../emulator/serve-child.js';

const skip = spawnSync('az', ['version'], { encoding: 'utf8' }).status === 0 ? undefined : 'azure-cli is not installed (apt-get install azure-cli)';

test('the Azure CLI registers the emulator as a cloud, signs in through its ADFS endpoint and reads vaults and secrets', { skip, timeout: 240_000 }, async (t) => {
  const { info, dir } = await serveChild(t, 'kvdeck-az-');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    AZURE_CONFIG_DIR: join(dir, 'az'),
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    REQUESTS_CA_BUNDLE: info.caCert,
    HTTPS_PROXY: `http://localhost:${info.port}`,
  };
  const az = async (...args: string[]) => {
    try {
      return (await promisify(execFile)('az', args, { env, timeout: 120_000 })).stdout.trim();
    } catch (e) {
      throw new Error(`az ${args.join(' ')} failed:\n${(e as { stderr?: string }).stderr ?? (e as Error).message}`);
    }
  };

  // The key vault DNS suffix carries the port, so `--vault-name` URLs reach the emulator.
  await az('cloud', 'register', '-n', 'KvdeckEmulator', '--endpoint-resource-manager', `${info.arm}/`, '--suffix-keyvault-dns', `.vault.localhost:${info.port}`);
  await az('cloud', 'set', '-n', 'KvdeckEmulator');
  // The tenant as a GUID: the CLI resolves names through {loginEndpoint}/{tenant}/.well-known/…, which ADFS has not.
  await az('login', '--service-principal', '-u', DEMO.principals.operator, '-p', 'the-emulator-does-not-check-it', '--tenant', info.tenantId, '-o', 'none');
  assert.equal(await az('account', 'show', '--query', 'id', '-o', 'tsv'), DEMO.subscriptions.production);
  const vaults = (await az('keyvault', 'list', '--query', '[].name', '-o', 'tsv')).split('\n');
  assert.ok(vaults.includes(DEMO.vaults.app));

  const url = `https://${DEMO.vaults.app}.vault.localhost:${info.port}/secrets/from-az-cli?api-version=7.4`;
  const resource = `https://vault.localhost:${info.port}`;
  await az('rest', '--method', 'put', '--url', url, '--resource', resource, '--body', '{"value":"cli-value"}', '-o', 'none');
  assert.equal(await az('rest', '--url', url, '--resource', resource, '--query', 'value', '-o', 'tsv'), 'cli-value');
});
