import { join } from 'node:path';
import { CollectionSettingsSchema, FolderSettingsSchema, SavedRequestSchema } from '../../shared/model/collection';
import type { Environment } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { newCollectionId } from '../collections/collection-id';
import { readTextIfExists } from '../collections/file-io';
import { COLLECTION_FILE, ENV_DIR, FOLDER_FILE, FORMAT_VERSION, REQUEST_EXT, RUNS_DIR, isDefaultFolder, serializeCollection, serializeEnvironment, serializeFolder, serializeRequest } from '../collections/format';
import { slugify, uniqueName } from '../collections/names';
import { realRoot } from '../collections/safe-path';
import type { ImportedCollection, ImportedFolder } from './model';
import { mkdir, readdir } from 'node:fs/promises';

async function writeFolder(dir: string, folder: ImportedFolder, isRoot: boolean): Promise<string[]> {
  const taken = new Set<string>([FOLDER_FILE, COLLECTION_FILE, ...(isRoot ? [ENV_DIR, RUNS_DIR, 'node_modules'] : [])]);
  const order: string[] = [];
  for (const item of folder.items) {
    if (item.kind === 'request') {
      // Names come from untrusted files: slugify keeps them inside this folder.
      const file = uniqueName(slugify(item.request.name), REQUEST_EXT, taken);
      taken.add(file);
      order.push(file);
      await writeFileAtomic(join(dir, file), serializeRequest(SavedRequestSchema.parse(item.request)));
    } else {
      const sub = uniqueName(slugify(item.folder.name), '', taken);
      taken.add(sub);
      order.push(sub);
      const subDir = join(dir, sub);
      await mkdir(subDir);
      const subOrder = await writeFolder(subDir, item.folder, false);
      const settings = FolderSettingsSchema.parse({ name: item.folder.name, variables: item.folder.variables, headers: item.folder.headers, auth: item.folder.auth, order: subOrder, description: item.folder.description });
      if (!isDefaultFolder(settings, sub)) await writeFileAtomic(join(subDir, FOLDER_FILE), serializeFolder(settings));
    }
  }
  return order;
}

async function writeEnvironments(root: string, envs: readonly Environment[]): Promise<void> {
  const taken = new Set<string>();
  const names = new Set<string>();
  for (const env of envs) {
    if (names.has(env.name)) continue;
    names.add(env.name);
    const file = uniqueName(slugify(env.name), REQUEST_EXT, taken);
    taken.add(file);
    await writeFileAtomic(join(root, ENV_DIR, file), serializeEnvironment(env));
  }
}

/** Writes an imported collection into `into` (created if needed; must not already hold a collection). Returns the real root. */
export async function writeImported(into: string, collection: ImportedCollection): Promise<string> {
  await mkdir(into, { recursive: true });
  const root = await realRoot(into);
  if ((await readTextIfExists(join(root, COLLECTION_FILE))) !== undefined) throw new SalvoError('conflict', `a collection already exists in ${root}; import into a new folder`);
  // Never mix an import into someone's files: only an empty folder (dotfiles aside) is accepted.
  const existing = (await readdir(root)).filter((n) => !n.startsWith('.'));
  if (existing.length > 0) throw new SalvoError('conflict', `${root} is not empty; import into a new or empty folder`);
  const order = await writeFolder(root, collection, true);
  await writeEnvironments(root, collection.environments);
  if ((await readTextIfExists(join(root, '.gitignore'))) === undefined) await writeFileAtomic(join(root, '.gitignore'), '# Local secrets for the salvo CLI: never commit\n.env\n');
  const settings = CollectionSettingsSchema.parse({
    name: collection.name,
    formatVersion: FORMAT_VERSION,
    // A fresh id: importing one file twice gives two collections with their own secrets.
    id: newCollectionId(),
    variables: collection.variables,
    headers: collection.headers,
    auth: collection.auth.type === 'inherit' ? { type: 'none' } : collection.auth,
    order,
    description: collection.description,
  });
  // salvo.yaml last: a folder without it is not a collection, so a failed import never looks complete.
  await writeFileAtomic(join(root, COLLECTION_FILE), serializeCollection(settings));
  return root;
}
