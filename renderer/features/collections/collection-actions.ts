import type { CollectionTree } from '../../../shared/model/collection';
import { api, errorInfoOf } from '../../api/client';
import { baseName, parentPath, useCollectionsStore } from '../../state/collections-store';
import { useEnvironmentsStore } from '../../state/environments-store';
import { noticeError } from '../../state/notices-store';
import { useSettingsStore } from '../../state/settings-store';
import { useTabsStore } from '../../state/tabs-store';
import { ask, askName } from '../../state/dialog-store';
import { normalizeUrlParams } from '../../lib/url-params';

/** Puts a freshly opened tree in the stores and remembers its folder for the next launch. */
export function adoptTree(tree: CollectionTree): void {
  useCollectionsStore.getState().setTree(tree);
  useCollectionsStore.getState().setActive(tree.id);
  useEnvironmentsStore.getState().setNames(tree.id, tree.environments, tree.activeEnvironment);
  const settings = useSettingsStore.getState();
  if (!settings.openCollections.includes(tree.root)) settings.update({ openCollections: [...settings.openCollections, tree.root] });
}

/** Opens the collection folder at `root`; errors become a notice and a rejected promise is never left floating. */
export async function openCollection(root: string): Promise<CollectionTree | undefined> {
  try {
    const tree = await api().call('collection:open', { root });
    adoptTree(tree);
    return tree;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** Creates a new collection in a folder. */
export async function createCollection(root: string, name: string): Promise<CollectionTree | undefined> {
  try {
    const tree = await api().call('collection:create', { root, name });
    adoptTree(tree);
    return tree;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** Closes a collection (tabs of it stay open as they are). */
export async function closeCollection(collectionId: string): Promise<void> {
  const tree = useCollectionsStore.getState().trees[collectionId];
  try {
    await api().call('collection:close', { collectionId });
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
  useCollectionsStore.getState().remove(collectionId);
  const settings = useSettingsStore.getState();
  if (tree !== undefined) settings.update({ openCollections: settings.openCollections.filter((r) => r !== tree.root) });
}

/** Opens a saved request in a tab (or focuses it); `isQuiet` skips the notice when it is gone (session restore). */
export async function openRequest(collectionId: string, path: string, isQuiet = false): Promise<string | undefined> {
  const existing = Object.values(useTabsStore.getState().tabs).find((t) => t.collectionId === collectionId && t.path === path);
  if (existing !== undefined) {
    useTabsStore.getState().activate(existing.id);
    return existing.id;
  }
  try {
    const { request, version } = await api().call('request:read', { collectionId, path });
    // The editor keeps the query in the params table; the URL bar shows both joined.
    const { url, params } = normalizeUrlParams(request.url, request.params);
    return useTabsStore.getState().openSaved(collectionId, path, { ...request, url, params }, version);
  } catch (err) {
    if (!isQuiet) noticeError(errorInfoOf(err));
    return undefined;
  }
}

async function refreshTree(collectionId: string): Promise<void> {
  const tree = await api().call('collection:tree', { collectionId });
  useCollectionsStore.getState().setTree(tree);
}

// Runs one tree mutation, then refreshes the tree (the change event also arrives, harmlessly).
async function mutate<T>(collectionId: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    const out = await run();
    await refreshTree(collectionId);
    return out;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** Asks for a name and creates a request in a folder, then opens it. */
export async function newRequestIn(collectionId: string, folder: string): Promise<void> {
  const name = await askName('New request', 'Request name', 'New request');
  if (name === undefined) return;
  const created = await mutate(collectionId, () => api().call('request:create', { collectionId, folder, name }));
  if (created === undefined) return;
  useCollectionsStore.getState().toggleExpanded(collectionId, folder, true);
  await openRequest(collectionId, created.path);
}

/** Asks for a name and creates a folder. */
export async function newFolderIn(collectionId: string, parent: string): Promise<void> {
  const name = await askName('New folder', 'Folder name', 'New folder');
  if (name === undefined) return;
  const created = await mutate(collectionId, () => api().call('folder:create', { collectionId, parent, name }));
  if (created !== undefined) useCollectionsStore.getState().toggleExpanded(collectionId, parent, true);
}

/** Asks for a new name and renames a request or folder; open tabs follow the new path. */
export async function renameItem(collectionId: string, path: string, currentName: string): Promise<void> {
  const name = await askName('Rename', 'New name', currentName);
  if (name === undefined || name === currentName) return;
  const out = await mutate(collectionId, () => api().call('item:rename', { collectionId, path, name }));
  if (out === undefined) return;
  useTabsStore.getState().retarget(collectionId, path, out.path);
  // A renamed request's display name lives in the file: keep open drafts in step.
  for (const tab of Object.values(useTabsStore.getState().tabs)) {
    if (tab.collectionId === collectionId && tab.path === out.path && !tab.isDirty) {
      const { request, version } = await api().call('request:read', { collectionId, path: out.path });
      const { url, params } = normalizeUrlParams(request.url, request.params);
      useTabsStore.getState().reload(tab.id, { ...request, url, params }, version);
    }
  }
}

/** Duplicates a request or folder next to it. */
export async function duplicateItem(collectionId: string, path: string): Promise<void> {
  await mutate(collectionId, () => api().call('item:duplicate', { collectionId, path }));
}

/** Deletes after confirmation; open tabs of the deleted item become unsaved drafts. */
export async function deleteItem(collectionId: string, path: string, name: string, isFolder: boolean): Promise<void> {
  const answer = await ask({
    title: isFolder ? 'Delete folder' : 'Delete request',
    message: isFolder ? `Delete the folder "${name}" and everything in it?` : `Delete the request "${name}"?`,
    choices: [
      { id: 'cancel', label: 'Cancel' },
      { id: 'delete', label: 'Delete', isDanger: true },
    ],
  });
  if (answer.choice !== 'delete') return;
  const isDeleted = await mutate(collectionId, () => api().call('item:delete', { collectionId, path }).then(() => true));
  if (isDeleted === true) useTabsStore.getState().detach(collectionId, path);
}

/** Moves an item into a folder at an index (drag and drop). */
export async function moveItem(collectionId: string, path: string, toFolder: string, index: number | undefined): Promise<void> {
  if (parentPath(path) === toFolder && index === undefined) return;
  const out = await mutate(collectionId, () => api().call('item:move', { collectionId, path, toFolder, ...(index === undefined ? {} : { index }) }));
  if (out !== undefined) useTabsStore.getState().retarget(collectionId, path, out.path);
}

/** Reorders within one folder: `names` are the children's file/folder names in the new order. */
export async function reorderFolder(collectionId: string, folder: string, names: readonly string[]): Promise<void> {
  await mutate(collectionId, () => api().call('folder:reorder', { collectionId, path: folder, order: [...names] }));
}

/** The file/folder name of a tree path (what `folder:reorder` expects). */
export const childName = baseName;
