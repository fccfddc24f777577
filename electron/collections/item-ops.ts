import { cp, lstat, mkdir, rename, rm } from 'node:fs/promises';
import { FolderSettingsSchema, SavedRequestSchema } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import { TEMP_PREFIX } from '../fs/atomic-write';
import { versionOf } from './file-io';
import { ENV_DIR, FOLDER_FILE, REQUEST_EXT, RUNS_DIR, serializeRequest } from './format';
import { baseRel, checkDisplayName, joinRel, parentRel, slugify, splitRelPath, uniqueName } from './names';
import type { OpenCollection } from './open-collection';
import { readRequest } from './request-ops';

type ItemKind = 'request' | 'folder';

function kindOf(c: OpenCollection, rel: string): ItemKind {
  splitRelPath(rel);
  if (rel === '') throw new SalvoError('invalid-input', 'the collection root cannot be changed this way');
  if (c.loaded.requests.has(rel)) return 'request';
  if (c.loaded.folders.has(rel)) return 'folder';
  throw new SalvoError('not-found', `no such request or folder: ${rel}`);
}

function takenIn(c: OpenCollection, folderRel: string): Set<string> {
  const f = c.folder(folderRel);
  const taken = new Set([...f.requests, ...f.folders, FOLDER_FILE]);
  // A corrupt file still occupies its name on disk.
  for (const bad of c.loaded.corrupt) if (parentRel(bad) === folderRel) taken.add(baseRel(bad));
  if (folderRel === '') for (const reserved of [ENV_DIR, RUNS_DIR, 'salvo.yaml', 'node_modules']) taken.add(reserved);
  return taken;
}

/** Renames a folder on disk, noting both ends as our own change. */
async function renameFolder(c: OpenCollection, rel: string, newRel: string): Promise<void> {
  const src = await c.abs(rel);
  const dst = await c.abs(newRel);
  c.deps.own.removed(src);
  await rename(src, dst);
  c.deps.own.placed(dst);
}

/** Creates a sub-folder (a folder.yaml is written only when the display name differs from the folder name). */
export async function createFolder(c: OpenCollection, parent: string, name: string): Promise<{ path: string }> {
  const display = checkDisplayName(name);
  c.folder(parent);
  const dirName = uniqueName(slugify(display), '', takenIn(c, parent));
  const rel = joinRel(parent, dirName);
  const abs = await c.abs(rel);
  await mkdir(abs);
  c.deps.own.placed(abs);
  await c.reload();
  await c.writeFolderSettings(rel, FolderSettingsSchema.parse({ name: display }));
  await c.renameInOrder(parent, undefined, dirName);
  await c.changed([rel]);
  return { path: rel };
}

/** Renames a request or folder: the display name and the file name follow. */
export async function renameItem(c: OpenCollection, rel: string, name: string): Promise<{ path: string }> {
  const display = checkDisplayName(name);
  const kind = kindOf(c, rel);
  const parent = parentRel(rel);
  const oldName = baseRel(rel);
  const taken = takenIn(c, parent);
  taken.delete(oldName);
  const newName = uniqueName(slugify(display), kind === 'request' ? REQUEST_EXT : '', taken);
  const newRel = joinRel(parent, newName);
  if (kind === 'request') {
    const { request } = await readRequest(c, rel);
    const src = await c.abs(rel);
    const dst = await c.abs(newRel);
    const text = serializeRequest({ ...request, name: display });
    await c.serial(src, async () => {
      await c.write(src, text);
      if (newRel === rel) return;
      c.deps.own.renaming(src, dst, await versionOf(text));
      await rename(src, dst);
    });
  } else {
    const folder = c.folder(rel);
    if (newRel !== rel) await renameFolder(c, rel, newRel);
    await c.reload();
    await c.writeFolderSettings(newRel, { ...folder.settings, name: display });
  }
  await c.reload();
  await c.renameInOrder(parent, oldName, newName);
  await c.changed([rel, newRel]);
  return { path: newRel };
}

/** Moves a request or folder into another folder, optionally at an index of its order. */
export async function moveItem(c: OpenCollection, rel: string, toFolder: string, index: number | undefined): Promise<{ path: string }> {
  const kind = kindOf(c, rel);
  c.folder(toFolder);
  if (kind === 'folder' && (toFolder === rel || toFolder.startsWith(rel + '/'))) throw new SalvoError('invalid-input', 'cannot move a folder into itself');
  const fromFolder = parentRel(rel);
  const oldName = baseRel(rel);
  let newRel = rel;
  if (fromFolder !== toFolder) {
    const newName = uniqueName(oldName.endsWith(REQUEST_EXT) ? oldName.slice(0, -REQUEST_EXT.length) : oldName, kind === 'request' ? REQUEST_EXT : '', takenIn(c, toFolder));
    newRel = joinRel(toFolder, newName);
    const src = await c.abs(rel);
    if (kind === 'request') {
      const version = c.loaded.requests.get(rel)?.version ?? '';
      await c.serial(src, async () => {
        const dst = await c.abs(newRel);
        c.deps.own.renaming(src, dst, version);
        await rename(src, dst);
      });
    } else {
      await c.serial(src, () => renameFolder(c, rel, newRel));
    }
    await c.reload();
    await c.renameInOrder(fromFolder, oldName, undefined);
  }
  await c.renameInOrder(toFolder, oldName, baseRel(newRel), index);
  await c.changed([rel, newRel]);
  return { path: newRel };
}

/** Copies a request ("<name> copy") or a whole folder next to the original. */
export async function duplicateItem(c: OpenCollection, rel: string): Promise<{ path: string }> {
  const kind = kindOf(c, rel);
  const parent = parentRel(rel);
  const taken = takenIn(c, parent);
  let newRel: string;
  if (kind === 'request') {
    const { request } = await readRequest(c, rel);
    const copy = SavedRequestSchema.parse({ ...request, name: `${request.name} copy` });
    newRel = joinRel(parent, uniqueName(slugify(copy.name), REQUEST_EXT, taken));
    await c.write(await c.abs(newRel), serializeRequest(copy));
  } else {
    const folder = c.folder(rel);
    newRel = joinRel(parent, uniqueName(slugify(`${folder.settings.name} copy`), '', taken));
    // Links and our temp files are not copied: the copy must stay inside the collection.
    const dst = await c.abs(newRel);
    await cp(await c.abs(rel), dst, {
      recursive: true,
      errorOnExist: true,
      force: false,
      filter: async (src) => !(await lstat(src)).isSymbolicLink() && !baseRel(src.replace(/\\/g, '/')).startsWith(TEMP_PREFIX),
    });
    c.deps.own.placed(dst);
    await c.reload();
    await c.writeFolderSettings(newRel, { ...folder.settings, name: `${folder.settings.name} copy` });
  }
  await c.reload();
  const order = c.folder(parent).settings.order;
  const at = order.indexOf(baseRel(rel));
  await c.renameInOrder(parent, undefined, baseRel(newRel), at >= 0 ? at + 1 : undefined);
  await c.changed([newRel]);
  return { path: newRel };
}

/** Deletes a request file or a folder with everything in it. */
export async function deleteItem(c: OpenCollection, rel: string): Promise<void> {
  // A corrupt file can always be deleted: that is one of the user's ways out.
  const kind = c.loaded.corrupt.has(rel) && !c.loaded.folders.has(rel) ? 'request' : kindOf(c, rel);
  const abs = await c.abs(rel);
  await c.serial(abs, () => {
    c.deps.own.removed(abs);
    return rm(abs, { recursive: kind === 'folder', force: true });
  });
  await c.reload();
  await c.renameInOrder(parentRel(rel), baseRel(rel), undefined);
  await c.changed([rel]);
}

/** Saves a folder's display order (names that are not children are dropped). */
export async function reorderFolder(c: OpenCollection, rel: string, order: readonly string[]): Promise<void> {
  const folder = c.folder(rel);
  const present = new Set([...folder.folders, ...folder.requests]);
  const clean = [...new Set(order)].filter((n) => present.has(n));
  await c.writeFolderSettings(rel, { ...folder.settings, order: clean });
  await c.changed([joinRel(rel, rel === '' ? 'salvo.yaml' : FOLDER_FILE)]);
}
