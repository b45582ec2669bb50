/**
 * Backup files: a backup blob holds the secret (encrypted for the vault's region, but still the secret),
 * so its file is private whatever was there before. Written to a new file of mode 0600 beside the
 * target and renamed over it: an existing 0644 file is replaced, not rewritten in place with its mode
 * kept, and a crash never leaves half a backup. A missing folder, a folder given as the file and an
 * existing file (which the caller asks about first) are said in sentences.
 */
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const BACKUP_FILE_MODE = 0o600;

export const expandHome = (p: string) => resolve(p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p);

export interface BackupTarget {
  path: string;
  /** Why it cannot be written there, as a sentence. */
  problem?: string;
  /** A file is there already (the caller asks before overwriting it). */
  exists?: boolean;
}

const statOf = (p: string) => stat(p).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e)));

/** Where a backup typed as `raw` would go, and whether it can. */
export async function backupTarget(raw: string): Promise<BackupTarget> {
  const path = expandHome(raw.trim());
  const here = await statOf(path);
  if (here?.isDirectory()) return { path, problem: `${path} is a folder: give a file name in it, such as ${join(path, 'name.kvbackup')}.` };
  if (here) return { path, exists: true };
  const folder = await statOf(dirname(path));
  if (!folder) return { path, problem: `The folder ${dirname(path)} does not exist: create it first, or pick another one.` };
  if (!folder.isDirectory()) return { path, problem: `${dirname(path)} is a file, not a folder.` };
  return { path };
}

/** Writes the blob as a new private file and renames it over `path`. */
export async function writeBackupFile(path: string, blob: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fh = await open(tmp, 'wx', BACKUP_FILE_MODE);
  try {
    await fh.writeFile(blob);
    await fh.chmod(BACKUP_FILE_MODE); // whatever the umask
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** Reads a backup file; a folder or a missing file is said in a sentence. */
export async function readBackupFile(raw: string): Promise<Uint8Array> {
  const path = expandHome(raw.trim());
  const here = await statOf(path);
  if (!here) throw new Error(`There is no file ${path}.`);
  if (here.isDirectory()) throw new Error(`${path} is a folder: give the backup file in it.`);
  return new Uint8Array(await readFile(path));
}
