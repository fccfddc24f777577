import { useEffect } from 'react';
import { closeTabAsking, newRequestTab, saveTab, sendTab } from '../features/request-editor/request-actions';
import { useDialogStore } from '../state/dialog-store';
import { useTabsStore } from '../state/tabs-store';
import type { ShortcutAction } from './keymap';
import { isMacPlatform, shortcutFor } from './keymap';

/** Runs a shortcut action against the active tab. */
export function runShortcut(action: ShortcutAction): void {
  const tabId = useTabsStore.getState().activeId;
  switch (action) {
    case 'new-request':
      newRequestTab();
      return;
    case 'save':
      if (tabId !== undefined) void saveTab(tabId);
      return;
    case 'send':
      if (tabId !== undefined) void sendTab(tabId);
      return;
    case 'close-tab':
      if (tabId !== undefined) void closeTabAsking(tabId);
      return;
  }
}

/** Installs the app keymap on the window, in the capture phase so editors (CodeMirror's Mod-Enter) do not swallow it. */
export function useKeymap(): void {
  useEffect(() => {
    const isMac = isMacPlatform(navigator.platform);
    const onKeyDown = (e: KeyboardEvent): void => {
      const action = shortcutFor(e, isMac);
      if (action === undefined) return;
      // A modal question owns the keyboard.
      if (useDialogStore.getState().current !== undefined) return;
      e.preventDefault();
      e.stopPropagation();
      runShortcut(action);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
