import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import { splitRelPath } from './names';

/** Resolves a folder to its real absolute path (symlinks in the root itself are allowed: the user chose it). */
export async function realRoot(root: string): Promise<string> {
  try {
    return await realpath(root);
  } catch {
    throw new SalvoError('not-found', `folder not found: ${root}`);
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/**
 * Maps a collection-relative path to an absolute one inside `root` (already real).
 * Every existing component is checked with lstat: symlinks are refused, so nothing is ever
 * read or written through a link that points elsewhere; the result is re-checked with realpath.
 */
export async function resolveInside(root: string, rel: string): Promise<string> {
  const parts = splitRelPath(rel);
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    let isLink = false;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') break;
      throw new SalvoError('io', `cannot inspect ${rel}: ${(err as Error).message}`);
    }
    if (isLink) throw new SalvoError('invalid-input', `refusing to follow a symbolic link: ${rel}`);
  }
  const full = join(root, ...parts);
  if (!isInside(root, full)) throw new SalvoError('invalid-input', `path escapes the collection: ${rel}`);
  try {
    const real = await realpath(full);
    if (!isInside(root, real)) throw new SalvoError('invalid-input', `path escapes the collection: ${rel}`);
  } catch (err) {
    if (err instanceof SalvoError) throw err;
    // A path that does not exist yet is fine: its existing ancestors were checked above.
  }
  return full;
}

/**
 * Where a file referenced by a request (binary body, multipart file, CA file) really is, and whether
 * it stays inside the collection after following links. Callers must ask the user before sending a
 * file that is outside. Relative paths are relative to the collection root.
 */
export async function locateReferencedFile(root: string, path: string): Promise<{ absolute: string; insideCollection: boolean }> {
  if (path.includes('\0')) throw new SalvoError('invalid-input', 'file path contains NUL');
  const absolute = resolve(root, path);
  let real = absolute;
  try {
    real = await realpath(absolute);
  } catch {
    // Missing file: judged by its path; sending it will fail with not-found anyway.
  }
  return { absolute: real, insideCollection: isInside(root, real) };
}
