/**
 * The boot view: the console draws before the backend exists, shows a device-code sign-in and a
 * start-up failure on screen, then mounts the App; throttling shows in the status line.
 * The backend factory is a prop, so these run on the real demo engine without Azure.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import type { AzureActivity, DeviceCodePrompt } from '../../source/backend/azure/index.js';
import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { KeyVaultError } from '../../source/domain/errors.js';
import { createEngine } from '../../source/engine/index.js';
import { Boot, type BootExtras } from '../../source/ui/boot.js';
import { createClipboard } from '../../source/ui/clipboard.js';
import { memorySettings } from '../../source/ui/settings.js';
import { decodeOsc52, KEYS } from './helpers.js';

after(() => cleanup());

const tick = () => new Promise((r) => setTimeout(r, 15));

function renderBoot(factory: (extras: BootExtras) => Promise<ReturnType<typeof createMemoryBackend>>, o: { profile?: string } = {}) {
  const written: string[] = [];
  const clipboard = createClipboard({ write: (s) => written.push(s), env: {}, findTool: false, clearAfterMs: 0 });
  let quits = 0;
  const r = render(
    <Boot createBackend={factory} target="AzureCloud" profile={o.profile} settings={memorySettings()} clipboard={clipboard}
      size={{ columns: 100, rows: 30 }} initialPane="vaults" onQuit={() => quits++} activityMs={200} />,
  );
  const frame = () => r.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what: string, ms = 3000) => {
    const start = Date.now();
    while (Date.now() - start < ms) { if (pred(frame())) return frame(); await tick(); }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const press = async (...keys: string[]) => { for (const k of keys) { r.stdin.write(k); await tick(); } };
  return { ...r, frame, waitFor, press, clipboardWrites: written, quits: () => quits };
}

const demoBackend = () => createMemoryBackend(createEngine({ seed: 'demo' }));

test('a device-code sign-in is shown inside the console, c copies the code, and the vaults follow the sign-in', async () => {
  let signedIn!: () => void;
  const prompt: DeviceCodePrompt = { message: 'To sign in, use a web browser…', userCode: 'KVD-ECK42', verificationUri: 'https://microsoft.com/devicelogin' };
  const app = renderBoot(async (extras) => {
    extras.onDeviceCode(prompt);
    await new Promise<void>((r) => (signedIn = r));
    return demoBackend();
  });
  const f = await app.waitFor((f) => f.includes('KVD-ECK42'), 'device code');
  assert.match(f, /https:\/\/microsoft\.com\/devicelogin/);
  assert.match(f, /Signing in/);
  assert.match(f, /Press c to copy the code/);
  await app.press('c');
  await app.waitFor((f) => f.includes('Code copied'), 'copied');
  assert.deepEqual(decodeOsc52(app.clipboardWrites), ['KVD-ECK42']);
  signedIn();
  const g = await app.waitFor((f) => f.includes('contoso-app-kv') && f.includes('1 Vaults'), 'the console');
  assert.doesNotMatch(g, /KVD-ECK42/);
  app.unmount();
});

test('a start-up failure is explained as a sentence with r to retry, and r retries', async () => {
  let calls = 0;
  const app = renderBoot(async () => {
    calls++;
    if (calls === 1) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' });
    return demoBackend();
  });
  const f = await app.waitFor((f) => f.includes('Could not connect'), 'failure');
  assert.match(f, /Could not connect to AzureCloud\./);
  assert.match(f, /Cannot reach the service \(connection refused\)/);
  assert.match(f, /Press r to retry, q to quit/);
  assert.doesNotMatch(f, /at .*\.ts:\d+/, 'no stack trace');
  await app.press('r');
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'the console after the retry');
  assert.equal(calls, 2);
  app.unmount();
});

test('q on the failure screen quits', async () => {
  const app = renderBoot(async () => { throw new KeyVaultError(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.'); });
  const f = await app.waitFor((f) => f.includes('Could not connect'), 'failure');
  assert.match(f, /Not signed in, or the sign-in expired/);
  await app.press('q');
  assert.equal(app.quits(), 1);
  app.unmount();
});

test('throttling shows in the status line while the console keeps the filter being typed', async () => {
  let report!: (a: AzureActivity) => void;
  const app = renderBoot(async (extras) => { report = extras.onActivity; return demoBackend(); }, { profile: 'prod-ops' });
  await app.waitFor((f) => f.includes('contoso-app-kv'), 'the console');
  assert.match(app.frame(), /profile prod-ops/, 'the header names the profile');
  await app.press('/', 's', 'h');
  report({ kind: 'throttled', host: 'management.azure.com', status: 429, retryAfterSeconds: 3 });
  const f = await app.waitFor((f) => f.includes('Azure is throttling'), 'activity note');
  assert.match(f, /retrying in 3 s/);
  await app.press('a');
  const g = await app.waitFor((f) => f.includes('contoso-shared-kv') && !f.includes('contoso-app-kv'), 'filter kept');
  assert.match(g, /\/sha\s+1 of 3/, 'the typed filter is intact');
  app.unmount();
});

test('the boot screen says where it connects while the backend is being created', async () => {
  const app = renderBoot(() => new Promise(() => {}));
  const f = await app.waitFor((f) => f.includes('Connecting to AzureCloud'), 'spinner');
  assert.match(f, /kvdeck/);
  await app.press(KEYS.esc, 'q');
  assert.equal(app.quits(), 1);
  app.unmount();
});
