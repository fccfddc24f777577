import { SavedRequestSchema } from '../../shared/model/collection';
import type { SavedRequest } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import { newRequestSpec } from '../../shared/model/request';
import type { RequestSpec } from '../../shared/model/request';
import { readTextIfExists, versionOf } from './file-io';
import { COLLECTION_FILE, ENV_DIR, FOLDER_FILE, REQUEST_EXT, RUNS_DIR, serializeRequest } from './format';
import { baseRel, checkDisplayName, joinRel, parentRel, slugify, splitRelPath, uniqueName } from './names';
import type { OpenCollection } from './open-collection';
import { parseYamlFile } from './yaml-io';

/** Checks that a path names a request file (not settings, environments or run configs). */
export function checkRequestPath(rel: string): void {
  const parts = splitRelPath(rel);
  const last = parts[parts.length - 1];
  if (last === undefined || !last.endsWith(REQUEST_EXT) || last === FOLDER_FILE || (parts.length === 1 && last === COLLECTION_FILE)) {
    throw new SalvoError('invalid-input', `not a request file: ${rel}`);
  }
  if (parts.length > 1 && (parts[0] === ENV_DIR || parts[0] === RUNS_DIR)) throw new SalvoError('invalid-input', `not a request file: ${rel}`);
}

/** Reads one request fresh from disk with its version. */
export async function readRequest(c: OpenCollection, rel: string): Promise<{ request: SavedRequest; version: string }> {
  checkRequestPath(rel);
  const text = await readTextIfExists(await c.abs(rel));
  if (text === undefined) throw new SalvoError('not-found', `no such request: ${rel}`);
  const stem = baseRel(rel).slice(0, -REQUEST_EXT.length);
  const parsed = parseYamlFile(rel, text, SavedRequestSchema, (raw) => (typeof raw === 'object' && raw !== null && !('name' in raw) ? { ...raw, name: stem } : raw));
  if (!parsed.ok) throw new SalvoError('invalid-input', `${rel}${parsed.problem.line === undefined ? '' : `:${parsed.problem.line}`}: ${parsed.problem.reason}`, { path: rel, line: parsed.problem.line ?? 0 });
  return { request: parsed.value, version: await versionOf(text) };
}

/**
 * Saves a request. When `baseVersion` is given and the file changed on disk since (or vanished),
 * the save is refused with `conflict` unless `force`. An unchanged request rewrites nothing.
 */
export async function saveRequest(c: OpenCollection, rel: string, request: SavedRequest, baseVersion: string | undefined, force: boolean): Promise<{ version: string; path: string }> {
  checkRequestPath(rel);
  const text = serializeRequest(SavedRequestSchema.parse(request));
  // Enter the per-file queue before any await, so saves apply in the order they were asked for.
  const wrote = await c.serial(c.keyOf(rel), async () => {
    const file = await c.abs(rel);
    c.folder(parentRel(rel));
    c.guardCorrupt(rel, force);
    const current = await readTextIfExists(file);
    if (baseVersion !== undefined && !force) {
      if (current === undefined) throw new SalvoError('conflict', `${rel} was deleted on disk since it was opened`, { path: rel });
      if ((await versionOf(current)) !== baseVersion) throw new SalvoError('conflict', `${rel} changed on disk since it was opened`, { path: rel });
    }
    return c.write(file, text);
  });
  if (wrote) await c.changed([rel]);
  return { version: await versionOf(text), path: rel };
}

/** Creates a request file named after `name` (unique in its folder) and adds it to the folder order. */
export async function createRequest(c: OpenCollection, folderRel: string, name: string, spec: RequestSpec | undefined): Promise<{ path: string }> {
  const display = checkDisplayName(name);
  const folder = c.folder(folderRel);
  const base: RequestSpec = spec ?? newRequestSpec({ url: '', auth: { type: 'inherit' } });
  const request: SavedRequest = SavedRequestSchema.parse({ ...base, name: display });
  const taken = new Set([...folder.requests, ...folder.folders, FOLDER_FILE, COLLECTION_FILE, ENV_DIR + REQUEST_EXT, RUNS_DIR + REQUEST_EXT]);
  const fileName = uniqueName(slugify(display), REQUEST_EXT, taken);
  const rel = joinRel(folderRel, fileName);
  const file = await c.abs(rel);
  await c.serial(file, async () => {
    if ((await readTextIfExists(file)) !== undefined) throw new SalvoError('conflict', `${rel} already exists`);
    await c.write(file, serializeRequest(request));
  });
  await c.renameInOrder(folderRel, undefined, fileName);
  await c.changed([rel]);
  return { path: rel };
}
