import { webcrypto } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import { TEMP_PREFIX, writeFileAtomic } from '../fs/atomic-write';
import { MAX_FILE_BYTES } from './yaml-io';

/** Content hash used as a file's version (async Web Crypto: no sync hashing in the main process). */
export async function versionOf(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await webcrypto.subtle.digest('SHA-256', data);
  return Buffer.from(digest).toString('hex').slice(0, 32);
}

/** Reads a file as text, or undefined when it does not exist; refuses oversized files. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) throw new SalvoError('invalid-input', `file is larger than ${MAX_FILE_BYTES} bytes: ${path}`);
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (err instanceof SalvoError) throw err;
    throw new SalvoError('io', `cannot read ${path}: ${(err as Error).message}`);
  }
}

/** Writes atomically unless the file already holds exactly `text` (an unchanged save rewrites nothing). Returns whether it wrote. */
export async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const current = await readTextIfExists(path);
  if (current === text) return false;
  try {
    await writeFileAtomic(path, text);
  } catch (err) {
    throw new SalvoError('io', `cannot write ${path}: ${(err as Error).message}`);
  }
  return true;
}

/** Removes temp files a crash left behind, anywhere under `root` (not following links, skipping .git/node_modules). */
export async function cleanStrayTemps(root: string, depth = 0): Promise<number> {
  if (depth > 32) return 0;
  let removed = 0;
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) {
      await rm(join(root, entry.name), { force: true });
      removed++;
    } else if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') {
      removed += await cleanStrayTemps(join(root, entry.name), depth + 1);
    }
  }
  return removed;
}
