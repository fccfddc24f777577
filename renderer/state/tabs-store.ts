import { create } from 'zustand';
import type { SavedRequest } from '../../shared/model/collection';
import { SavedRequestSchema } from '../../shared/model/collection';
import { newId } from '../lib/ids';

/** One open request tab: the draft being edited and what was last saved. */
export interface Tab {
  readonly id: string;
  readonly collectionId: string | undefined;
  /** Collection-relative file path; undefined for a request never saved. */
  readonly path: string | undefined;
  /** The file version the draft is based on (for conflict detection on save). */
  readonly version: string | undefined;
  readonly draft: SavedRequest;
  /** JSON of the last loaded/saved request; '' for a new request. */
  readonly savedJson: string;
  readonly isDirty: boolean;
}

/** Open tabs and their drafts. Responses live in the responses store, never here. */
export interface TabsState {
  readonly tabs: Readonly<Record<string, Tab>>;
  readonly order: readonly string[];
  readonly activeId: string | undefined;
  /** Opens a saved request (or focuses its tab when already open); returns the tab id. */
  openSaved(collectionId: string, path: string, request: SavedRequest, version: string): string;
  /** Opens a new unsaved request; returns the tab id. */
  openNew(init?: { collectionId?: string | undefined; request?: Partial<SavedRequest> }): string;
  close(tabId: string): void;
  activate(tabId: string): void;
  updateDraft(tabId: string, update: (draft: SavedRequest) => SavedRequest): void;
  /** After a successful save: the draft becomes the saved state. */
  markSaved(tabId: string, path: string, version: string, collectionId: string): void;
  /** Replaces the draft with what is on disk (reload after a conflict). */
  reload(tabId: string, request: SavedRequest, version: string): void;
  /** Follows a rename/move on disk. */
  retarget(collectionId: string, fromPath: string, toPath: string): void;
  /** The file (or folder) was deleted: its tabs become unsaved drafts, so nothing typed is lost. */
  detach(collectionId: string, path: string): void;
  moveTab(tabId: string, toIndex: number): void;
}

/** A blank request with every default filled in. */
export function blankRequest(partial: Partial<SavedRequest> = {}): SavedRequest {
  return SavedRequestSchema.parse({ method: 'GET', url: '', name: 'New request', ...partial });
}

function makeTab(fields: Omit<Tab, 'isDirty'>): Tab {
  return { ...fields, isDirty: fields.savedJson === '' ? true : JSON.stringify(fields.draft) !== fields.savedJson };
}

const initial = { tabs: {}, order: [], activeId: undefined };

/** The tabs/drafts store. */
export const useTabsStore = create<TabsState>()((set, get) => ({
  ...initial,
  openSaved: (collectionId, path, request, version) => {
    const existing = Object.values(get().tabs).find((t) => t.collectionId === collectionId && t.path === path);
    if (existing !== undefined) {
      set({ activeId: existing.id });
      return existing.id;
    }
    const id = newId('tab');
    const tab = makeTab({ id, collectionId, path, version, draft: request, savedJson: JSON.stringify(request) });
    set((s) => ({ tabs: { ...s.tabs, [id]: tab }, order: [...s.order, id], activeId: id }));
    return id;
  },
  openNew: (init = {}) => {
    const id = newId('tab');
    const draft = blankRequest(init.request);
    // An untouched blank tab closes without asking; one opened with content (history, cURL) is unsaved work.
    const savedJson = init.request === undefined ? JSON.stringify(draft) : '';
    const tab = makeTab({ id, collectionId: init.collectionId, path: undefined, version: undefined, draft, savedJson });
    set((s) => ({ tabs: { ...s.tabs, [id]: tab }, order: [...s.order, id], activeId: id }));
    return id;
  },
  close: (tabId) =>
    set((s) => {
      if (s.tabs[tabId] === undefined) return s;
      const { [tabId]: _closed, ...tabs } = s.tabs;
      const at = s.order.indexOf(tabId);
      const order = s.order.filter((id) => id !== tabId);
      // Focus the neighbour, as browsers do.
      const activeId = s.activeId === tabId ? (order[Math.min(at, order.length - 1)] ?? undefined) : s.activeId;
      return { tabs, order, activeId };
    }),
  activate: (tabId) => set((s) => (s.tabs[tabId] ? { activeId: tabId } : s)),
  updateDraft: (tabId, update) =>
    set((s) => {
      const tab = s.tabs[tabId];
      if (tab === undefined) return s;
      const draft = update(tab.draft);
      if (draft === tab.draft) return s;
      return { tabs: { ...s.tabs, [tabId]: makeTab({ ...tab, draft }) } };
    }),
  markSaved: (tabId, path, version, collectionId) =>
    set((s) => {
      const tab = s.tabs[tabId];
      if (tab === undefined) return s;
      return { tabs: { ...s.tabs, [tabId]: makeTab({ ...tab, path, version, collectionId, savedJson: JSON.stringify(tab.draft) }) } };
    }),
  reload: (tabId, request, version) =>
    set((s) => {
      const tab = s.tabs[tabId];
      if (tab === undefined) return s;
      return { tabs: { ...s.tabs, [tabId]: makeTab({ ...tab, draft: request, version, savedJson: JSON.stringify(request) }) } };
    }),
  retarget: (collectionId, fromPath, toPath) =>
    set((s) => {
      let changed = false;
      const tabs: Record<string, Tab> = {};
      for (const [id, tab] of Object.entries(s.tabs)) {
        const p = tab.path;
        if (tab.collectionId === collectionId && p !== undefined && (p === fromPath || p.startsWith(`${fromPath}/`))) {
          tabs[id] = { ...tab, path: toPath + p.slice(fromPath.length) };
          changed = true;
        } else tabs[id] = tab;
      }
      return changed ? { tabs } : s;
    }),
  detach: (collectionId, path) =>
    set((s) => {
      let changed = false;
      const tabs: Record<string, Tab> = {};
      for (const [id, tab] of Object.entries(s.tabs)) {
        const p = tab.path;
        if (tab.collectionId === collectionId && p !== undefined && (p === path || p.startsWith(`${path}/`))) {
          tabs[id] = makeTab({ ...tab, path: undefined, version: undefined, savedJson: '' });
          changed = true;
        } else tabs[id] = tab;
      }
      return changed ? { tabs } : s;
    }),
  moveTab: (tabId, toIndex) =>
    set((s) => {
      const order = s.order.filter((id) => id !== tabId);
      if (order.length === s.order.length) return s;
      order.splice(Math.max(0, Math.min(toIndex, order.length)), 0, tabId);
      return { order };
    }),
}));

/** Resets the store (tests). */
export function resetTabsStore(): void {
  useTabsStore.setState(initial);
}

/** Selector: the active tab id. */
export const selectActiveTabId = (s: TabsState): string | undefined => s.activeId;

/** Selector: tab ids in display order. */
export const selectTabOrder = (s: TabsState): readonly string[] => s.order;

/** Selector factory: one tab. */
export const selectTab =
  (tabId: string | undefined) =>
  (s: TabsState): Tab | undefined =>
    tabId === undefined ? undefined : s.tabs[tabId];

/** Selector factory: the label tuple a tab strip entry needs (use with useShallow). */
export const selectTabLabel =
  (tabId: string) =>
  (s: TabsState): readonly [name: string, method: string, isDirty: boolean] => {
    const tab = s.tabs[tabId];
    return [tab?.draft.name ?? '', tab?.draft.method ?? '', tab?.isDirty ?? false];
  };

/** Selector: whether any tab has unsaved changes. */
export const selectHasUnsaved = (s: TabsState): boolean => Object.values(s.tabs).some((t) => t.isDirty);
