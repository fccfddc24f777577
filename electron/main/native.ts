import { dialog, shell } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { NativeBridge } from '../handlers/context';
import { SalvoError } from '../../shared/model/errors';
import { shouldOpenExternally } from './url-policy';

function picked(result: { canceled: boolean; filePaths?: string[]; filePath?: string }): { canceled: boolean; path?: string } {
  const path = result.filePath ?? result.filePaths?.[0];
  return result.canceled || !path ? { canceled: true } : { canceled: false, path };
}

/** Native dialogs (parented to the current window) and the vetted external-link opener. */
export function createNativeBridge(window: () => BrowserWindow | undefined): NativeBridge {
  const open = async (options: OpenDialogOptions) => {
    const win = window();
    return picked(win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options));
  };
  return {
    openFolder: (title) => open({ title: title ?? 'Open collection folder', properties: ['openDirectory', 'createDirectory'] }),
    openFile: (title, extensions) =>
      open({ title: title ?? 'Choose a file', properties: ['openFile'], ...(extensions?.length ? { filters: [{ name: 'Files', extensions: [...extensions] }] } : {}) }),
    saveFile: async (title, defaultName) => {
      const win = window();
      const options = { title: title ?? 'Save as', ...(defaultName === undefined ? {} : { defaultPath: defaultName }) };
      return picked(win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options));
    },
    openExternal: async (url) => {
      // Checked again here so no caller can hand the OS a file:, smb: or custom-scheme URL.
      if (!shouldOpenExternally(url)) throw new SalvoError('invalid-input', 'only http(s) links can be opened');
      await shell.openExternal(url);
    },
  };
}
