/**
 * Files the panes read and write for the user (secret backups, certificate downloads). What is written
 * can hold a secret or a private key, so it is always a new file of mode 0600 written beside the target,
 * synced, then renamed over it: an existing 0644 file is replaced, not rewritten in place with its mode
 * kept, and a crash never leaves half a file. Where it cannot go — a missing folder, a folder given as the
 * file — and an existing file (which the caller asks about first) are said in sentences.
 */
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;

/** A path as typed: `~/x` is in the home directory; relative paths are from the working directory. */
export const expandHome = (p: string) => resolve(p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p);

export interface FileTarget {
  path: string;
  /** Why it cannot be written there, as a sentence. */
  problem?: string;
  /** A file is there already (the caller asks before replacing it). */
  exists?: boolean;
}

const statOf = (p: string) => stat(p).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e)));

/** Where a file typed as `raw` would go, and whether it can; `example` names a file for the folder sentence. */
export async function fileTarget(raw: string, example = 'name'): Promise<FileTarget> {
  const path = expandHome(raw.trim());
  const here = await statOf(path);
  if (here?.isDirectory()) return { path, problem: `${path} is a folder: give a file name in it, such as ${join(path, example)}.` };
  if (here) return { path, exists: true };
  const folder = await statOf(dirname(path));
  if (!folder) return { path, problem: `The folder ${dirname(path)} does not exist: create it first, or pick another one.` };
  if (!folder.isDirectory()) return { path, problem: `${dirname(path)} is a file, not a folder.` };
  return { path };
}

/** Writes `bytes` as a new private file and renames it over `path` (ask before calling when it exists). */
export async function writePrivateFile(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fh = await open(tmp, 'wx', PRIVATE_FILE_MODE);
  try {
    await fh.writeFile(bytes);
    await fh.chmod(PRIVATE_FILE_MODE); // whatever the umask
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** Reads a file the user named; a folder or a missing file is said in a sentence. */
export async function readUserFile(raw: string, what = 'file'): Promise<Uint8Array> {
  const path = expandHome(raw.trim());
  const here = await statOf(path);
  if (!here) throw new Error(`There is no file ${path}.`);
  if (here.isDirectory()) throw new Error(`${path} is a folder: give the ${what} in it.`);
  return new Uint8Array(await readFile(path));
}
