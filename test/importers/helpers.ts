import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedRequest } from '../../shared/model/collection';
import type { ImportedFolder } from '../../electron/importers/model';

/** Reads a sample from test/fixtures/imports. */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '../fixtures/imports', name), 'utf8');
}

/** Requests of an imported tree keyed by "Folder/Sub/Name". */
export function requestsByPath(folder: ImportedFolder, trail = ''): Map<string, SavedRequest> {
  const out = new Map<string, SavedRequest>();
  for (const item of folder.items) {
    if (item.kind === 'request') out.set(trail + item.request.name, item.request);
    else for (const [k, v] of requestsByPath(item.folder, `${trail}${item.folder.name}/`)) out.set(k, v);
  }
  return out;
}

/** A sub-folder by name path. */
export function folderAt(folder: ImportedFolder, ...names: string[]): ImportedFolder | undefined {
  let current: ImportedFolder | undefined = folder;
  for (const n of names) {
    const next: ImportedFolder | undefined = current?.items.flatMap((i) => (i.kind === 'folder' && i.folder.name === n ? [i.folder] : []))[0];
    current = next;
  }
  return current;
}
