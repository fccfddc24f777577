import { BrowserWindow } from 'electron';
import { join } from 'node:path';

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
    // Electron security checklist: isolated, sandboxed, no Node, no webview; written inline so
    // Electronegativity can see every flag.
    webPreferences: {
      preload: join(appPath, 'out', 'preload', 'index.cjs'),
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
      // Middle-click would open links in a new window; new windows are denied anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(url).catch((err: unknown) => {
    console.error('failed to load the renderer:', err instanceof Error ? err.message : String(err));
  });
  return win;
}
