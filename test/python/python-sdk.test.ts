/**
 * The official Azure SDK for Python (Debian's python3-azure) against `kvdeck serve`, the way a
 * user's app would use it: test/python/sdk_app.py has no emulator-specific code and default client
 * options; only its environment points it at the emulator — AZURE_* for DefaultAzureCredential
 * (signing in through the emulator's ADFS endpoint), HTTPS_PROXY for the emulator's own CONNECT
 * door (so *.vault.localhost needs no resolver), REQUESTS_CA_BUNDLE for the emulator's CA.
 * Skipped, saying why, where python3-azure is not installed (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { DEMO } from '../../source/engine/index.js';
import { ROOT as root, serveChild } from '../emulator/serve-child.js';

const PYTHON = '/usr/bin/python3';
const MODULES = 'azure.identity, azure.keyvault.secrets, azure.keyvault.keys, azure.keyvault.certificates, azure.mgmt.keyvault, azure.mgmt.resource.locks';

function missing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} is not installed`;
  const probe = spawnSync(PYTHON, ['-c', `import ${MODULES}`], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : `python3-azure is not installed (apt-get install python3-azure): ${probe.stderr.trim().split('\n').pop()}`;
}

const skip = missing();

test('a Python app with default SDK options uses secrets, keys, crypto, certificates, vaults and locks on kvdeck serve', { skip, timeout: 180_000 }, async (t) => {
  const { info, dir } = await serveChild(t, 'kvdeck-python-');

  const vault = DEMO.vaults.app;
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    // What the app reads itself …
    APP_ARM_ENDPOINT: info.arm,
    APP_VAULT_URL: `https://${vault}.vault.localhost:${info.port}`,
    APP_SUBSCRIPTION_ID: DEMO.subscriptions.production,
    APP_RESOURCE_GROUP: DEMO.resourceGroups.apps,
    APP_VAULT_NAME: vault,
    // … and what the SDKs read: EnvironmentCredential (first in DefaultAzureCredential's chain),
    AZURE_TENANT_ID: 'adfs',
    AZURE_CLIENT_ID: DEMO.principals.operator,
    AZURE_CLIENT_SECRET: 'the-emulator-does-not-check-it',
    AZURE_AUTHORITY_HOST: info.arm,
    // requests' proxy and CA settings.
    HTTPS_PROXY: `http://localhost:${info.port}`,
    REQUESTS_CA_BUNDLE: info.caCert,
  };
  const { stdout } = await promisify(execFile)(PYTHON, [join(root, 'test/python/sdk_app.py')], { env, timeout: 150_000, maxBuffer: 1 << 20 }).catch((e) => {
    throw new Error(`the Python app failed:\n${e.stderr ?? e.message}`);
  });
  const seen = JSON.parse(stdout);

  assert.equal(seen.secret_value, 'from-python');
  assert.ok(seen.secret_names.includes('python-app-secret'));
  // Debian's python3-azure defaults: SecretClient 7.3, KeyClient 7.4-preview.1.
  assert.equal(seen.secret_api_version, '7.3');
  assert.equal(seen.key_api_version, '7.4-preview.1');
  assert.equal(seen.key_type, 'RSA');
  assert.equal(seen.decrypted, 'attack at dawn');
  assert.equal(seen.verified, true);
  assert.equal(seen.certificate_subject, 'CN=DefaultPolicy');
  assert.equal(seen.certificate_has_cer, true);
  assert.equal(seen.certificate_secret_content_type, 'application/x-pkcs12');
  assert.ok(seen.certificate_names.includes('python-app-cert'));
  assert.ok(seen.deleted_certificates.includes('python-app-cert'));
  assert.equal(seen.vault_uri, `https://${vault}.vault.localhost:${info.port}/`);
  assert.deepEqual(seen.system_data, { created_by: 'ops@contoso.com', created_by_type: 'User', last_modified_by: 'ops@contoso.com' });
  // $top=1 pages: the pager followed nextLink to every vault of the subscription.
  assert.deepEqual(seen.vaults_top1, [DEMO.vaults.app, DEMO.vaults.shared].sort());
  assert.deepEqual(seen.vaults_by_subscription_top1, seen.vaults_top1);
  assert.deepEqual(seen.locks, ['python-app-lock']);
  assert.deepEqual(seen.locks_after_delete, []);
});

