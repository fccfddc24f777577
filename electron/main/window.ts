import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { join } from 'node:path';

/** The web preferences every Salvo window gets (Electron security checklist items 2-4, 8, 12). */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** Creates the main window (hidden until first paint) and loads the renderer URL. */
export function createMainWindow(appPath: string, url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Salvo',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(join(appPath, 'out', 'preload', 'index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(url).catch((err: unknown) => {
    console.error('failed to load the renderer:', err instanceof Error ? err.message : String(err));
  });
  return win;
}
