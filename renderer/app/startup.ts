import type { ApiClient } from '../api/client';
import { adoptTree, openRequest } from '../features/collections/collection-actions';
import { useCollectionsStore } from '../state/collections-store';
import { useSettingsStore } from '../state/settings-store';

/** Loads settings, re-opens the collections and tabs of the last session; a folder that is gone is skipped, not fatal. */
export async function restoreSession(client: ApiClient): Promise<void> {
  let raw: Record<string, unknown> = {};
  try {
    raw = await client.call('settings:read', {});
  } catch {
    // Unreadable settings: start with defaults.
  }
  useSettingsStore.getState().load(raw);
  const { openCollections, openTabs } = useSettingsStore.getState();
  const opened: string[] = [];
  for (const root of openCollections) {
    try {
      adoptTree(await client.call('collection:open', { root }));
      opened.push(root);
    } catch {
      // Moved or deleted since last time.
    }
  }
  useSettingsStore.getState().update({ openCollections: opened });
  const trees = Object.values(useCollectionsStore.getState().trees);
  for (const tab of openTabs) {
    const tree = trees.find((t) => t.root === tab.root);
    if (tree !== undefined) await openRequest(tree.id, tab.path, true);
  }
}
