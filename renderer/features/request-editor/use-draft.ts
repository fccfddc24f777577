import { useCallback } from 'react';
import type { SavedRequest } from '../../../shared/model/collection';
import { useTabsStore } from '../../state/tabs-store';

/** A stable updater for one tab's draft. */
export function useDraftUpdater(tabId: string): (update: (draft: SavedRequest) => SavedRequest) => void {
  const updateDraft = useTabsStore((s) => s.updateDraft);
  return useCallback((update) => updateDraft(tabId, update), [tabId, updateDraft]);
}

/** Subscribes to one field of a tab's draft (narrow selector: other fields do not re-render the caller). */
export function useDraftField<K extends keyof SavedRequest>(tabId: string, key: K): SavedRequest[K] | undefined {
  return useTabsStore((s) => s.tabs[tabId]?.draft[key]);
}
