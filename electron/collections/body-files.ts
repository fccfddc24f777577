import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import type { Body, RequestSpec } from '../../shared/model/request';
import type { FileScope } from '../consent/file-scope';
import { locateReferencedFile } from './safe-path';

/** Where a file is: its real absolute path, and whether that is inside the scope's collection folder. */
export async function locateInScope(files: FileScope, path: string): Promise<{ absolute: string; insideCollection: boolean }> {
  if (files.root !== undefined) return locateReferencedFile(files.root, path);
  if (path.includes('\0')) throw new SalvoError('invalid-input', 'file path contains NUL');
  const absolute = resolve(path);
  // A missing file is judged by its path; sending it fails with not-found anyway.
  return { absolute: await realpath(absolute).catch(() => absolute), insideCollection: false };
}

/** The error for files that need consent: every one of them, so one answer allows them all. */
export function externalFileError(what: string, paths: readonly string[], files: FileScope, extra: Readonly<Record<string, string>> = {}): SalvoError {
  const verb = paths.length === 1 ? 'is' : 'are';
  const where = files.root === undefined ? `${verb} read from this computer for a request outside any collection` : `${verb} outside the collection folder`;
  return new SalvoError(
    'invalid-input',
    `The ${what} ${paths.join(', ')} ${where} and may be read only with your consent; nothing was sent. ${files.howToAllow}`,
    { path: paths[0] ?? '', paths: [...paths], ...extra, reason: 'external-file' },
  );
}

/**
 * Binds a request's body files to its scope: relative paths are relative to the collection root,
 * and a file outside it (after following links; outside collections, any file) is sent only with
 * the user's consent, which lives with the user (`FileScope.allows`), never in the collection, so a
 * shared collection cannot quietly upload `~/.ssh/id_rsa`. Paths come back real and absolute. Call
 * it after variables are resolved, since a path may contain `{{vars}}`.
 */
export async function bindBodyFiles(spec: RequestSpec, files: FileScope): Promise<RequestSpec> {
  const body = spec.body;
  if (body.mode !== 'binary' && body.mode !== 'multipart') return spec;
  const refused: string[] = [];
  const locate = async (path: string): Promise<string> => {
    const found = await locateInScope(files, path);
    if (!found.insideCollection && !files.allows(found.absolute) && !refused.includes(found.absolute)) refused.push(found.absolute);
    return found.absolute;
  };
  let bound: Body;
  if (body.mode === 'binary') bound = { ...body, path: await locate(body.path) };
  else {
    const fields = [];
    for (const field of body.fields) fields.push(field.kind === 'file' && field.enabled ? { ...field, path: await locate(field.path) } : field);
    bound = { ...body, fields };
  }
  if (refused.length > 0) {
    for (const p of refused) files.refused(p);
    throw externalFileError(refused.length === 1 ? 'body file' : 'body files', refused, files);
  }
  return { ...spec, body: bound };
}
