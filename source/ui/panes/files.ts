/**
 * Files the panes read and write for the user (backups, certificate downloads). What is written can
 * hold a private key, so it is created readable by its owner only (0600) and never replaces an
 * existing file unless the caller has asked the user.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** A path as typed: `~/x` is in the home directory; relative paths are from the working directory. */
export const expandHome = (p: string) => resolve(p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p);

/**
 * Writes `bytes` to `path` with mode 0600. Without `replace`, an existing file is left alone and the
 * call fails with code EEXIST (ask the user, then call again with `replace`). Replacing writes a new
 * 0600 file beside it and renames it over, so the old file's mode never applies to the new content.
 */
export async function writePrivateFile(path: string, bytes: Uint8Array, replace = false): Promise<void> {
  if (!replace) {
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.kvdeck`);
  try {
    await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Whether a file-system error says the file is already there. */
export const fileExists = (e: unknown) => (e as { code?: string } | undefined)?.code === 'EEXIST';
