import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import type { Body, RequestOptions, RequestSpec } from '../../shared/model/request';
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

type Located = { readonly absolute: string; readonly insideCollection: boolean };

/**
 * How long where a path leads is remembered, per scope. A batch binds the same few paths thousands
 * of times a second and a realpath per file costs as much as the send itself (~80 µs for three
 * files, 32 at once). Safe to reuse: the engine reads the real path that was checked, so a stale
 * entry can only name a file that was judged, never a link's new target.
 */
const LOCATION_TTL_MS = 1000;
const LOCATION_CACHE_MAX = 256;
const locations = new WeakMap<FileScope, Map<string, { readonly at: number; readonly found: Promise<Located> }>>();

function locateRemembered(files: FileScope, path: string): Promise<Located> {
  let cache = locations.get(files);
  if (cache === undefined) {
    cache = new Map();
    locations.set(files, cache);
  }
  const now = Date.now();
  const hit = cache.get(path);
  if (hit !== undefined && now - hit.at < LOCATION_TTL_MS) return hit.found;
  if (cache.size >= LOCATION_CACHE_MAX) cache.clear();
  const found = locateInScope(files, path);
  const kept = cache;
  kept.set(path, { at: now, found });
  found.catch(() => {
    if (kept.get(path)?.found === found) kept.delete(path);
  });
  return found;
}

/** A request's own TLS options that name a file the engine reads (once per agent). */
const TLS_FILE_OPTIONS = ['caFile', 'clientCertFile', 'clientKeyFile', 'clientPfxFile'] as const;

function bodyFilePaths(body: Body): string[] {
  if (body.mode === 'binary') return [body.path];
  if (body.mode === 'multipart') return body.fields.flatMap((f) => (f.kind === 'file' && f.enabled ? [f.path] : []));
  return [];
}

function tlsFilePaths(options: RequestOptions): string[] {
  const out: string[] = [];
  for (const k of TLS_FILE_OPTIONS) {
    const path = options[k];
    if (path !== undefined && path !== '') out.push(path);
  }
  return out;
}

/** Whether a request reads any file: a binary or multipart body, or one of its own TLS files. Cheap: asked per send of a batch. */
export function readsFiles(spec: RequestSpec): boolean {
  const o = spec.options;
  return spec.body.mode === 'binary' || spec.body.mode === 'multipart' || o.caFile !== undefined || o.clientCertFile !== undefined || o.clientKeyFile !== undefined || o.clientPfxFile !== undefined;
}

/** Every file a request names, as written: its enabled body files, then its own CA, certificate, key and PFX files. */
export function requestFilePaths(spec: RequestSpec): string[] {
  return [...bodyFilePaths(spec.body), ...tlsFilePaths(spec.options)];
}

/** What the refused files are, for the error: the wording of body files alone is the one users know. */
function refusedWhat(body: number, tls: number): string {
  const plural = body + tls > 1 ? 's' : '';
  if (tls === 0) return `body file${plural}`;
  if (body === 0) return `request's TLS file${plural}`;
  return 'files';
}

/**
 * Binds the files a request reads to its scope — body files and its own TLS files (CA, client
 * certificate, key, PFX) alike: relative paths are relative to the collection root, and a file
 * outside it (after following links; outside collections, any file) is read only with the user's
 * consent, which lives with the user (`FileScope.allows`), never in the collection, so a shared
 * request can neither upload `~/.ssh/id_rsa` nor make Salvo load it as a key. Paths come back real
 * and absolute. One `external-file` error names every refused file, so one answer allows them all.
 * Call it after variables are resolved (a path may contain `{{vars}}`) and before the collection's
 * certificate entry applies (its files are bound with the collection).
 */
export async function bindRequestFiles(spec: RequestSpec, files: FileScope): Promise<RequestSpec> {
  if (!readsFiles(spec)) return spec;
  const refused: string[] = [];
  let refusedBody = 0;
  const locate = async (path: string, isBody: boolean): Promise<string> => {
    const found = await locateRemembered(files, path);
    // Consent is asked every time: it can be withdrawn between two sends of a batch.
    if (!found.insideCollection && !files.allows(found.absolute) && !refused.includes(found.absolute)) {
      refused.push(found.absolute);
      if (isBody) refusedBody++;
    }
    return found.absolute;
  };
  let body: Body = spec.body;
  if (body.mode === 'binary') body = { ...body, path: await locate(body.path, true) };
  else if (body.mode === 'multipart') {
    const fields = [];
    for (const field of body.fields) fields.push(field.kind === 'file' && field.enabled ? { ...field, path: await locate(field.path, true) } : field);
    body = { ...body, fields };
  }
  const options: RequestOptions = { ...spec.options };
  for (const k of TLS_FILE_OPTIONS) {
    const path = options[k];
    // '' is an option left blank: nothing to read (the engine skips it too).
    if (path === undefined || path === '') delete options[k];
    else options[k] = await locate(path, false);
  }
  if (refused.length > 0) {
    for (const p of refused) files.refused(p);
    throw externalFileError(refusedWhat(refusedBody, refused.length - refusedBody), refused, files);
  }
  return { ...spec, body, options };
}
