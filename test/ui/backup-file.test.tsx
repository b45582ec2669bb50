/**
 * Backups to a file: an existing file is overwritten only when the user says so, the file is always
 * private (0600, even when a 0644 file was there), and a missing folder or a folder given as the file
 * is said in a sentence.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderApp, said } from './helpers.js';

after(() => cleanup());

const CTRL_U = '\u0015';

async function backupFormFor(secret: string) {
  const app = renderApp();
  await app.waitFor((f) => f.includes('contoso-shared-kv'));
  await app.press('j', '2');
  await app.waitFor((f) => f.includes(secret), 'secrets');
  await app.press('/');
  await app.type(secret);
  await app.press(KEYS.enter, 'b');
  await app.waitFor((f) => f.includes(`Back up ${secret}`), 'backup form');
  await app.press(CTRL_U);
  return app;
}

const mode = (path: string) => statSync(path).mode & 0o777;

test('backing up over an existing 0644 file asks first, then leaves a private 0600 file with the backup', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kvdeck-backup-')), 'smtp.kvbackup');
  writeFileSync(file, 'notes kept here');
  chmodSync(file, 0o644);
  const app = await backupFormFor('storage-account-key');
  await app.type(file);
  await app.waitFor((f) => said(f).includes('you will be asked before it is overwritten'), 'the file is pointed out');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes(`Overwrite ${file}?`), 'asked');
  assert.equal(readFileSync(file, 'utf8'), 'notes kept here', 'nothing written before the answer');
  await app.press('y');
  await app.waitFor((f) => f.includes('Backed up storage-account-key'), 'backed up');
  assert.notEqual(readFileSync(file, 'utf8'), 'notes kept here');
  assert.equal(mode(file).toString(8), '600');
  app.unmount();
});

test('saying no keeps the file as it was and the form open, with what to do', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kvdeck-backup-')), 'keep.kvbackup');
  writeFileSync(file, 'do not touch');
  const app = await backupFormFor('storage-account-key');
  await app.type(file);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes(`Overwrite ${file}?`), 'asked');
  await app.press('n');
  const f = await app.waitFor((f) => said(f).includes('was left as it was: give another file name'), 'refused');
  assert.match(f, /Back up storage-account-key/);
  assert.equal(readFileSync(file, 'utf8'), 'do not touch');
  app.unmount();
});

test('a new backup file is private too', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kvdeck-backup-')), 'new.kvbackup');
  const app = await backupFormFor('storage-account-key');
  await app.type(file);
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('Backed up storage-account-key'), 'backed up');
  assert.equal(mode(file).toString(8), '600');
  app.unmount();
});

test('a missing folder and a folder given as the file are said in sentences', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvdeck-backup-'));
  const app = await backupFormFor('storage-account-key');
  await app.type(join(dir, 'nope', 'x.kvbackup'));
  await app.waitFor((f) => said(f).includes(`The folder ${join(dir, 'nope')} does not exist`), 'missing folder');
  await app.press(CTRL_U);
  await app.type(dir);
  await app.waitFor((f) => said(f).includes(`${dir} is a folder: give a file name in it`), 'a folder');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes('is a folder'), 'refused on save too');
  assert.match(app.frame(), /Back up storage-account-key/);
  app.unmount();
});
