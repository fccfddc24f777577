import type { ApiClient } from '../api/client';
import { useCollectionsStore } from '../state/collections-store';
import type { UiSettings } from '../state/settings-store';
import { persistedSettings, useSettingsStore } from '../state/settings-store';
import { useTabsStore } from '../state/tabs-store';

/** Saved tabs, by collection root (ids change between launches) and path. */
export function openTabsOf(): UiSettings['openTabs'] {
  const trees = useCollectionsStore.getState().trees;
  const { tabs, order } = useTabsStore.getState();
  const out: Array<{ root: string; path: string }> = [];
  for (const id of order) {
    const tab = tabs[id];
    const root = tab?.collectionId === undefined ? undefined : trees[tab.collectionId]?.root;
    if (tab?.path !== undefined && root !== undefined) out.push({ root, path: tab.path });
  }
  return out;
}

/**
 * Writes UI settings back (debounced) whenever they change after the first load, and keeps
 * `openTabs` in step with the tabs store. Returns the unsubscribe.
 */
export function persistSettings(client: ApiClient, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastJson = '';
  const write = (): void => {
    timer = undefined;
    const s = useSettingsStore.getState();
    if (!s.isLoaded) return;
    const settings = persistedSettings(s);
    const json = JSON.stringify(settings);
    if (json === lastJson) return;
    lastJson = json;
    client.call('settings:write', { settings: { ...settings } }).catch(() => {
      // Try again on the next change.
      lastJson = '';
    });
  };
  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(write, delayMs);
  };
  const offSettings = useSettingsStore.subscribe(schedule);
  const offTabs = useTabsStore.subscribe((s, prev) => {
    if (s.order === prev.order && s.tabs === prev.tabs) return;
    const openTabs = openTabsOf();
    if (JSON.stringify(openTabs) !== JSON.stringify(useSettingsStore.getState().openTabs)) useSettingsStore.getState().update({ openTabs });
  });
  return () => {
    offSettings();
    offTabs();
    if (timer !== undefined) clearTimeout(timer);
  };
}
